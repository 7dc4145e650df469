#pragma once
// MemoryStore: a RegistryStore that keeps every row in process memory. It is the reference
// behaviour for the storage conformance suite and the store for unit tests and demos; nothing
// survives the process.

#include <memory>
#include <vector>

#include "storage/registry_store.h"

namespace ordo::storage {

namespace internal {
struct MemoryKeyIndex;
}  // namespace internal

// Implements the RegistryStore contract exactly (uniqueness, references, all-or-nothing writes,
// write order) and adds one rule the SQLite backend shares: a Country with an empty iso3 is
// rejected with kInvalidArgument. List and Counts never fail.
//
// Thread-safety: as RegistryStore, one thread at a time; no internal locking.
class MemoryStore final : public RegistryStore {
 public:
  MemoryStore();
  ~MemoryStore() override;
  MemoryStore(const MemoryStore&) = delete;
  MemoryStore& operator=(const MemoryStore&) = delete;

  // Each List returns a copy of the stored rows in write order.
  Result<std::vector<Country>> ListCountries() override;
  Result<std::vector<Relation>> ListRelations() override;
  Result<std::vector<MissingRelation>> ListMissingRelations() override;
  Result<std::vector<Membership>> ListMemberships() override;
  Result<std::vector<OrganizationMember>> ListOrganizationMembers() override;
  Result<std::vector<TradeBlocMember>> ListTradeBlocMembers() override;
  Result<std::vector<TradeFlow>> ListTradeFlows() override;
  Result<std::vector<DrugFact>> ListDrugFacts() override;
  Result<std::vector<Place>> ListPlaces() override;

  Result<RegistryCounts> Counts() override;

  // Validates the whole batch against the stored rows and itself, then appends it. Checks row
  // kinds in the order of RegistryBatch's fields (every Country's iso3 first, then every Country's
  // land_neighbours) and, within a row, uniqueness before references, so the first problem
  // reported is the one the SQLite backend reports too.
  Status Write(const RegistryBatch& batch) override;

 private:
  RegistryBatch rows_;
  std::unique_ptr<internal::MemoryKeyIndex> keys_;
};

}  // namespace ordo::storage
