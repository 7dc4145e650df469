#include "api/seizure_store_pool.h"

#include <gtest/gtest.h>

#include "storage/memory/memory_seizure_store.h"
#include "storage/memory/memory_store.h"

namespace ordo::api {
namespace {

class SeizureStorePoolTest : public ::testing::Test {
 protected:
  SeizureStoreOpener CountingOpener() {
    return [this]() -> Result<std::unique_ptr<storage::SeizureStore>> {
      ++opened_;
      return std::unique_ptr<storage::SeizureStore>(
          std::make_unique<storage::MemorySeizureStore>(registry_));
    };
  }

  storage::MemoryStore registry_;
  int opened_ = 0;
};

TEST_F(SeizureStorePoolTest, AGivenBackStoreIsLentAgain) {
  SeizureStorePool pool(CountingOpener(), 2);
  storage::SeizureStore* first = nullptr;
  {
    auto lease = pool.Acquire();
    ASSERT_TRUE(lease.has_value());
    first = &lease->store();
  }

  auto again = pool.Acquire();

  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(&again->store(), first);
  EXPECT_EQ(opened_, 1);
}

TEST_F(SeizureStorePoolTest, ConcurrentLeasesGetTheirOwnStores) {
  SeizureStorePool pool(CountingOpener(), 2);

  auto first = pool.Acquire();
  auto second = pool.Acquire();

  ASSERT_TRUE(first.has_value());
  ASSERT_TRUE(second.has_value());
  EXPECT_NE(&first->store(), &second->store());
  EXPECT_EQ(opened_, 2);
}

TEST_F(SeizureStorePoolTest, KeepsNoMoreIdleStoresThanAsked) {
  SeizureStorePool pool(CountingOpener(), 1);
  {
    auto first = pool.Acquire();
    auto second = pool.Acquire();
    auto third = pool.Acquire();
  }

  EXPECT_EQ(pool.idle_count(), 1u);
}

TEST_F(SeizureStorePoolTest, AMovedLeaseGivesTheStoreBackOnce) {
  SeizureStorePool pool(CountingOpener(), 4);
  {
    auto lease = pool.Acquire();
    ASSERT_TRUE(lease.has_value());
    SeizureStorePool::Lease moved = std::move(*lease);
  }

  EXPECT_EQ(pool.idle_count(), 1u);
}

TEST_F(SeizureStorePoolTest, WithoutAnOpenerThereAreNoSeizures) {
  SeizureStorePool pool({}, 2);

  auto lease = pool.Acquire();

  ASSERT_FALSE(lease.has_value());
  EXPECT_EQ(lease.error().code(), ErrorCode::kFailedPrecondition);
}

TEST_F(SeizureStorePoolTest, TheOpenersErrorIsPassedOn) {
  SeizureStorePool pool(
      []() -> Result<std::unique_ptr<storage::SeizureStore>> {
        return Unavailable("database is locked");
      },
      2);

  auto lease = pool.Acquire();

  ASSERT_FALSE(lease.has_value());
  EXPECT_EQ(lease.error().code(), ErrorCode::kUnavailable);
  EXPECT_EQ(pool.idle_count(), 0u);
}

}  // namespace
}  // namespace ordo::api
