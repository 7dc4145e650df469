#pragma once
// MemoryNarcoticsRecordStore: a NarcoticsRecordStore that keeps cultivation and price records in
// process memory. It is the reference behaviour for the narcotics-record conformance suite and the
// store for unit tests; nothing survives the process.

#include <set>
#include <vector>

#include "storage/narcotics_record_store.h"
#include "storage/registry_store.h"

namespace ordo::storage {

// Implements the NarcoticsRecordStore contract exactly. Country references are checked against
// `countries.ListCountries()` at each append; errors from that call are returned as they are.
// `countries` must outlive the store.
//
// Thread-safety: as NarcoticsRecordStore, one thread at a time; no internal locking.
class MemoryNarcoticsRecordStore final : public NarcoticsRecordStore {
 public:
  explicit MemoryNarcoticsRecordStore(RegistryStore& countries) : countries_(countries) {}
  MemoryNarcoticsRecordStore(const MemoryNarcoticsRecordStore&) = delete;
  MemoryNarcoticsRecordStore& operator=(const MemoryNarcoticsRecordStore&) = delete;

  Status AppendCultivation(const std::vector<CultivationRecord>& records) override;
  Status AppendPrices(const std::vector<PriceRecord>& records) override;
  Result<std::vector<CultivationRecord>> ListCultivation(const CultivationFilter& filter) override;
  Result<std::vector<PriceRecord>> ListPrices(const PriceFilter& filter) override;
  Result<std::size_t> CountCultivation(const CultivationFilter& filter) override;
  Result<std::size_t> CountPrices(const PriceFilter& filter) override;

 private:
  RegistryStore& countries_;
  std::vector<CultivationRecord> cultivation_;
  std::set<CultivationKey> cultivation_keys_;
  std::vector<PriceRecord> prices_;
  std::set<PriceKey> price_keys_;
};

}  // namespace ordo::storage
