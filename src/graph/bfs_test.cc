#include "graph/bfs.h"

#include <gtest/gtest.h>

#include <random>

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

TEST(BreadthFirstSearchTest, AgreesWithIgraphOnTheFilteredGraph) {
  ExpectAgreement(Direction::kIn, true, 73);
}

}  // namespace
}  // namespace ordo::graph
