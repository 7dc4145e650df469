#include "graph/shortest_path.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <set>

#include "graph/testing/random_graph.h"
#include "graph/testing/random_graph_filter.h"

namespace ordo::graph {
namespace {

// The path is a walk from `from` to `to` whose every edge joins its neighbours in `direction`
// and passes the filter.
void ExpectValidPath(const Graph& graph, const Path& path, NodeId from, NodeId to,
                     const PathOptions& options) {
  ASSERT_EQ(path.nodes.size(), path.edges.size() + 1);
  EXPECT_EQ(path.nodes.front(), from);
  EXPECT_EQ(path.nodes.back(), to);
  for (std::size_t i = 0; i < path.edges.size(); ++i) {
    const EdgeId edge = path.edges[i];
    const NodeId a = path.nodes[i];
    const NodeId b = path.nodes[i + 1];
    const bool forward = graph.Source(edge) == a && graph.Target(edge) == b;
    const bool backward = graph.Source(edge) == b && graph.Target(edge) == a;
    const bool joins = options.direction == Direction::kOut  ? forward
                       : options.direction == Direction::kIn ? backward
                                                             : forward || backward;
    EXPECT_TRUE(joins) << "edge " << edge;
    EXPECT_TRUE(options.links.Accepts(graph, edge));
  }
}

Graph Diamond() {
  // 0 -> 1 -> 3, 0 -> 2 -> 3 (2 -> 3 twice), 3 -> 4; 5 alone.
  GraphBuilder builder(6);
  builder.AddEdge({.source = 0, .target = 1, .weight = 5});
  builder.AddEdge({.source = 1, .target = 3, .weight = 5});
  builder.AddEdge({.source = 0, .target = 2, .weight = 1});
  builder.AddEdge({.source = 2, .target = 3, .weight = 1});
  builder.AddEdge({.source = 2, .target = 3, .weight = 7});
  builder.AddEdge({.source = 3, .target = 4, .weight = 1});
  return *builder.Build();
}

TEST(ShortestPathTest, FindsAPathOfFewestHops) {
  const Graph graph = Diamond();

  const Path path = *ShortestPath(graph, 0, 4);

  EXPECT_EQ(path.length, 3);
  ExpectValidPath(graph, path, 0, 4, {});
}

TEST(ShortestPathTest, APathToItselfHasNoEdges) {
  const Path path = *ShortestPath(Diamond(), 3, 3);

  EXPECT_EQ(path.nodes, (std::vector<NodeId>{3}));
  EXPECT_TRUE(path.edges.empty());
}

TEST(ShortestPathTest, AnUnreachableNodeIsNotFound) {
  const Result<Path> path = ShortestPath(Diamond(), 0, 5);

  ASSERT_FALSE(path.has_value());
  EXPECT_EQ(path.error().code(), ErrorCode::kNotFound);
}

TEST(ShortestPathTest, AgainstTheEdgesAlongOutEdgesIsNotFound) {
  PathOptions options;
  options.direction = Direction::kOut;

  EXPECT_FALSE(ShortestPath(Diamond(), 4, 0, options).has_value());
  EXPECT_TRUE(ShortestPath(Diamond(), 0, 4, options).has_value());
}

TEST(ShortestPathTest, RejectsANodeNotInTheGraph) {
  const Result<Path> path = ShortestPath(Diamond(), 0, 6);

  ASSERT_FALSE(path.has_value());
  EXPECT_EQ(path.error().code(), ErrorCode::kInvalidArgument);
}

TEST(ShortestPathTest, TheWeightedPathTakesTheLightEdges) {
  const Graph graph = Diamond();

  const Path path = *WeightedShortestPath(graph, 0, 4);

  EXPECT_EQ(path.nodes, (std::vector<NodeId>{0, 2, 3, 4}));
  EXPECT_EQ(path.length, 3);
}

TEST(ShortestPathTest, ParallelEdgesMakeSeparateShortestPaths) {
  const Graph graph = Diamond();

  const AllShortestPaths all = *FindAllShortestPaths(graph, 0, 4, 10);

  EXPECT_EQ(all.total, 3);
  EXPECT_EQ(all.paths.size(), 3u);
}

TEST(ShortestPathTest, AllShortestPathsStopAtTheLimit) {
  const AllShortestPaths all = *FindAllShortestPaths(Diamond(), 0, 4, 2);

  EXPECT_EQ(all.total, 3);
  EXPECT_EQ(all.paths.size(), 2u);
}

void ExpectHopAgreement(Direction direction, bool filtered, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  for (int trial = 0; trial < 60; ++trial) {
    const testing::RandomGraph g = testing::MakeRandomGraph(random, 150, 1.5);
    PathOptions options;
    options.direction = direction;
    if (filtered) {
      options.links.as_of = static_cast<Day>(random() % 100);
      options.links.link_types = TypeSet::Of({0, 1, 3});
      options.node_types = TypeSet::Of({1, 2});
    }
    for (int pair = 0; pair < 10; ++pair) {
      const auto from = static_cast<NodeId>(random() % g.node_count);
      const auto to = static_cast<NodeId>(random() % g.node_count);
      const testing::ArcList arcs =
          testing::FilteredArcs(g, options.links, options.node_types, {from, to});
      const std::vector<long> distance =
          testing::IgraphHopDistances(g.node_count, arcs, from, testing::ToMode(direction));
      const std::vector<double> counts =
          testing::IgraphShortestPathCounts(g.node_count, arcs, from, testing::ToMode(direction));

      const Result<Path> path = ShortestPath(g.graph, from, to, options);
      const Result<AllShortestPaths> all = FindAllShortestPaths(g.graph, from, to, 1000, options);

      if (distance[to] < 0) {
        EXPECT_FALSE(path.has_value()) << "trial " << trial;
        EXPECT_FALSE(all.has_value()) << "trial " << trial;
        continue;
      }
      ASSERT_TRUE(path.has_value()) << "trial " << trial;
      EXPECT_EQ(path->length, static_cast<double>(distance[to])) << "trial " << trial;
      ExpectValidPath(g.graph, *path, from, to, options);
      ASSERT_TRUE(all.has_value());
      EXPECT_EQ(all->total, counts[to]) << "trial " << trial;
      EXPECT_EQ(static_cast<double>(all->paths.size()), std::min(1000.0, counts[to]));
      std::set<std::vector<EdgeId>> distinct;
      for (const Path& one : all->paths) {
        EXPECT_EQ(one.length, static_cast<double>(distance[to]));
        ExpectValidPath(g.graph, one, from, to, options);
        distinct.insert(one.edges);
      }
      EXPECT_EQ(distinct.size(), all->paths.size());
    }
  }
}

TEST(ShortestPathTest, HopsAgreeWithIgraphUndirected) {
  ExpectHopAgreement(Direction::kBoth, false, 61);
}
TEST(ShortestPathTest, HopsAgreeWithIgraphAlongEdges) {
  ExpectHopAgreement(Direction::kOut, false, 62);
}
TEST(ShortestPathTest, HopsAgreeWithIgraphAgainstEdges) {
  ExpectHopAgreement(Direction::kIn, false, 63);
}
TEST(ShortestPathTest, HopsAgreeWithIgraphOnTheFilteredGraph) {
  ExpectHopAgreement(Direction::kBoth, true, 64);
}

void ExpectWeightedAgreement(Direction direction, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  for (int trial = 0; trial < 60; ++trial) {
    const testing::RandomGraph g = testing::MakeRandomGraph(random, 150, 2, false, true);
    std::vector<double> weights;
    for (const EdgeSpec& spec : g.specs) weights.push_back(spec.weight);
    PathOptions options;
    options.direction = direction;
    const auto from = static_cast<NodeId>(random() % g.node_count);
    const std::vector<double> distance = testing::IgraphWeightedDistances(
        g.node_count, g.arcs, weights, from, testing::ToMode(direction));
    for (int pair = 0; pair < 10; ++pair) {
      const auto to = static_cast<NodeId>(random() % g.node_count);

      const Result<Path> path = WeightedShortestPath(g.graph, from, to, options);

      if (!std::isfinite(distance[to])) {
        EXPECT_FALSE(path.has_value());
        continue;
      }
      ASSERT_TRUE(path.has_value()) << "trial " << trial;
      EXPECT_EQ(path->length, distance[to]) << "trial " << trial;
      ExpectValidPath(g.graph, *path, from, to, options);
      double sum = 0;
      for (EdgeId edge : path->edges) sum += g.graph.Weight(edge);
      EXPECT_EQ(sum, path->length);
    }
  }
}

TEST(ShortestPathTest, WeightsAgreeWithIgraphUndirected) {
  ExpectWeightedAgreement(Direction::kBoth, 65);
}
TEST(ShortestPathTest, WeightsAgreeWithIgraphAlongEdges) {
  ExpectWeightedAgreement(Direction::kOut, 66);
}

}  // namespace
}  // namespace ordo::graph
