#include "graph/key_players.h"

#include <gtest/gtest.h>

#include <random>

#include "graph/components.h"
#include "graph/testing/random_graph.h"

namespace ordo::graph {
namespace {

std::uint64_t ConnectedPairs(const ComponentLabels& labels, NodeId left_out) {
  std::uint64_t pairs = 0;
  for (std::size_t c = 0; c < labels.Count(); ++c) {
    std::uint64_t size = labels.sizes[c];
    if (labels.component[left_out] == c) --size;  // the node removed is alone, not counted
    pairs += size * (size > 0 ? size - 1 : 0) / 2;
  }
  return pairs;
}

TEST(KeyPlayersTest, TheCentreOfAStarDisconnectsEveryPair) {
  GraphBuilder builder(5);
  for (NodeId leaf = 1; leaf < 5; ++leaf) builder.AddEdge({.source = 0, .target = leaf});
  const Graph graph = *builder.Build();

  EXPECT_EQ(DisconnectedPairs(graph), (std::vector<std::uint64_t>{6, 0, 0, 0, 0}));
}

TEST(KeyPlayersTest, RanksTheBridgeNodesOfAPathFirst) {
  // 0 - 1 - 2 - 3: removing 1 or 2 disconnects 2 pairs each.
  GraphBuilder builder(4);
  builder.AddEdge({.source = 0, .target = 1});
  builder.AddEdge({.source = 2, .target = 1});
  builder.AddEdge({.source = 2, .target = 3});
  const Graph graph = *builder.Build();

  const std::vector<KeyPlayer> ranked = RankKeyPlayers(graph, 10);

  ASSERT_EQ(ranked.size(), 2u);
  EXPECT_EQ(ranked[0].node, 1u);
  EXPECT_EQ(ranked[0].disconnected_pairs, 2u);
  EXPECT_EQ(ranked[1].node, 2u);
}

TEST(KeyPlayersTest, EqualsRemovingEachNodeInTurn) {
  std::mt19937_64 random(101);
  for (int trial = 0; trial < 100; ++trial) {
    const testing::RandomGraph g = testing::MakeRandomGraph(random, 60, 1.2);
    const std::vector<std::uint64_t> scores = DisconnectedPairs(g.graph);
    const ComponentLabels whole = FindConnectedComponents(g.graph);

    for (NodeId v = 0; v < g.node_count; ++v) {
      GraphBuilder builder(g.node_count);
      for (const EdgeSpec& spec : g.specs) {
        if (spec.source != v && spec.target != v) builder.AddEdge(spec);
      }
      const ComponentLabels without = FindConnectedComponents(*builder.Build());

      ASSERT_EQ(scores[v], ConnectedPairs(whole, v) - ConnectedPairs(without, v))
          << "trial " << trial << " node " << v;
    }
  }
}

TEST(KeyPlayersTest, ScoresArePositiveExactlyOnIgraphsArticulationPoints) {
  std::mt19937_64 random(102);
  for (int trial = 0; trial < 100; ++trial) {
    const testing::RandomGraph g = testing::MakeRandomGraph(random, 200, 1.5);
    const std::vector<std::uint64_t> scores = DisconnectedPairs(g.graph);

    std::vector<std::size_t> ours;
    for (NodeId v = 0; v < g.node_count; ++v) {
      if (scores[v] > 0) ours.push_back(v);
    }

    EXPECT_EQ(ours, testing::IgraphArticulationPoints(g.node_count, g.arcs)) << "trial " << trial;
  }
}

}  // namespace
}  // namespace ordo::graph
