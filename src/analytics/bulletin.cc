#include "analytics/bulletin.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_set>

namespace ordo::analytics {
namespace {

// A tally under construction: the case ids seen so far.
struct TallyBuilder {
  BulletinTally tally;
  std::unordered_set<std::string> case_ids;

  void Add(const Seizure& seizure) {
    ++tally.seizures;
    if (seizure.case_id.empty() || case_ids.insert(seizure.case_id).second) ++tally.cases;
    if (!seizure.quantity_kg) {
      ++tally.without_kg;
      return;
    }
    tally.kg += *seizure.quantity_kg;
    if (tally.largest_id.empty() || *seizure.quantity_kg > tally.largest_kg) {
      tally.largest_kg = *seizure.quantity_kg;
      tally.largest_id = seizure.seizure_id;
    }
  }
};

std::string CodeOrUnknown(const std::optional<CountryCode>& code) {
  return code ? code->str() : "unknown";
}

std::vector<BulletinGroupRow> Groups(std::map<std::string, TallyBuilder>& builders) {
  std::vector<BulletinGroupRow> rows;
  for (auto& [group, builder] : builders) rows.push_back({group, builder.tally});
  std::stable_sort(rows.begin(), rows.end(),
                   [](const BulletinGroupRow& a, const BulletinGroupRow& b) {
                     return a.tally.seizures > b.tally.seizures;
                   });
  return rows;
}

}  // namespace

Result<Bulletin> ComputeBulletin(storage::SeizureStore& store, storage::SeizureFilter filter,
                                 const Period& period) {
  if (!filter.from || filter.from->FirstDay() < period.from.FirstDay()) filter.from = period.from;
  if (!filter.to || filter.to->LastDay() > period.to.LastDay()) filter.to = period.to;
  filter.offset = 0;
  filter.limit = 0;
  Bulletin bulletin;
  bulletin.period = period;
  std::optional<bool> synthetic;
  TallyBuilder total;
  std::map<Drug, TallyBuilder> by_drug;
  std::map<std::tuple<std::string, std::string, Drug>, TallyBuilder> by_route;
  std::map<std::string, TallyBuilder> by_conveyance;
  std::map<std::string, TallyBuilder> by_agency;
  std::set<std::string> sources;
  ORDO_RETURN_IF_ERROR(store.ForEachSeizure(filter, [&](const Seizure& seizure) -> Status {
    if (synthetic && *synthetic != seizure.synthetic) {
      return FailedPrecondition(
          "the matching seizures mix real and synthetic records, which never share a bulletin; "
          "choose one kind (--synthetic true or --synthetic false)");
    }
    synthetic = seizure.synthetic;
    bulletin.marking = MaxMarking(bulletin.marking, seizure.marking);
    total.Add(seizure);
    by_drug[seizure.drug].Add(seizure);
    by_route[{CodeOrUnknown(seizure.departure), CodeOrUnknown(seizure.destination), seizure.drug}]
        .Add(seizure);
    by_conveyance[seizure.conveyance.empty() ? "unknown" : seizure.conveyance].Add(seizure);
    by_agency[seizure.agency.empty() ? "unknown" : seizure.agency].Add(seizure);
    if (!seizure.source.empty()) sources.insert(seizure.source);
    return OkStatus();
  }));
  bulletin.synthetic = synthetic.value_or(false);
  bulletin.total = total.tally;
  for (auto& [drug, builder] : by_drug) bulletin.by_drug.push_back({drug, builder.tally});
  for (auto& [key, builder] : by_route) {
    bulletin.by_route.push_back(
        {std::get<0>(key), std::get<1>(key), std::get<2>(key), builder.tally});
  }
  std::stable_sort(bulletin.by_route.begin(), bulletin.by_route.end(),
                   [](const BulletinRouteRow& a, const BulletinRouteRow& b) {
                     return a.tally.seizures > b.tally.seizures;
                   });
  bulletin.by_conveyance = Groups(by_conveyance);
  bulletin.by_agency = Groups(by_agency);
  bulletin.sources.assign(sources.begin(), sources.end());
  return bulletin;
}

}  // namespace ordo::analytics
