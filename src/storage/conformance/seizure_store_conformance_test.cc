// Runs the SeizureStore conformance suite against the memory and SQLite backends.

#include "storage/conformance/seizure_store_conformance.h"

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "storage/memory/memory_seizure_store.h"
#include "storage/memory/memory_store.h"
#include "storage/sqlite/sqlite_store.h"

namespace ordo::storage::conformance {
namespace {

Result<SeizureStores> MakeMemoryStores(const std::string& /*scratch_dir*/) {
  auto registry = std::make_shared<MemoryStore>();
  // The deleter keeps the registry, which the seizure store refers to, alive as long as the store.
  std::shared_ptr<SeizureStore> seizures(new MemorySeizureStore(*registry),
                                         [registry](SeizureStore* store) { delete store; });
  return SeizureStores{registry, std::move(seizures)};
}

Result<SeizureStores> MakeSqliteStores(const std::string& scratch_dir) {
  ORDO_TRY(store,
           SqliteStore::Open(scratch_dir + "/seizures.db", SqliteOpenMode::kCreateIfMissing));
  std::shared_ptr<SqliteStore> shared(std::move(store));
  return SeizureStores{shared, shared};
}

INSTANTIATE_TEST_SUITE_P(Backends, SeizureStoreConformanceTest,
                         ::testing::Values(SeizureStoreBackend{"Memory", MakeMemoryStores},
                                           SeizureStoreBackend{"Sqlite", MakeSqliteStores}),
                         SeizureBackendName);

}  // namespace
}  // namespace ordo::storage::conformance
