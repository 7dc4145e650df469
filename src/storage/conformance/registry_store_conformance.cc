#include "storage/conformance/registry_store_conformance.h"

#include <stdlib.h>

#include <filesystem>
#include <ostream>

namespace ordo::storage::conformance {

std::string BackendName(const ::testing::TestParamInfo<RegistryStoreBackend>& info) {
  return info.param.name;
}

void PrintTo(const RegistryStoreBackend& backend, std::ostream* out) { *out << backend.name; }

void RegistryStoreConformanceTest::SetUp() {
  std::string pattern = ::testing::TempDir() + "ordo_conformance_XXXXXX";
  ASSERT_NE(mkdtemp(pattern.data()), nullptr) << "cannot create a scratch directory";
  scratch_dir_ = pattern;
  Result<std::unique_ptr<RegistryStore>> made = GetParam().make_store(scratch_dir_);
  if (IsSkipped()) return;
  ASSERT_TRUE(made.has_value()) << made.error().ToString();
  store_ = std::move(made).value();
  ASSERT_NE(store_, nullptr);
}

void RegistryStoreConformanceTest::TearDown() {
  store_.reset();  // close files before their directory goes
  if (!scratch_dir_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(scratch_dir_, ignored);
  }
}

void RegistryStoreConformanceTest::WriteOrFail(const RegistryBatch& batch) {
  Status written = Store().Write(batch);
  if (!written.has_value()) ADD_FAILURE() << "Write failed: " << written.error().ToString();
}

namespace {

// Moves the rows of a successful List call into `into`; records a failure otherwise.
template <typename Row>
void TakeRows(Result<std::vector<Row>> listed, std::vector<Row>& into) {
  if (!listed.has_value()) {
    ADD_FAILURE() << "List failed: " << listed.error().ToString();
    return;
  }
  into = std::move(listed).value();
}

}  // namespace

RegistryBatch RegistryStoreConformanceTest::ListAll() {
  RegistryBatch rows;
  TakeRows(Store().ListCountries(), rows.countries);
  TakeRows(Store().ListRelations(), rows.relations);
  TakeRows(Store().ListMissingRelations(), rows.missing_relations);
  TakeRows(Store().ListMemberships(), rows.memberships);
  TakeRows(Store().ListOrganizationMembers(), rows.organization_members);
  TakeRows(Store().ListTradeBlocMembers(), rows.trade_bloc_members);
  TakeRows(Store().ListTradeFlows(), rows.trade_flows);
  TakeRows(Store().ListDrugFacts(), rows.drug_facts);
  TakeRows(Store().ListPlaces(), rows.places);
  return rows;
}

std::string RegistryStoreConformanceTest::Snapshot() {
  Result<RegistryCounts> counts = Store().Counts();
  return Describe(ListAll()) + (counts.has_value() ? Describe(*counts) : counts.error().ToString());
}

}  // namespace ordo::storage::conformance
