#pragma once
// The RegistryStore conformance suite: one value-parameterised GoogleTest suite,
// RegistryStoreConformanceTest, that every backend instantiates, so that memory, SQLite and later
// PostgreSQL keep exactly the contract of storage/registry_store.h (errors and messages included).
//
// A backend joins by instantiating it with a factory, in a test binary that links this suite:
//   INSTANTIATE_TEST_SUITE_P(Backends, RegistryStoreConformanceTest,
//                            ::testing::Values(RegistryStoreBackend{"Memory", MakeMemoryStore}),
//                            BackendName);
// A factory that cannot run here (no PostgreSQL DSN) calls GTEST_SKIP() and returns any error.

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/result.h"
#include "storage/conformance/sample_rows.h"
#include "storage/registry_store.h"

namespace ordo::storage::conformance {

// Makes a fresh, empty store. `scratch_dir` is a new, empty directory the store may keep files in;
// the suite destroys the store before it deletes the directory.
using RegistryStoreFactory =
    std::function<Result<std::unique_ptr<RegistryStore>>(const std::string& scratch_dir)>;

struct RegistryStoreBackend {
  std::string name;  // becomes the test-name suffix: letters and digits only
  RegistryStoreFactory make_store;
};

// For --gtest_list_tests and failure messages.
std::string BackendName(const ::testing::TestParamInfo<RegistryStoreBackend>& info);
void PrintTo(const RegistryStoreBackend& backend, std::ostream* out);

// Each test gets a new store from the backend's factory in a new scratch directory.
// Thread-safety: none needed; GoogleTest runs the tests one after another.
class RegistryStoreConformanceTest : public ::testing::TestWithParam<RegistryStoreBackend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  RegistryStore& Store() { return *store_; }

  // Writes `batch` and records a test failure (not a fatal one) when the write fails.
  void WriteOrFail(const RegistryBatch& batch);

  // Every row of every kind, read through the List calls; a failed call records a failure and
  // leaves its kind empty.
  RegistryBatch ListAll();

  // Describe(ListAll()) plus the counts: equal snapshots mean equal store contents.
  std::string Snapshot();

  // Describes the rows a List call returned; records a failure when the call failed.
  template <typename Row>
  std::vector<std::string> Listed(Result<std::vector<Row>> rows) {
    if (!rows.has_value()) {
      ADD_FAILURE() << rows.error().ToString();
      return {"<list failed>"};
    }
    return DescribeAll(*rows);
  }

 private:
  std::string scratch_dir_;
  std::unique_ptr<RegistryStore> store_;
};

}  // namespace ordo::storage::conformance
