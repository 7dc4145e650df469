#include "storage/memory/failing_store.h"

#include <gtest/gtest.h>

#include "storage/memory/memory_store.h"

namespace ordo::storage {
namespace {

RegistryBatch OneCountry() {
  RegistryBatch batch;
  Country country;
  country.iso3 = *CountryCode::Parse("KGZ");
  country.name_en = "Kyrgyzstan";
  batch.countries.push_back(country);
  return batch;
}

TEST(FailingStoreTest, ForwardsCallsBeforeTheFailingOne) {
  MemoryStore memory;
  FailingStore store(memory, 3);

  Status write = store.Write(OneCountry());
  Result<std::vector<Country>> countries = store.ListCountries();

  ASSERT_TRUE(write.has_value());
  ASSERT_TRUE(countries.has_value());
  EXPECT_EQ(countries->size(), 1u);
}

TEST(FailingStoreTest, NthCallReturnsUnavailableNamingTheCall) {
  MemoryStore memory;
  FailingStore store(memory, 2);
  (void)store.Counts();

  Result<RegistryCounts> counts = store.Counts();

  ASSERT_FALSE(counts.has_value());
  EXPECT_EQ(counts.error().code(), ErrorCode::kUnavailable);
  EXPECT_EQ(counts.error().message(), "injected failure: call 2 (Counts)");
}

TEST(FailingStoreTest, FailedWriteDoesNotReachTheWrappedStore) {
  MemoryStore memory;
  FailingStore store(memory, 1);

  Status write = store.Write(OneCountry());

  ASSERT_FALSE(write.has_value());
  EXPECT_EQ(write.error().code(), ErrorCode::kUnavailable);
  EXPECT_EQ(memory.Counts()->countries, 0u);
}

TEST(FailingStoreTest, CallsAfterTheFailingOneSucceedAgain) {
  MemoryStore memory;
  FailingStore store(memory, 1);
  (void)store.ListPlaces();

  Result<std::vector<Place>> places = store.ListPlaces();

  EXPECT_TRUE(places.has_value());
  EXPECT_EQ(store.CallCount(), 2u);
}

TEST(FailingStoreTest, TradeBlocMemberListingCanBeTheFailingCall) {
  MemoryStore memory;
  FailingStore store(memory, 2);
  ASSERT_TRUE(store.ListTradeBlocMembers().has_value());

  Result<std::vector<TradeBlocMember>> members = store.ListTradeBlocMembers();

  ASSERT_FALSE(members.has_value());
  EXPECT_EQ(members.error().message(), "injected failure: call 2 (ListTradeBlocMembers)");
}

TEST(FailingStoreTest, ZeroNeverFails) {
  MemoryStore memory;
  FailingStore store(memory, 0);

  for (int call = 0; call < 10; ++call) {
    ASSERT_TRUE(store.Counts().has_value());
  }

  EXPECT_EQ(store.CallCount(), 10u);
}

}  // namespace
}  // namespace ordo::storage
