#pragma once
// The AuditStore conformance suite: AuditStoreConformanceTest, one value-parameterised suite that
// every backend instantiates so that each keeps the contract of storage/audit_store.h.

#include <gtest/gtest.h>

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include "core/result.h"
#include "storage/audit_store.h"

namespace ordo::storage::conformance {

// `scratch_dir` is a new, empty directory the store may keep files in. `open_again`, when set,
// opens a second store on the same log (another connection or process), for the test that two
// writers share one chain; memory backends leave it empty.
using AuditStoreFactory =
    std::function<Result<std::shared_ptr<AuditStore>>(const std::string& scratch_dir)>;

struct AuditStoreBackend {
  std::string name;  // the test-name suffix: letters and digits only
  AuditStoreFactory make_store;
  AuditStoreFactory open_again;
};

std::string AuditBackendName(const ::testing::TestParamInfo<AuditStoreBackend>& info);
void PrintTo(const AuditStoreBackend& backend, std::ostream* out);

// Each test gets a new, empty store.
class AuditStoreConformanceTest : public ::testing::TestWithParam<AuditStoreBackend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  AuditStore& Store() { return *store_; }
  const std::string& ScratchDir() const { return scratch_dir_; }

 private:
  std::string scratch_dir_;
  std::shared_ptr<AuditStore> store_;
};

}  // namespace ordo::storage::conformance
