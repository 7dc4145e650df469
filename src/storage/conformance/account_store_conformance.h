#pragma once
// The AccountStore conformance suite: AccountStoreConformanceTest, one value-parameterised suite
// that every backend instantiates so that each keeps the contract of storage/account_store.h.

#include <gtest/gtest.h>

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include "core/result.h"
#include "storage/account_store.h"

namespace ordo::storage::conformance {

// `scratch_dir` is a new, empty directory the store may keep files in. `open_again`, when set,
// opens a second store on the same data, for the test that a change is seen by the next reader;
// memory backends leave it empty.
using AccountStoreFactory =
    std::function<Result<std::shared_ptr<AccountStore>>(const std::string& scratch_dir)>;

struct AccountStoreBackend {
  std::string name;  // the test-name suffix: letters and digits only
  AccountStoreFactory make_store;
  AccountStoreFactory open_again;
};

std::string AccountBackendName(const ::testing::TestParamInfo<AccountStoreBackend>& info);
void PrintTo(const AccountStoreBackend& backend, std::ostream* out);

// Each test gets a new, empty store.
class AccountStoreConformanceTest : public ::testing::TestWithParam<AccountStoreBackend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  AccountStore& Store() { return *store_; }
  const std::string& ScratchDir() const { return scratch_dir_; }

 private:
  std::string scratch_dir_;
  std::shared_ptr<AccountStore> store_;
};

}  // namespace ordo::storage::conformance
