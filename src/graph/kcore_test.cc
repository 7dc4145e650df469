#include "graph/kcore.h"

#include <gtest/gtest.h>

#include <random>

#include "graph/testing/random_graph.h"

namespace ordo::graph {
namespace {

TEST(CorenessTest, ATriangleWithATailHasCoreTwoAndOne) {
  GraphBuilder builder(4);
  builder.AddEdge({.source = 0, .target = 1});
  builder.AddEdge({.source = 1, .target = 2});
  builder.AddEdge({.source = 2, .target = 0});
  builder.AddEdge({.source = 3, .target = 0});
  const Graph graph = *builder.Build();

  EXPECT_EQ(Coreness(graph), (std::vector<std::uint32_t>{2, 2, 2, 1}));
}

TEST(CorenessTest, AgreesWithIgraphOnRandomGraphs) {
  std::mt19937_64 random(31);
  for (int trial = 0; trial < 200; ++trial) {
    const testing::RandomGraph g = testing::MakeRandomGraph(random, 200, 3);

    const std::vector<std::uint32_t> ours = Coreness(g.graph);
    const std::vector<long> theirs = testing::IgraphCoreness(g.node_count, g.arcs);

    ASSERT_EQ(ours.size(), theirs.size());
    for (std::size_t v = 0; v < theirs.size(); ++v) {
      ASSERT_EQ(static_cast<long>(ours[v]), theirs[v]) << "trial " << trial << " node " << v;
    }
  }
}

}  // namespace
}  // namespace ordo::graph
