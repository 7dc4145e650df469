#include "storage/conformance/narcotics_record_store_conformance.h"

#include <stdlib.h>

#include <filesystem>
#include <ostream>

#include "storage/conformance/sample_rows.h"

namespace ordo::storage::conformance {

std::string NarcoticsBackendName(
    const ::testing::TestParamInfo<NarcoticsRecordStoreBackend>& info) {
  return info.param.name;
}

void PrintTo(const NarcoticsRecordStoreBackend& backend, std::ostream* out) {
  *out << backend.name;
}

CultivationRecord SampleCultivation(int year, double hectares) {
  CultivationRecord record;
  record.year = year;
  record.country = Code("AFG");
  record.region = "Region A";
  record.crop = Crop::kOpiumPoppy;
  record.kind = CultivationKind::kCultivated;
  record.hectares = hectares;
  record.source = "test fixture (made up)";
  record.synthetic = true;
  record.note = "a \"quoted\" note, with a comma";
  return record;
}

PriceRecord SamplePrice(std::string_view date, double price) {
  PriceRecord record;
  record.date = Date(date);
  record.country = Code("KGZ");
  record.place = "Town B";
  record.drug = Drug::kHeroin;
  record.level = PriceLevel::kRetail;
  record.price = price;
  record.unit = PriceUnit::kPerGram;
  record.currency = "USD";
  record.purity_percent = 12.5;
  record.source = "test fixture (made up)";
  record.synthetic = true;
  return record;
}

void NarcoticsRecordStoreConformanceTest::SetUp() {
  std::string pattern = ::testing::TempDir() + "ordo_narcotics_conformance_XXXXXX";
  ASSERT_NE(mkdtemp(pattern.data()), nullptr) << "cannot create a scratch directory";
  scratch_dir_ = pattern;
  Result<NarcoticsRecordStores> made = GetParam().make_stores(scratch_dir_);
  if (IsSkipped()) return;
  ASSERT_TRUE(made.has_value()) << made.error().ToString();
  stores_ = std::move(made).value();
  ASSERT_NE(stores_.registry, nullptr);
  ASSERT_NE(stores_.records, nullptr);
  RegistryBatch countries;
  for (std::string_view code : {"KGZ", "TJK", "AFG"}) {
    countries.countries.push_back(SampleCountry(code));
  }
  Status written = stores_.registry->Write(countries);
  ASSERT_TRUE(written.has_value()) << written.error().ToString();
}

void NarcoticsRecordStoreConformanceTest::TearDown() {
  stores_ = {};  // close files before their directory goes
  if (!scratch_dir_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(scratch_dir_, ignored);
  }
}

}  // namespace ordo::storage::conformance
