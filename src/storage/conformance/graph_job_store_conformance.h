#pragma once
// The GraphJobStore conformance suite: GraphJobStoreConformanceTest, one value-parameterised suite
// that every backend instantiates so that each keeps the contract of storage/graph_job_store.h.

#include <gtest/gtest.h>

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include "core/result.h"
#include "storage/graph_job_store.h"

namespace ordo::storage::conformance {

// `scratch_dir` is a new, empty directory the store may keep files in. `open_again`, when set,
// opens a second store on the same data (another server on one database, or the same one after a
// restart); memory backends leave it empty.
using GraphJobStoreFactory =
    std::function<Result<std::shared_ptr<GraphJobStore>>(const std::string& scratch_dir)>;

struct GraphJobStoreBackend {
  std::string name;  // the test-name suffix: letters and digits only
  GraphJobStoreFactory make_store;
  GraphJobStoreFactory open_again;
};

std::string GraphJobBackendName(const ::testing::TestParamInfo<GraphJobStoreBackend>& info);
void PrintTo(const GraphJobStoreBackend& backend, std::ostream* out);

// Each test gets a new, empty store.
class GraphJobStoreConformanceTest : public ::testing::TestWithParam<GraphJobStoreBackend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  GraphJobStore& Store() { return *store_; }
  const std::string& ScratchDir() const { return scratch_dir_; }

 private:
  std::string scratch_dir_;
  std::shared_ptr<GraphJobStore> store_;
};

}  // namespace ordo::storage::conformance
