#include "graph/bfs.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "graph/testing/random_graph.h"
#include "graph/testing/random_graph_filter.h"

namespace ordo::graph {
namespace {

TEST(BreadthFirstSearchTest, ReachesNodesInOrderOfHops) {
  GraphBuilder builder(5);
  builder.AddEdge({.source = 0, .target = 2});
  builder.AddEdge({.source = 2, .target = 1});
  builder.AddEdge({.source = 0, .target = 3});
  const Graph graph = *builder.Build();

  const BfsResult result = *BreadthFirstSearch(graph, 0);

  EXPECT_EQ(result.order, (std::vector<NodeId>{0, 2, 3, 1}));
  EXPECT_EQ(result.hops, (std::vector<std::int32_t>{0, 2, 1, 1, -1}));
}

TEST(BreadthFirstSearchTest, RejectsASourceThatIsNotANode) {
  GraphBuilder builder(1);
  const Graph graph = *builder.Build();

  EXPECT_FALSE(BreadthFirstSearch(graph, 1).has_value());
}

void ExpectSearchOrder(const BfsResult& result, NodeId source);

void ExpectAgreement(Direction direction, bool filtered, std::uint64_t seed,
                     std::size_t max_nodes = 200, double degree = 1.5, int trials = 100) {
  std::mt19937_64 random(seed);
  for (int trial = 0; trial < trials; ++trial) {
    const testing::RandomGraph g = testing::MakeRandomGraph(random, max_nodes, degree);
    const auto source = static_cast<NodeId>(random() % g.node_count);
    LinkFilter filter;
    if (filtered) {
      filter.as_of = static_cast<Day>(random() % 100);
      filter.link_types = TypeSet::Of({1, 2});
    }
    const std::vector<long> theirs = testing::IgraphHopDistances(
        g.node_count, testing::FilteredArcs(g, filter, TypeSet(), {}), source,
        testing::ToMode(direction));

    const BfsResult ours = *BreadthFirstSearch(g.graph, source, direction, filter);

    for (std::size_t v = 0; v < g.node_count; ++v) {
      ASSERT_EQ(ours.hops[v], theirs[v]) << "trial " << trial << " node " << v;
    }
    std::size_t reached = 0;
    for (long hops : theirs) reached += hops >= 0 ? 1 : 0;
    EXPECT_EQ(ours.order.size(), reached);
    ExpectSearchOrder(ours, source);
  }
}

// `order` starts at the source, holds each reached node once, and goes by hops.
void ExpectSearchOrder(const BfsResult& result, NodeId source) {
  ASSERT_FALSE(result.order.empty());
  EXPECT_EQ(result.order[0], source);
  std::vector<char> seen(result.hops.size(), 0);
  for (std::size_t i = 0; i < result.order.size(); ++i) {
    const NodeId v = result.order[i];
    ASSERT_EQ(seen[v], 0) << "node " << v << " twice";
    seen[v] = 1;
    ASSERT_GE(result.hops[v], 0);
    if (i > 0) {
      ASSERT_LE(result.hops[result.order[i - 1]], result.hops[v]) << "place " << i;
    }
  }
}

TEST(BreadthFirstSearchTest, AgreesWithIgraphAlongEdges) { ExpectAgreement(Direction::kOut, false, 71); }
TEST(BreadthFirstSearchTest, AgreesWithIgraphUndirected) { ExpectAgreement(Direction::kBoth, false, 72); }
// Dense enough that the middle levels go bottom-up.
TEST(BreadthFirstSearchTest, AgreesWithIgraphOnDenserGraphsAlongEdges) {
  ExpectAgreement(Direction::kOut, false, 74, 3000, 8, 10);
}
TEST(BreadthFirstSearchTest, AgreesWithIgraphOnDenserGraphsAgainstEdges) {
  ExpectAgreement(Direction::kIn, false, 75, 3000, 8, 10);
}
TEST(BreadthFirstSearchTest, AgreesWithIgraphOnDenserGraphsUndirected) {
  ExpectAgreement(Direction::kBoth, false, 76, 3000, 8, 10);
}

// A dense part reached from the source, and a dense part whose edges lead into the first one but
// never out of it: along edges, the second part's nodes have edges to be reached by but are never
// reached, through several bottom-up levels (bfs.cc keeps them as candidates); against edges and
// undirected, they are reached.
TEST(BreadthFirstSearchTest, AgreesWithIgraphWhereAPartIsReachedOnlyOneWay) {
  std::mt19937_64 random(77);
  for (int trial = 0; trial < 6; ++trial) {
    const std::size_t reached_part = 1500 + random() % 1000;
    const std::size_t n = reached_part + 500 + random() % 1000;
    GraphBuilder builder(n);
    testing::ArcList arcs;
    auto add = [&](std::size_t from, std::size_t to) {
      arcs.emplace_back(from, to);
      builder.AddEdge({.source = static_cast<NodeId>(from), .target = static_cast<NodeId>(to)});
    };
    // A path through the first part keeps the search going for many levels, and random edges make
    // its middle levels bottom-up.
    for (std::size_t v = 0; v + 1 < reached_part; v += 1 + random() % 3) add(v, v + 1);
    for (std::size_t e = 0; e < 6 * reached_part; ++e) add(random() % reached_part, random() % reached_part);
    for (std::size_t e = 0; e < 6 * (n - reached_part); ++e) {
      const std::size_t from = reached_part + random() % (n - reached_part);
      add(from, random() % 4 == 0 ? random() % reached_part : reached_part + random() % (n - reached_part));
    }
    const Graph graph = *builder.Build();
    for (const Direction direction : {Direction::kOut, Direction::kIn, Direction::kBoth}) {
      const std::vector<long> theirs =
          testing::IgraphHopDistances(n, arcs, 0, testing::ToMode(direction));
      const BfsResult ours = *BreadthFirstSearch(graph, 0, direction);
      for (std::size_t v = 0; v < n; ++v) {
        ASSERT_EQ(ours.hops[v], theirs[v]) << "trial " << trial << " node " << v;
      }
      std::size_t reached = 0;
      for (long hops : theirs) reached += hops >= 0 ? 1 : 0;
      EXPECT_EQ(ours.order.size(), reached);
      ExpectSearchOrder(ours, 0);
      if (direction == Direction::kOut) {
        EXPECT_LE(reached, reached_part);
      }
    }
  }
}

TEST(BreadthFirstSearchTest, AgreesWithIgraphOnTheFilteredGraph) {
  ExpectAgreement(Direction::kIn, true, 73);
}

}  // namespace
}  // namespace ordo::graph
