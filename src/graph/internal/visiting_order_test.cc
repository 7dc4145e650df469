#include "graph/internal/visiting_order.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace ordo::graph::internal {
namespace {

void ExpectPermutation(std::vector<std::uint32_t> order, std::size_t n) {
  ASSERT_EQ(order.size(), n);
  std::sort(order.begin(), order.end());
  for (std::size_t v = 0; v < n; ++v) ASSERT_EQ(order[v], v) << "n " << n;
}

TEST(VisitingOrderTest, IsAShuffleOfEveryNodeBelowTheBlockedSize) {
  std::mt19937_64 random(1);
  const std::vector<std::uint32_t> order = VisitingOrder(1000, random);
  ExpectPermutation(order, 1000);
  std::size_t in_place = 0;
  for (std::size_t v = 0; v < order.size(); ++v) in_place += order[v] == v;
  EXPECT_LT(in_place, 20u);  // about 1 expected
}

// A last block shorter than the others, too.
TEST(VisitingOrderTest, VisitsEveryNodeOnceInRandomBlocksOfConsecutiveNodes) {
  const std::size_t n = kBlockedVisitsFrom + kVisitBlock * 3 + 5;
  std::mt19937_64 random(2);
  const std::vector<std::uint32_t> order = VisitingOrder(n, random);
  ExpectPermutation(order, n);
  std::size_t block_starts = 0;
  std::size_t blocks_in_place = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (order[i] % kVisitBlock == 0) {
      ++block_starts;
      blocks_in_place += order[i] == i;
      continue;
    }
    ASSERT_GT(i, 0u);
    EXPECT_EQ(order[i], order[i - 1] + 1) << "position " << i;
  }
  EXPECT_EQ(block_starts, (n + kVisitBlock - 1) / kVisitBlock);
  EXPECT_LT(blocks_in_place, 20u);

  std::mt19937_64 other(3);
  EXPECT_NE(VisitingOrder(n, other), order);
}

}  // namespace
}  // namespace ordo::graph::internal
