// Runs the GraphJobStore conformance suite against the memory and SQLite backends.

#include "storage/conformance/graph_job_store_conformance.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "storage/memory/memory_graph_job_store.h"
#include "storage/sqlite/sqlite_store.h"

namespace ordo::storage::conformance {
namespace {

Result<std::shared_ptr<GraphJobStore>> MakeMemoryStore(const std::string& /*scratch_dir*/) {
  return std::shared_ptr<GraphJobStore>(std::make_shared<MemoryGraphJobStore>());
}

Result<std::shared_ptr<GraphJobStore>> MakeSqliteStore(const std::string& scratch_dir) {
  ORDO_TRY(store, SqliteStore::Open(scratch_dir + "/jobs.db", SqliteOpenMode::kCreateIfMissing));
  return std::shared_ptr<GraphJobStore>(std::move(store));
}

INSTANTIATE_TEST_SUITE_P(
    Backends, GraphJobStoreConformanceTest,
    ::testing::Values(GraphJobStoreBackend{"Memory", MakeMemoryStore, nullptr},
                      GraphJobStoreBackend{"Sqlite", MakeSqliteStore, MakeSqliteStore}),
    GraphJobBackendName);

}  // namespace
}  // namespace ordo::storage::conformance
