#pragma once
// UN coverage: which of the UN member states Kyrgyzstan has diplomatic relations with, which it has
// none with (and whether the data's own list of missing states agrees), and which non-members it
// has relations with (the Holy See, the State of Palestine).

#include <optional>
#include <vector>

#include "analytics/country_directory.h"
#include "core/relation.h"
#include "storage/registry_store.h"

namespace ordo::analytics {

struct UncoveredMember {
  const Country* country = nullptr;
  std::optional<MissingRelation> listed;  // the row of the missing-relations file, when there is one
};

struct UnCoverage {
  std::size_t un_members = 0;  // including Kyrgyzstan
  std::vector<const Country*> with_relations;
  std::vector<UncoveredMember> without_relations;  // Kyrgyzstan itself is not counted here
  std::vector<const Country*> non_members_with_relations;
  // Disagreements between the relations table and the missing-relations file, in words.
  std::vector<std::string> inconsistencies;
};

// Pointers point into `directory`. Errors: kFailedPrecondition when no country is marked as a UN
// member (reference data missing), or store errors.
Result<UnCoverage> ComputeUnCoverage(storage::RegistryStore& store, const CountryDirectory& directory);

}  // namespace ordo::analytics
