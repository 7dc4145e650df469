// Runs the AuditStore conformance suite against the memory and SQLite backends.

#include "storage/conformance/audit_store_conformance.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "storage/memory/memory_audit_store.h"
#include "storage/sqlite/sqlite_store.h"

namespace ordo::storage::conformance {
namespace {

Result<std::shared_ptr<AuditStore>> MakeMemoryStore(const std::string& /*scratch_dir*/) {
  return std::shared_ptr<AuditStore>(std::make_shared<MemoryAuditStore>());
}

Result<std::shared_ptr<AuditStore>> MakeSqliteStore(const std::string& scratch_dir) {
  ORDO_TRY(store, SqliteStore::Open(scratch_dir + "/audit.db", SqliteOpenMode::kCreateIfMissing));
  return std::shared_ptr<AuditStore>(std::move(store));
}

INSTANTIATE_TEST_SUITE_P(
    Backends, AuditStoreConformanceTest,
    ::testing::Values(AuditStoreBackend{"Memory", MakeMemoryStore, nullptr},
                      AuditStoreBackend{"Sqlite", MakeSqliteStore, MakeSqliteStore}),
    AuditBackendName);

}  // namespace
}  // namespace ordo::storage::conformance
