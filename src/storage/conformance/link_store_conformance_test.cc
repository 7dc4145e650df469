// Runs the LinkStore conformance suite against the memory and SQLite backends.

#include "storage/conformance/link_store_conformance.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "storage/memory/memory_link_store.h"
#include "storage/sqlite/sqlite_store.h"

namespace ordo::storage::conformance {
namespace {

Result<std::shared_ptr<LinkStore>> MakeMemoryStore(const std::string& /*scratch_dir*/) {
  return std::shared_ptr<LinkStore>(std::make_shared<MemoryLinkStore>());
}

Result<std::shared_ptr<LinkStore>> MakeSqliteStore(const std::string& scratch_dir) {
  ORDO_TRY(store, SqliteStore::Open(scratch_dir + "/links.db", SqliteOpenMode::kCreateIfMissing));
  return std::shared_ptr<LinkStore>(std::move(store));
}

INSTANTIATE_TEST_SUITE_P(Backends, LinkStoreConformanceTest,
                         ::testing::Values(LinkStoreBackend{"Memory", MakeMemoryStore},
                                           LinkStoreBackend{"Sqlite", MakeSqliteStore}),
                         LinkBackendName);

}  // namespace
}  // namespace ordo::storage::conformance
