#pragma once
// FailingStore: a fault-injection decorator over any RegistryStore. It makes one chosen call fail
// with kUnavailable, so tests can check that analytics, the CLI and the API surface a storage
// outage cleanly (leveldb's fault-injection Env plays the same role).

#include <cstddef>
#include <string_view>
#include <vector>

#include "storage/registry_store.h"

namespace ordo::storage {

// Counts every method call made on it, starting at 1. Call number `fail_on_call` returns
// kUnavailable ("injected failure: call 3 (Write)") without reaching the wrapped store, so a
// failed Write writes nothing; every other call is forwarded unchanged. A `fail_on_call` of 0
// never fails.
//
// Lifetime: `target` is borrowed and must outlive the FailingStore.
// Thread-safety: as RegistryStore, one thread at a time.
class FailingStore final : public RegistryStore {
 public:
  FailingStore(RegistryStore& target, std::size_t fail_on_call);
  FailingStore(const FailingStore&) = delete;
  FailingStore& operator=(const FailingStore&) = delete;

  // How many calls this decorator has seen, the failed one included.
  std::size_t CallCount() const { return call_count_; }

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
  Status Write(const RegistryBatch& batch) override;

 private:
  // Counts one call to `method`; returns the injected error when this is the call to fail.
  Status CountCall(std::string_view method);

  RegistryStore& target_;
  std::size_t fail_on_call_;
  std::size_t call_count_ = 0;
};

}  // namespace ordo::storage
