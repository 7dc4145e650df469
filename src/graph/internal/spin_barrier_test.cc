#include "graph/internal/spin_barrier.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstddef>
#include <thread>
#include <vector>

namespace ordo::graph::internal {
namespace {

// Each thread counts its rounds; after every barrier each reads the others' counts, which must
// all have reached the same round (a barrier that lets one through early fails). With the spin
// of 0 the waiting threads sleep; with the default they mostly spin.
void ExpectLockstep(std::size_t threads, std::chrono::microseconds spin, int rounds) {
  SpinBarrier sync(threads, spin);
  std::vector<std::atomic<int>> done(threads);
  std::vector<int> behind(threads, 0);
  auto work = [&](std::size_t me) {
    for (int round = 1; round <= rounds; ++round) {
      done[me].store(round, std::memory_order_relaxed);
      sync.ArriveAndWait();
      for (std::size_t other = 0; other < threads; ++other) {
        if (done[other].load(std::memory_order_relaxed) < round) ++behind[me];
      }
      sync.ArriveAndWait();  // nobody starts the next round before everyone has checked
    }
  };
  {
    std::vector<std::jthread> helpers;
    for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(work, t);
    work(0);
  }
  for (std::size_t t = 0; t < threads; ++t) EXPECT_EQ(behind[t], 0) << "thread " << t;
}

TEST(SpinBarrierTest, KeepsThreadsInLockstepWhenTheySpin) {
  ExpectLockstep(2, std::chrono::microseconds(1000), 20'000);
  ExpectLockstep(4, std::chrono::microseconds(1000), 5'000);
}

TEST(SpinBarrierTest, KeepsThreadsInLockstepWhenTheySleep) {
  ExpectLockstep(2, std::chrono::microseconds(0), 5'000);
  ExpectLockstep(3, std::chrono::microseconds(0), 2'000);
}

// The last thread arrives long after the spin has run out: the others sleep and are woken.
TEST(SpinBarrierTest, WakesThreadsThatWentToSleep) {
  SpinBarrier sync(2, std::chrono::microseconds(100));
  std::atomic<bool> passed{false};
  std::jthread helper([&] {
    sync.ArriveAndWait();
    passed = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_FALSE(passed.load());
  sync.ArriveAndWait();
  helper.join();
  EXPECT_TRUE(passed.load());
}

TEST(SpinBarrierTest, OneThreadNeverWaits) {
  SpinBarrier sync(1);
  for (int i = 0; i < 1000; ++i) sync.ArriveAndWait();
}

}  // namespace
}  // namespace ordo::graph::internal
