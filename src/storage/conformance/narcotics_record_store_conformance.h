#pragma once
// The NarcoticsRecordStore conformance suite: NarcoticsRecordStoreConformanceTest, one
// value-parameterised suite that every backend instantiates so that memory and SQLite keep exactly
// the contract of storage/narcotics_record_store.h (errors and messages included).

#include <gtest/gtest.h>

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"
#include "storage/narcotics_record_store.h"
#include "storage/registry_store.h"

namespace ordo::storage::conformance {

// A fresh, empty backend: the RegistryStore that holds the countries records refer to, and the
// NarcoticsRecordStore under test (the same object for SQLite).
struct NarcoticsRecordStores {
  std::shared_ptr<RegistryStore> registry;
  std::shared_ptr<NarcoticsRecordStore> records;
};

// `scratch_dir` is a new, empty directory the stores may keep files in.
using NarcoticsRecordStoreFactory =
    std::function<Result<NarcoticsRecordStores>(const std::string& scratch_dir)>;

struct NarcoticsRecordStoreBackend {
  std::string name;  // the test-name suffix: letters and digits only
  NarcoticsRecordStoreFactory make_stores;
};

std::string NarcoticsBackendName(const ::testing::TestParamInfo<NarcoticsRecordStoreBackend>& info);
void PrintTo(const NarcoticsRecordStoreBackend& backend, std::ostream* out);

// Made-up test records with every field set: opium poppy cultivated in AFG region "Region A"; a
// heroin retail price in KGZ, place "Town B", in USD per gram with a purity. Not real figures.
CultivationRecord SampleCultivation(int year, double hectares);
PriceRecord SamplePrice(std::string_view date, double price);

// Each test gets new stores, with the countries KGZ, TJK, AFG already written.
class NarcoticsRecordStoreConformanceTest
    : public ::testing::TestWithParam<NarcoticsRecordStoreBackend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  NarcoticsRecordStore& Store() { return *stores_.records; }

 private:
  std::string scratch_dir_;
  NarcoticsRecordStores stores_;
};

}  // namespace ordo::storage::conformance
