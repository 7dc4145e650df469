#pragma once
// MemorySeizureStore: a SeizureStore that keeps every seizure in process memory. It is the
// reference behaviour for the seizure conformance suite and the store for unit tests; nothing
// survives the process.

#include <set>
#include <string>
#include <vector>

#include "storage/registry_store.h"
#include "storage/seizure_store.h"

namespace ordo::storage {

// Implements the SeizureStore contract exactly. Country references are checked against
// `countries.ListCountries()` at each AppendSeizures; errors from that call are returned as they
// are. `countries` must outlive the store.
//
// Thread-safety: as SeizureStore, one thread at a time; no internal locking.
class MemorySeizureStore final : public SeizureStore {
 public:
  explicit MemorySeizureStore(RegistryStore& countries) : countries_(countries) {}
  MemorySeizureStore(const MemorySeizureStore&) = delete;
  MemorySeizureStore& operator=(const MemorySeizureStore&) = delete;

  Status AppendSeizures(const std::vector<Seizure>& seizures) override;
  // Collects the produced rows, then appends them as AppendSeizures does.
  Status AppendSeizuresFrom(const SeizureProducer& produce) override;
  Result<std::vector<Seizure>> ListSeizures(const SeizureFilter& filter) override;
  Result<std::size_t> CountSeizures(const SeizureFilter& filter) override;
  Status ForEachSeizure(const SeizureFilter& filter, const SeizureVisitor& visit) override;
  Result<std::optional<std::string>> FindCaseCompartment(const std::string& case_id) override;

 private:
  RegistryStore& countries_;
  std::vector<Seizure> rows_;
  std::set<std::string> ids_;
};

}  // namespace ordo::storage
