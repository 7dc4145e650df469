// SnapshotProvider's change check through a data version (the PostgreSQL path): a new value
// loads a new generation, the same value does not, and a failed read keeps serving what was
// loaded, logged once. The file path is covered by request_handler_test.cc.

#include "api/snapshot_provider.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/country.h"
#include "storage/memory/memory_store.h"

namespace ordo::api {
namespace {

class DataVersionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SnapshotSource source;
    source.open_store = [this]() -> Result<std::unique_ptr<storage::RegistryStore>> {
      ++loads_;
      auto store = std::make_unique<storage::MemoryStore>();
      storage::RegistryBatch batch;
      Country country;
      country.iso3 = CountryCode::Parse("KGZ").value();
      batch.countries.push_back(country);
      if (auto written = store->Write(batch); !written) return written.error();
      return std::unique_ptr<storage::RegistryStore>(std::move(store));
    };
    source.data_version = [this]() -> Result<std::int64_t> {
      if (!readable_) return Unavailable("server closed the connection");
      return version_;
    };
    SnapshotProviderOptions options;
    options.check_interval = std::chrono::milliseconds(0);
    options.log = [this](const std::string& message) { log_.push_back(message); };
    auto provider = SnapshotProvider::Create(std::move(source), std::move(options));
    ASSERT_TRUE(provider.has_value()) << provider.error().ToString();
    provider_ = std::move(*provider);
  }

  std::unique_ptr<SnapshotProvider> provider_;
  std::int64_t version_ = 7;
  bool readable_ = true;
  int loads_ = 0;
  std::vector<std::string> log_;
};

TEST_F(DataVersionTest, ANewVersionLoadsANewGenerationAndTheSameOneDoesNot) {
  EXPECT_EQ(provider_->Current()->number, 1u);
  EXPECT_EQ(provider_->Current()->number, 1u);
  EXPECT_EQ(loads_, 1);
  version_ = 8;
  EXPECT_EQ(provider_->Current()->number, 2u);
  EXPECT_EQ(provider_->Current()->number, 2u);
  EXPECT_EQ(loads_, 2);
}

TEST_F(DataVersionTest, AnUnreadableVersionKeepsServingAndIsLoggedOnce) {
  readable_ = false;
  EXPECT_EQ(provider_->Current()->number, 1u);
  EXPECT_EQ(provider_->Current()->number, 1u);
  EXPECT_EQ(loads_, 1);
  ASSERT_EQ(log_.size(), 1u);
  EXPECT_NE(log_[0].find("server closed the connection"), std::string::npos) << log_[0];
  // Readable again with a new value: the change is picked up.
  readable_ = true;
  version_ = 9;
  EXPECT_EQ(provider_->Current()->number, 2u);
}

}  // namespace
}  // namespace ordo::api
