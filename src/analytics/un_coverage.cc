#include "analytics/un_coverage.h"

#include <map>
#include <set>

namespace ordo::analytics {
namespace {

const char kKyrgyzstan[] = "KGZ";

}  // namespace

Result<UnCoverage> ComputeUnCoverage(storage::RegistryStore& store, const CountryDirectory& directory) {
  ORDO_TRY(relations, store.ListRelations());
  ORDO_TRY(missing, store.ListMissingRelations());
  std::set<CountryCode> related;
  for (const Relation& relation : relations) related.insert(relation.iso3);
  std::map<CountryCode, MissingRelation> listed;
  for (MissingRelation& row : missing) listed.emplace(row.iso3, std::move(row));

  UnCoverage coverage;
  for (const Country& country : directory.countries()) {
    const bool has_relation = related.count(country.iso3) > 0;
    if (!country.un_member) {
      if (has_relation) coverage.non_members_with_relations.push_back(&country);
      continue;
    }
    ++coverage.un_members;
    if (country.iso3.str() == kKyrgyzstan) continue;
    if (has_relation) {
      coverage.with_relations.push_back(&country);
      auto it = listed.find(country.iso3);
      if (it != listed.end() && !it->second.later_established) {
        coverage.inconsistencies.push_back(country.iso3.str() +
                                           " has a relation but is listed as missing without a "
                                           "later establishment date");
      }
      continue;
    }
    UncoveredMember member{&country, std::nullopt};
    auto it = listed.find(country.iso3);
    if (it != listed.end()) {
      member.listed = it->second;
    } else {
      coverage.inconsistencies.push_back(country.iso3.str() +
                                         " is a UN member without a relation but is not in the "
                                         "missing-relations list");
    }
    coverage.without_relations.push_back(std::move(member));
  }
  if (coverage.un_members == 0) {
    return FailedPrecondition("no country is marked as a UN member; the reference data is missing");
  }
  return coverage;
}

}  // namespace ordo::analytics
