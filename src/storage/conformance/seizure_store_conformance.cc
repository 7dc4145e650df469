#include "storage/conformance/seizure_store_conformance.h"

#include <stdlib.h>

#include <filesystem>
#include <ostream>

#include "storage/conformance/sample_rows.h"

namespace ordo::storage::conformance {

std::string SeizureBackendName(const ::testing::TestParamInfo<SeizureStoreBackend>& info) {
  return info.param.name;
}

void PrintTo(const SeizureStoreBackend& backend, std::ostream* out) { *out << backend.name; }

Seizure SampleSeizure(std::string_view seizure_id, std::string_view date) {
  Seizure seizure;
  seizure.seizure_id = std::string(seizure_id);
  seizure.date = Date(date);
  seizure.place = "Sary-Tash";
  seizure.lat = 39.7297;
  seizure.lon = 73.2497;
  seizure.admin_region = "Osh Region";
  seizure.country = Code("KGZ");
  seizure.drug = Drug::kHeroin;
  seizure.quantity = 1200;
  seizure.unit = QuantityUnit::kTablet;
  seizure.quantity_kg = 0.3;
  seizure.conversion_note = "1 tablet = 0.25 g (import option)";
  seizure.conveyance = "truck";
  seizure.concealment = "spare tyre, \"double\" floor";
  seizure.origin = Code("AFG");
  seizure.departure = Code("TJK");
  seizure.destination = Code("RUS");
  seizure.transit = {Code("KAZ"), Code("TJK")};
  seizure.route = {"Khorog", "Sary-Tash", "Osh"};
  seizure.agency = "SBNON";
  seizure.case_id = "C-17";
  seizure.synthetic = false;
  seizure.source = "https://example.org/" + std::string(seizure_id);
  return seizure;
}

void SeizureStoreConformanceTest::SetUp() {
  std::string pattern = ::testing::TempDir() + "ordo_seizure_conformance_XXXXXX";
  ASSERT_NE(mkdtemp(pattern.data()), nullptr) << "cannot create a scratch directory";
  scratch_dir_ = pattern;
  Result<SeizureStores> made = GetParam().make_stores(scratch_dir_);
  if (IsSkipped()) return;
  ASSERT_TRUE(made.has_value()) << made.error().ToString();
  stores_ = std::move(made).value();
  ASSERT_NE(stores_.registry, nullptr);
  ASSERT_NE(stores_.seizures, nullptr);
  RegistryBatch countries;
  for (std::string_view code : {"KGZ", "TJK", "AFG", "RUS", "KAZ"}) {
    countries.countries.push_back(SampleCountry(code));
  }
  Status written = stores_.registry->Write(countries);
  ASSERT_TRUE(written.has_value()) << written.error().ToString();
}

void SeizureStoreConformanceTest::TearDown() {
  stores_ = {};  // close files before their directory goes
  if (!scratch_dir_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(scratch_dir_, ignored);
  }
}

}  // namespace ordo::storage::conformance
