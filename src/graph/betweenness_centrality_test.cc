#include "graph/betweenness_centrality.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "graph/testing/random_graph.h"

namespace ordo::graph {
namespace {

void ExpectNear(const std::vector<double>& ours, const std::vector<double>& theirs, double within,
                int trial) {
  ASSERT_EQ(ours.size(), theirs.size());
  for (std::size_t v = 0; v < ours.size(); ++v) {
    ASSERT_NEAR(ours[v], theirs[v], within) << "trial " << trial << " node " << v;
  }
}

TEST(BetweennessCentralityTest, TheMiddleOfAPathCarriesEveryPairThroughIt) {
  GraphBuilder builder(3);
  builder.AddEdge({.source = 0, .target = 1});
  builder.AddEdge({.source = 1, .target = 2});
  const Graph graph = *builder.Build();

  EXPECT_EQ(Betweenness(graph).score, (std::vector<double>{0, 1, 0}));
  BetweennessOptions undirected;
  undirected.direction = Direction::kBoth;
  EXPECT_EQ(Betweenness(graph, undirected).score, (std::vector<double>{0, 1, 0}));
}

TEST(BetweennessCentralityTest, ExactAgreesWithIgraphOnRandomDirectedGraphs) {
  std::mt19937_64 random(81);
  for (int trial = 0; trial < 100; ++trial) {
    const testing::RandomGraph g = testing::MakeRandomGraph(random, 80, 2.5);

    ExpectNear(Betweenness(g.graph).score, testing::IgraphBetweenness(g.node_count, g.arcs, true),
               1e-9, trial);
  }
}

TEST(BetweennessCentralityTest, ExactAgreesWithIgraphOnRandomUndirectedGraphs) {
  std::mt19937_64 random(82);
  BetweennessOptions options;
  options.direction = Direction::kBoth;
  for (int trial = 0; trial < 100; ++trial) {
    const testing::RandomGraph g = testing::MakeRandomGraph(random, 80, 1.5);

    ExpectNear(Betweenness(g.graph, options).score,
               testing::IgraphBetweenness(g.node_count, g.arcs, false), 1e-9, trial);
  }
}

TEST(BetweennessCentralityTest, GivenSourcesAgreeWithIgraphsSubset) {
  std::mt19937_64 random(83);
  for (int trial = 0; trial < 100; ++trial) {
    const testing::RandomGraph g = testing::MakeRandomGraph(random, 80, 2.5);
    std::vector<NodeId> sources;
    std::vector<std::size_t> igraph_sources;
    for (NodeId v = 0; v < g.node_count; ++v) {
      if (random() % 4 == 0) {
        sources.push_back(v);
        igraph_sources.push_back(v);
      }
    }
    if (sources.empty()) continue;
    BetweennessOptions options;
    options.sources = sources;

    ExpectNear(Betweenness(g.graph, options).score,
               testing::IgraphBetweennessFrom(g.node_count, g.arcs, true, igraph_sources), 1e-9,
               trial);
  }
}

TEST(BetweennessCentralityTest, TwoThreadsGiveTheSameScores) {
  std::mt19937_64 random(84);
  for (int trial = 0; trial < 20; ++trial) {
    const testing::RandomGraph g = testing::MakeRandomGraph(random, 80, 2.5);
    BetweennessOptions options;
    options.threads = 2;

    ExpectNear(Betweenness(g.graph, options).score, Betweenness(g.graph).score, 1e-9, trial);
  }
}

TEST(BetweennessCentralityTest, ASampleOfEveryNodeIsExact) {
  std::mt19937_64 random(85);
  const testing::RandomGraph g = testing::MakeRandomGraph(random, 80, 2.5);
  BetweennessOptions options;
  options.sample_size = g.node_count;

  const BetweennessResult sampled = Betweenness(g.graph, options);

  ExpectNear(sampled.score, Betweenness(g.graph).score, 1e-9, 0);
  EXPECT_EQ(sampled.error_bound, 0);
}

TEST(BetweennessCentralityTest, ASampledEstimateStaysWithinItsBound) {
  std::mt19937_64 random(86);
  for (int trial = 0; trial < 20; ++trial) {
    testing::RandomGraph g;
    do {
      g = testing::MakeRandomGraph(random, 300, 3);
    } while (g.node_count < 100);
    const std::vector<double> exact = Betweenness(g.graph).score;
    BetweennessOptions options;
    options.sample_size = g.node_count / 4;
    options.seed = random();

    const BetweennessResult sampled = Betweenness(g.graph, options);

    EXPECT_EQ(sampled.sources.size(), options.sample_size);
    const auto n = static_cast<double>(g.node_count);
    const double bound = n * (n - 2) *
                         std::sqrt(std::log(2 * n / 0.05) / (2.0 * static_cast<double>(options.sample_size)));
    EXPECT_NEAR(sampled.error_bound, bound, 1e-6 * bound);
    ExpectNear(sampled.score, exact, sampled.error_bound, trial);
  }
}

}  // namespace
}  // namespace ordo::graph
