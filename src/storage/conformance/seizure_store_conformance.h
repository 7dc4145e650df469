#pragma once
// The SeizureStore conformance suite: SeizureStoreConformanceTest, one value-parameterised suite
// that every backend instantiates so that memory and SQLite keep exactly the contract of
// storage/seizure_store.h (errors and messages included).

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "core/result.h"
#include "storage/registry_store.h"
#include "storage/seizure_store.h"

namespace ordo::storage::conformance {

// A fresh, empty backend: the RegistryStore that holds the countries seizures refer to, and the
// SeizureStore under test (the same object for SQLite).
struct SeizureStores {
  std::shared_ptr<RegistryStore> registry;
  std::shared_ptr<SeizureStore> seizures;
};

// `scratch_dir` is a new, empty directory the stores may keep files in.
using SeizureStoreFactory = std::function<Result<SeizureStores>(const std::string& scratch_dir)>;

struct SeizureStoreBackend {
  std::string name;  // the test-name suffix: letters and digits only
  SeizureStoreFactory make_stores;
};

std::string SeizureBackendName(const ::testing::TestParamInfo<SeizureStoreBackend>& info);
void PrintTo(const SeizureStoreBackend& backend, std::ostream* out);

// A seizure with every field set, in country KGZ, drug heroin, dated `date`.
Seizure SampleSeizure(std::string_view seizure_id, std::string_view date);

// Each test gets new stores, with the countries KGZ, TJK, AFG, RUS, KAZ already written.
class SeizureStoreConformanceTest : public ::testing::TestWithParam<SeizureStoreBackend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  SeizureStore& Store() { return *stores_.seizures; }

 private:
  std::string scratch_dir_;
  SeizureStores stores_;
};

}  // namespace ordo::storage::conformance
