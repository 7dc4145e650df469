#include "graph/betweenness.h"

#include <gtest/gtest.h>

#include <random>

#include "graph/testing/igraph_oracle.h"

namespace ordo::graph {
namespace {

TEST(BetweennessTest, TheMiddleOfADirectedPathCarriesEveryPair) {
  // 0 -> 1 -> 2 -> 3: vertex 1 lies on (0,2), (0,3); vertex 2 on (0,3), (1,3).
  const std::vector<double> score = DirectedBetweenness({{1}, {2}, {3}, {}});

  EXPECT_EQ(score, (std::vector<double>{0, 2, 2, 0}));
}

TEST(BetweennessTest, TwoEqualRoutesShareThePair) {
  // 0 -> 1 -> 3 and 0 -> 2 -> 3: each middle vertex has half of the pair (0, 3).
  const std::vector<double> score = DirectedBetweenness({{1, 2}, {3}, {3}, {}});

  EXPECT_EQ(score, (std::vector<double>{0, 0.5, 0.5, 0}));
}

TEST(BetweennessTest, AgreesWithIgraphOnRandomDigraphs) {
  std::mt19937_64 random(7);
  for (int trial = 0; trial < 100; ++trial) {
    const std::size_t n = 1 + random() % 60;
    const std::size_t m = random() % (3 * n + 1);
    std::vector<std::vector<std::size_t>> out(n);
    for (std::size_t i = 0; i < m; ++i) out[random() % n].push_back(random() % n);

    const std::vector<double> ours = DirectedBetweenness(out);
    const std::vector<double> theirs = testing::IgraphDirectedBetweenness(out);

    ASSERT_EQ(ours.size(), theirs.size());
    for (std::size_t v = 0; v < n; ++v) {
      EXPECT_NEAR(ours[v], theirs[v], 1e-9) << "trial " << trial << " vertex " << v;
    }
  }
}

}  // namespace
}  // namespace ordo::graph
