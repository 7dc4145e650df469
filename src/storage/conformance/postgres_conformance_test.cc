// Runs every storage conformance suite (registry, seizures, cultivation and prices, links, audit
// log, accounts, graph jobs) against PostgresStore on the throw-away test cluster, each test in a
// schema of its own.

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <string>

#include "storage/conformance/account_store_conformance.h"
#include "storage/conformance/audit_store_conformance.h"
#include "storage/conformance/graph_job_store_conformance.h"
#include "storage/conformance/link_store_conformance.h"
#include "storage/conformance/narcotics_record_store_conformance.h"
#include "storage/conformance/registry_store_conformance.h"
#include "storage/conformance/seizure_store_conformance.h"
#include "storage/postgres/postgres_store.h"
#include "storage/postgres/testing/test_cluster.h"

namespace ordo::storage::conformance {
namespace {

Result<std::shared_ptr<PostgresStore>> OpenFreshStore() {
  ORDO_TRY(uri, testing::NewTestSchemaUri());
  ORDO_TRY(store, PostgresStore::Open(uri, PostgresOpenMode::kCreateIfMissing));
  return std::shared_ptr<PostgresStore>(std::move(store));
}

Result<std::unique_ptr<RegistryStore>> MakeRegistryStore(const std::string& /*scratch_dir*/) {
  ORDO_TRY(uri, testing::NewTestSchemaUri());
  ORDO_TRY(store, PostgresStore::Open(uri, PostgresOpenMode::kCreateIfMissing));
  return std::unique_ptr<RegistryStore>(std::move(store));
}

Result<SeizureStores> MakeSeizureStores(const std::string& /*scratch_dir*/) {
  ORDO_TRY(store, OpenFreshStore());
  return SeizureStores{store, store};
}

Result<NarcoticsRecordStores> MakeNarcoticsStores(const std::string& /*scratch_dir*/) {
  ORDO_TRY(store, OpenFreshStore());
  return NarcoticsRecordStores{store, store};
}

Result<std::shared_ptr<LinkStore>> MakeLinkStore(const std::string& /*scratch_dir*/) {
  ORDO_TRY(store, OpenFreshStore());
  return std::shared_ptr<LinkStore>(store);
}

// A new schema whose URI is kept in the scratch directory, so that `OpenAgain` opens a second
// store (another connection) on the same tables.
Result<std::shared_ptr<PostgresStore>> OpenFreshStoreIn(const std::string& scratch_dir) {
  ORDO_TRY(uri, testing::NewTestSchemaUri());
  std::ofstream(scratch_dir + "/uri") << uri;
  ORDO_TRY(store, PostgresStore::Open(uri, PostgresOpenMode::kCreateIfMissing));
  return std::shared_ptr<PostgresStore>(std::move(store));
}

Result<std::shared_ptr<PostgresStore>> OpenAgain(const std::string& scratch_dir) {
  std::ifstream in(scratch_dir + "/uri");
  std::string uri;
  if (!std::getline(in, uri)) return Internal("no schema was made in " + scratch_dir);
  ORDO_TRY(store, PostgresStore::Open(uri, PostgresOpenMode::kMustExist));
  return std::shared_ptr<PostgresStore>(std::move(store));
}

// The first store of a test makes the schema; a second one opens it again.
template <typename Interface>
Result<std::shared_ptr<Interface>> MakeOrOpen(const std::string& scratch_dir) {
  std::ifstream existing(scratch_dir + "/uri");
  Result<std::shared_ptr<PostgresStore>> store =
      existing ? OpenAgain(scratch_dir) : OpenFreshStoreIn(scratch_dir);
  if (!store) return store.error();
  return std::shared_ptr<Interface>(*store);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditStoreConformanceTest,
                         ::testing::Values(AuditStoreBackend{"Postgres", MakeOrOpen<AuditStore>,
                                                             MakeOrOpen<AuditStore>}),
                         AuditBackendName);
INSTANTIATE_TEST_SUITE_P(Backends, AccountStoreConformanceTest,
                         ::testing::Values(AccountStoreBackend{"Postgres",
                                                               MakeOrOpen<AccountStore>,
                                                               MakeOrOpen<AccountStore>}),
                         AccountBackendName);
INSTANTIATE_TEST_SUITE_P(Backends, GraphJobStoreConformanceTest,
                         ::testing::Values(GraphJobStoreBackend{"Postgres",
                                                                MakeOrOpen<GraphJobStore>,
                                                                MakeOrOpen<GraphJobStore>}),
                         GraphJobBackendName);
INSTANTIATE_TEST_SUITE_P(Backends, RegistryStoreConformanceTest,
                         ::testing::Values(RegistryStoreBackend{"Postgres", MakeRegistryStore}),
                         BackendName);
INSTANTIATE_TEST_SUITE_P(Backends, SeizureStoreConformanceTest,
                         ::testing::Values(SeizureStoreBackend{"Postgres", MakeSeizureStores}),
                         SeizureBackendName);
INSTANTIATE_TEST_SUITE_P(Backends, NarcoticsRecordStoreConformanceTest,
                         ::testing::Values(NarcoticsRecordStoreBackend{"Postgres",
                                                                       MakeNarcoticsStores}),
                         NarcoticsBackendName);
INSTANTIATE_TEST_SUITE_P(Backends, LinkStoreConformanceTest,
                         ::testing::Values(LinkStoreBackend{"Postgres", MakeLinkStore}),
                         LinkBackendName);

}  // namespace
}  // namespace ordo::storage::conformance
