// Runs the NarcoticsRecordStore conformance suite against the memory and SQLite backends.

#include "storage/conformance/narcotics_record_store_conformance.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "storage/memory/memory_narcotics_record_store.h"
#include "storage/memory/memory_store.h"
#include "storage/sqlite/sqlite_store.h"

namespace ordo::storage::conformance {
namespace {

Result<NarcoticsRecordStores> MakeMemoryStores(const std::string& /*scratch_dir*/) {
  auto registry = std::make_shared<MemoryStore>();
  // The deleter keeps the registry, which the record store refers to, alive as long as the store.
  std::shared_ptr<NarcoticsRecordStore> records(
      new MemoryNarcoticsRecordStore(*registry),
      [registry](NarcoticsRecordStore* store) { delete store; });
  return NarcoticsRecordStores{registry, std::move(records)};
}

Result<NarcoticsRecordStores> MakeSqliteStores(const std::string& scratch_dir) {
  ORDO_TRY(store,
           SqliteStore::Open(scratch_dir + "/narcotics.db", SqliteOpenMode::kCreateIfMissing));
  std::shared_ptr<SqliteStore> shared(std::move(store));
  return NarcoticsRecordStores{shared, shared};
}

INSTANTIATE_TEST_SUITE_P(Backends, NarcoticsRecordStoreConformanceTest,
                         ::testing::Values(NarcoticsRecordStoreBackend{"Memory", MakeMemoryStores},
                                           NarcoticsRecordStoreBackend{"Sqlite", MakeSqliteStores}),
                         NarcoticsBackendName);

}  // namespace
}  // namespace ordo::storage::conformance
