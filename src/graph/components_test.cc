#include "graph/components.h"

#include <gtest/gtest.h>

#include <random>

#include "graph/testing/random_graph.h"

namespace ordo::graph {
namespace {

TEST(ConnectedComponentsTest, IsolatedNodesFormTheirOwnComponents) {
  GraphBuilder builder(4);
  builder.AddEdge({.source = 2, .target = 1});
  const Graph graph = *builder.Build();

  const ComponentLabels labels = FindConnectedComponents(graph);

  EXPECT_EQ(labels.component, (std::vector<std::uint32_t>{0, 1, 1, 2}));
  EXPECT_EQ(labels.sizes, (std::vector<std::uint32_t>{1, 2, 1}));
}

TEST(ConnectedComponentsTest, EdgesJoinTheirEndsWhicheverWayTheyPoint) {
  GraphBuilder builder(3);
  builder.AddEdge({.source = 0, .target = 2});
  builder.AddEdge({.source = 1, .target = 2});
  const Graph graph = *builder.Build();

  EXPECT_EQ(FindConnectedComponents(graph).Count(), 1u);
}

TEST(ConnectedComponentsTest, AgreesWithIgraphOnRandomGraphs) {
  std::mt19937_64 random(21);
  for (int trial = 0; trial < 200; ++trial) {
    const testing::RandomGraph g = testing::MakeRandomGraph(random, 300, 0.8);

    const ComponentLabels ours = FindConnectedComponents(g.graph);
    const std::vector<std::size_t> theirs = testing::IgraphWeakComponents(g.node_count, g.arcs);

    ASSERT_EQ(ours.component.size(), theirs.size());
    for (std::size_t v = 0; v < theirs.size(); ++v) {
      ASSERT_EQ(ours.component[v], theirs[v]) << "trial " << trial << " node " << v;
    }
  }
}

}  // namespace
}  // namespace ordo::graph
