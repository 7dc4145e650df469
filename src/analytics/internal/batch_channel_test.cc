#include "analytics/internal/batch_channel.h"

#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace ordo::analytics::internal {
namespace {

TEST(BatchChannelTest, DeliversEveryBatchInOrderAcrossThreads) {
  BatchChannel<int> channel(2);
  std::thread producer([&channel] {
    for (int i = 0; i < 1000; ++i) ASSERT_TRUE(channel.Push({2 * i, 2 * i + 1}));
    channel.Finish();
  });
  std::vector<int> received;
  std::vector<int> batch;
  while (channel.Pop(batch)) received.insert(received.end(), batch.begin(), batch.end());
  producer.join();

  ASSERT_EQ(received.size(), 2000u);
  for (int i = 0; i < 2000; ++i) EXPECT_EQ(received[i], i);
}

TEST(BatchChannelTest, PopReturnsTheQueuedBatchesAfterFinish) {
  BatchChannel<int> channel(4);
  ASSERT_TRUE(channel.Push({1}));
  ASSERT_TRUE(channel.Push({2, 3}));
  channel.Finish();

  std::vector<int> batch;
  ASSERT_TRUE(channel.Pop(batch));
  EXPECT_EQ(batch, std::vector<int>({1}));
  ASSERT_TRUE(channel.Pop(batch));
  EXPECT_EQ(batch, std::vector<int>({2, 3}));
  EXPECT_FALSE(channel.Pop(batch));
}

TEST(BatchChannelTest, CloseReleasesAProducerWaitingOnAFullChannel) {
  BatchChannel<int> channel(1);
  ASSERT_TRUE(channel.Push({1}));
  bool second_push = true;
  std::thread producer([&] { second_push = channel.Push({2}); });  // waits: the channel is full
  channel.Close();
  producer.join();

  EXPECT_FALSE(second_push);
  EXPECT_FALSE(channel.Push({3}));
  std::vector<int> batch;
  EXPECT_FALSE(channel.Pop(batch));
}

}  // namespace
}  // namespace ordo::analytics::internal
