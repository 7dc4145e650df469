#include "analytics/relations_query.h"

#include <set>

namespace ordo::analytics {
namespace {

Certainty Both(Certainty a, Certainty b) {
  if (a == Certainty::kNo || b == Certainty::kNo) return Certainty::kNo;
  if (a == Certainty::kUncertain || b == Certainty::kUncertain) return Certainty::kUncertain;
  return Certainty::kYes;
}

PartialDate FirstDayOf(const PartialDate& date) {
  return PartialDate::FromParts(date.year(), date.month() == 0 ? 1 : date.month(),
                                date.day() == 0 ? 1 : date.day())
      .value();
}

PartialDate LastDayOf(const PartialDate& date) {
  const int month = date.month() == 0 ? 12 : date.month();
  const int day = date.day() == 0 ? DaysInMonth(date.year(), month) : date.day();
  return PartialDate::FromParts(date.year(), month, day).value();
}

bool InRegion(const Country& country, const std::string& folded_region) {
  return FoldForMatching(country.region) == folded_region ||
         FoldForMatching(country.subregion) == folded_region ||
         FoldForMatching(country.intermediate_region) == folded_region;
}

Status CheckRegionExists(const CountryDirectory& directory, const std::string& folded_region) {
  std::set<std::string> known;
  for (const Country& country : directory.countries()) {
    if (InRegion(country, folded_region)) return OkStatus();
    for (const std::string* name : {&country.region, &country.subregion,
                                    &country.intermediate_region}) {
      if (!name->empty()) known.insert(*name);
    }
  }
  std::string list;
  for (const std::string& name : known) list += (list.empty() ? "" : ", ") + name;
  return InvalidArgument("unknown region (UN M49); known regions: " + list);
}

}  // namespace

Certainty MatchDates(const std::optional<PartialDate>& established, const RelationsFilter& filter) {
  if (!filter.before && !filter.after) return Certainty::kYes;
  if (!established) return Certainty::kUncertain;
  Certainty certainty = Certainty::kYes;
  if (filter.before) certainty = Both(certainty, IsBefore(*established, FirstDayOf(*filter.before)));
  if (filter.after) certainty = Both(certainty, IsAfter(*established, LastDayOf(*filter.after)));
  return certainty;
}

Result<std::vector<RelationMatch>> FindRelations(storage::RegistryStore& store,
                                                 const CountryDirectory& directory,
                                                 const RelationsFilter& filter) {
  const std::string folded_region = FoldForMatching(filter.region);
  if (!folded_region.empty()) ORDO_RETURN_IF_ERROR(CheckRegionExists(directory, folded_region));

  ORDO_TRY(relations, store.ListRelations());
  std::vector<RelationMatch> matches;
  for (Relation& relation : relations) {
    const Country* country = directory.Find(relation.iso3);
    if (country == nullptr) return Internal("relation for unknown country " + relation.iso3.str());
    if (!folded_region.empty() && !InRegion(*country, folded_region)) continue;
    const Certainty certainty = MatchDates(relation.established, filter);
    if (certainty == Certainty::kNo) continue;
    if (certainty == Certainty::kUncertain && filter.certain_only) continue;
    matches.push_back({std::move(relation), country, certainty});
  }
  return matches;
}

}  // namespace ordo::analytics
