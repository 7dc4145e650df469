// Runs the AccountStore conformance suite against the memory and SQLite backends.

#include "storage/conformance/account_store_conformance.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "storage/memory/memory_account_store.h"
#include "storage/sqlite/sqlite_store.h"

namespace ordo::storage::conformance {
namespace {

Result<std::shared_ptr<AccountStore>> MakeMemoryStore(const std::string& /*scratch_dir*/) {
  return std::shared_ptr<AccountStore>(std::make_shared<MemoryAccountStore>());
}

Result<std::shared_ptr<AccountStore>> MakeSqliteStore(const std::string& scratch_dir) {
  ORDO_TRY(store, SqliteStore::Open(scratch_dir + "/accounts.db", SqliteOpenMode::kCreateIfMissing));
  return std::shared_ptr<AccountStore>(std::move(store));
}

INSTANTIATE_TEST_SUITE_P(
    Backends, AccountStoreConformanceTest,
    ::testing::Values(AccountStoreBackend{"Memory", MakeMemoryStore, nullptr},
                      AccountStoreBackend{"Sqlite", MakeSqliteStore, MakeSqliteStore}),
    AccountBackendName);

}  // namespace
}  // namespace ordo::storage::conformance
