// Runs the RegistryStore conformance suite against the memory and SQLite backends.

#include "storage/conformance/registry_store_conformance.h"

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "storage/memory/memory_store.h"
#include "storage/sqlite/sqlite_store.h"

namespace ordo::storage::conformance {
namespace {

Result<std::unique_ptr<RegistryStore>> MakeMemoryStore(const std::string& /*scratch_dir*/) {
  return std::unique_ptr<RegistryStore>(std::make_unique<MemoryStore>());
}

Result<std::unique_ptr<RegistryStore>> MakeSqliteStore(const std::string& scratch_dir) {
  ORDO_TRY(store,
           SqliteStore::Open(scratch_dir + "/registry.db", SqliteOpenMode::kCreateIfMissing));
  return std::unique_ptr<RegistryStore>(std::move(store));
}

INSTANTIATE_TEST_SUITE_P(Backends, RegistryStoreConformanceTest,
                         ::testing::Values(RegistryStoreBackend{"Memory", MakeMemoryStore},
                                           RegistryStoreBackend{"Sqlite", MakeSqliteStore}),
                         BackendName);

}  // namespace
}  // namespace ordo::storage::conformance
