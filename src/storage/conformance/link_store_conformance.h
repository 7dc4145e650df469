#pragma once
// The LinkStore conformance suite: LinkStoreConformanceTest, one value-parameterised suite that
// every backend instantiates so that memory and SQLite keep exactly the contract of
// storage/link_store.h (errors and messages included).

#include <gtest/gtest.h>

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include "core/result.h"
#include "storage/link_store.h"

namespace ordo::storage::conformance {

// `scratch_dir` is a new, empty directory the store may keep files in.
using LinkStoreFactory =
    std::function<Result<std::shared_ptr<LinkStore>>(const std::string& scratch_dir)>;

struct LinkStoreBackend {
  std::string name;  // the test-name suffix: letters and digits only
  LinkStoreFactory make_store;
};

std::string LinkBackendName(const ::testing::TestParamInfo<LinkStoreBackend>& info);
void PrintTo(const LinkStoreBackend& backend, std::ostream* out);

// Each test gets a new, empty store.
class LinkStoreConformanceTest : public ::testing::TestWithParam<LinkStoreBackend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  LinkStore& Store() { return *store_; }

 private:
  std::string scratch_dir_;
  std::shared_ptr<LinkStore> store_;
};

}  // namespace ordo::storage::conformance
