#pragma once
// MemoryGraphJobStore: a GraphJobStore in process memory; the reference behaviour for the graph
// job store conformance suite.

#include <map>
#include <string>

#include "storage/graph_job_store.h"

namespace ordo::storage {

// Implements the GraphJobStore contract exactly. Thread-safety: as GraphJobStore.
class MemoryGraphJobStore final : public GraphJobStore {
 public:
  MemoryGraphJobStore() = default;
  MemoryGraphJobStore(const MemoryGraphJobStore&) = delete;
  MemoryGraphJobStore& operator=(const MemoryGraphJobStore&) = delete;

  Status AddGraphJob(const StoredGraphJob& job) override;
  Result<bool> UpdateGraphJob(const StoredGraphJob& job) override;
  Result<std::optional<StoredGraphJob>> FindGraphJob(const std::string& id,
                                                     bool with_values) override;
  Result<std::vector<StoredGraphJob>> ListGraphJobs(const std::string& owner) override;
  Result<std::size_t> InterruptGraphJobs(const std::string& updated_before, const std::string& now,
                                         const std::string& error) override;
  Result<std::size_t> ForgetGraphJobs(const std::string& finished_before,
                                      std::size_t keep_per_owner) override;

 private:
  std::map<std::string, StoredGraphJob> jobs_;  // by id
};

}  // namespace ordo::storage
