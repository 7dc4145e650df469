#include "graph/pagerank.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <random>

#include "graph/testing/igraph_oracle.h"
#include "graph/testing/random_graph.h"

namespace ordo::graph {
namespace {

TEST(PageRankTest, ACycleRanksEveryNodeAlike) {
  GraphBuilder builder(3);
  builder.AddEdge({.source = 0, .target = 1});
  builder.AddEdge({.source = 1, .target = 2});
  builder.AddEdge({.source = 2, .target = 0});
  const Graph graph = *builder.Build();

  const std::vector<double> rank = PageRank(graph).rank;

  for (double r : rank) EXPECT_NEAR(r, 1.0 / 3, 1e-12);
}

TEST(PageRankTest, ADanglingNodeSpreadsItsRankOverEveryNode) {
  // 0 -> 1, and 1 has no out-edge: 1 gives its rank to 0 and 1 alike. With d = 0.85:
  // r0 = 0.075 + 0.425 r1, r1 = 0.075 + 0.85 r0 + 0.425 r1, r0 + r1 = 1.
  GraphBuilder builder(2);
  builder.AddEdge({.source = 0, .target = 1});
  const Graph graph = *builder.Build();

  const std::vector<double> rank = PageRank(graph).rank;

  const double r1 = 0.925 / 1.425;
  EXPECT_NEAR(rank[1], r1, 1e-8);  // the shares passed along edges are floats
  EXPECT_NEAR(rank[0], 1 - r1, 1e-8);
}

// Nodes without links are left out of the sweeps and given one rank, worked out once: here the
// jump's share plus what the dangling nodes (1, and 2, 3 and 4) spread.
TEST(PageRankTest, NodesWithoutLinksShareOneRank) {
  GraphBuilder builder(5);
  builder.AddEdge({.source = 0, .target = 1});
  const Graph graph = *builder.Build();
  for (const std::size_t threads : {std::size_t{1}, std::size_t{2}}) {
    PageRankOptions options;
    options.threads = threads;

    const std::vector<double> rank = PageRank(graph, options).rank;

    const std::vector<double> theirs = testing::IgraphPageRank(5, {{0, 1}}, true, 0.85, {});
    for (std::size_t v = 0; v < 5; ++v) EXPECT_NEAR(rank[v], theirs[v], 1e-8) << "node " << v;
    EXPECT_EQ(rank[2], rank[4]);
  }
  const Graph empty = *GraphBuilder(4).Build();
  for (const double r : PageRank(empty).rank) EXPECT_NEAR(r, 0.25, 1e-15);
}

void ExpectAgreement(const PageRankOptions& options, bool simple, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  for (int trial = 0; trial < 100; ++trial) {
    const testing::RandomGraph g =
        testing::MakeRandomGraph(random, 150, 2.5, simple, options.weighted);
    std::vector<double> weights;
    if (options.weighted) {
      for (const EdgeSpec& spec : g.specs) weights.push_back(spec.weight);
    }

    const std::vector<double> ours = PageRank(g.graph, options).rank;
    const std::vector<double> theirs = testing::IgraphPageRank(
        g.node_count, g.arcs, options.direction == Direction::kOut, options.damping, weights);

    ASSERT_EQ(ours.size(), theirs.size());
    EXPECT_NEAR(std::accumulate(ours.begin(), ours.end(), 0.0), 1.0, 1e-9);
    for (std::size_t v = 0; v < theirs.size(); ++v) {
      ASSERT_NEAR(ours[v], theirs[v], 1e-6) << "trial " << trial << " node " << v;
    }
  }
}

TEST(PageRankTest, AgreesWithIgraphOnRandomDirectedGraphs) {
  ExpectAgreement({}, false, 41);
}

TEST(PageRankTest, AgreesWithIgraphOnRandomUndirectedGraphs) {
  PageRankOptions options;
  options.direction = Direction::kBoth;
  ExpectAgreement(options, false, 42);
}

TEST(PageRankTest, AgreesWithIgraphOnRandomWeightedGraphs) {
  PageRankOptions options;
  options.weighted = true;
  ExpectAgreement(options, false, 43);
}

TEST(PageRankTest, AgreesWithIgraphAtAnotherDamping) {
  PageRankOptions options;
  options.damping = 0.5;
  ExpectAgreement(options, false, 44);
}

// The benchmark's tolerance: Gauss-Seidel sweeps, then power iterations until one changes the
// ranks by less than 1e-7 in L1, which bounds the error by 5.7e-7.
TEST(PageRankTest, AgreesWithIgraphAtTheLoosestToleranceThatKeepsTheBar) {
  PageRankOptions options;
  options.tolerance = 1e-7;
  ExpectAgreement(options, false, 46);
}

TEST(PageRankTest, AgreesWithIgraphOnTwoThreads) {
  PageRankOptions options;
  options.threads = 2;
  ExpectAgreement(options, false, 45);
}

// As the benchmark runs it: two threads whose Gauss-Seidel sweeps read each other's new shares.
TEST(PageRankTest, AgreesWithIgraphOnTwoThreadsAtTheBenchmarksTolerance) {
  PageRankOptions options;
  options.threads = 2;
  options.tolerance = 1e-7;
  ExpectAgreement(options, false, 47);
}

// A graph large enough (70,000 nodes) for the threads to build PageRank's renumbered copy in
// ranges too, weighted along out-edges and unweighted both ways: two threads give one thread's
// ranks (which the tests above hold to igraph's). At this size the floats' rounding, not the
// tolerance, bounds the change (pagerank.h): within 1e-7 in L1 of each other, and in a few dozen
// steps rather than the 1,000 allowed.
TEST(PageRankTest, TwoThreadsAgreeWithOneOnALargeGraph) {
  constexpr std::size_t kNodes = 70'000;
  std::mt19937_64 random(48);
  GraphBuilder builder(kNodes);
  for (std::size_t i = 0; i < 3 * kNodes; ++i) {
    const auto from = static_cast<NodeId>(random() % kNodes);
    const auto to = static_cast<NodeId>(random() % (i % 7 == 0 ? 50 : kNodes));  // some hubs
    builder.AddEdge({.source = from, .target = to, .weight = static_cast<float>(1 + random() % 9)});
  }
  const Graph graph = *builder.Build();
  for (const bool weighted : {true, false}) {
    PageRankOptions options;
    options.weighted = weighted;
    options.direction = weighted ? Direction::kOut : Direction::kBoth;
    const PageRankResult one = PageRank(graph, options);
    options.threads = 2;

    const PageRankResult result = PageRank(graph, options);

    const std::vector<double>& two = result.rank;
    ASSERT_EQ(one.rank.size(), two.size());
    double distance = 0;
    for (std::size_t v = 0; v < kNodes; ++v) distance += std::abs(one.rank[v] - two[v]);
    EXPECT_LT(distance, 1e-7) << "weighted " << weighted;
    EXPECT_LT(one.iterations, 100u) << "weighted " << weighted;
    EXPECT_LT(result.iterations, 100u) << "weighted " << weighted;
    EXPECT_NEAR(std::accumulate(two.begin(), two.end(), 0.0), 1.0, 1e-9);
  }
}

}  // namespace
}  // namespace ordo::graph
