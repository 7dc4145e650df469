#include "graph/graph.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <tuple>

#include "graph/testing/random_graph.h"

namespace ordo::graph {
namespace {

Graph BuildOrDie(GraphBuilder& builder) {
  Result<Graph> graph = builder.Build();
  EXPECT_TRUE(graph.has_value());
  return std::move(*graph);
}

TEST(GraphTest, OutEdgesAreSortedBySourceThenTarget) {
  GraphBuilder builder(3);
  builder.AddEdge({.source = 2, .target = 0});
  builder.AddEdge({.source = 0, .target = 2});
  builder.AddEdge({.source = 0, .target = 1});

  const Graph graph = BuildOrDie(builder);

  EXPECT_EQ(graph.EdgeCount(), 3u);
  EXPECT_EQ(std::vector<NodeId>(graph.OutTargets(0).begin(), graph.OutTargets(0).end()),
            (std::vector<NodeId>{1, 2}));
  EXPECT_EQ(graph.OutDegree(1), 0u);
  EXPECT_EQ(graph.Source(2), 2u);
  EXPECT_EQ(graph.Target(2), 0u);
}

TEST(GraphTest, EdgesKeepTheirTypeDaysAndWeight) {
  GraphBuilder builder(2);
  builder.SetNodeType(1, 5);
  builder.AddEdge({.source = 1, .target = 0, .type = 7, .valid_from = 10, .valid_to = 20,
                   .weight = 2.5f});

  const Graph graph = BuildOrDie(builder);

  EXPECT_EQ(graph.TypeOf(0), 0);
  EXPECT_EQ(graph.TypeOf(1), 5);
  EXPECT_EQ(graph.LinkTypeOf(0), 7);
  EXPECT_FALSE(graph.ValidOn(0, 9));
  EXPECT_TRUE(graph.ValidOn(0, 10));
  EXPECT_TRUE(graph.ValidOn(0, 20));
  EXPECT_FALSE(graph.ValidOn(0, 21));
  EXPECT_TRUE(graph.HasWeights());
  EXPECT_EQ(graph.Weight(0), 2.5f);
}

TEST(GraphTest, OpenEndsAreValidOnEveryDay) {
  GraphBuilder builder(2);
  builder.AddEdge({.source = 0, .target = 1});

  const Graph graph = BuildOrDie(builder);

  EXPECT_TRUE(graph.ValidOn(0, kOpenStart));
  EXPECT_TRUE(graph.ValidOn(0, kOpenEnd));
  EXPECT_FALSE(graph.HasWeights());
  EXPECT_EQ(graph.Weight(0), 1.0f);
}

TEST(GraphTest, RejectsAnEdgeToAMissingNode) {
  GraphBuilder builder(2);
  builder.AddEdge({.source = 0, .target = 2});

  const Result<Graph> graph = builder.Build();

  ASSERT_FALSE(graph.has_value());
  EXPECT_EQ(graph.error().code(), ErrorCode::kInvalidArgument);
}

TEST(GraphTest, RejectsATypeForAMissingNode) {
  GraphBuilder builder(2);
  builder.SetNodeType(2, 1);

  EXPECT_FALSE(builder.Build().has_value());
}

TEST(GraphTest, RejectsAnIntervalThatEndsBeforeItStarts) {
  GraphBuilder builder(2);
  builder.AddEdge({.source = 0, .target = 1, .valid_from = 5, .valid_to = 4});

  EXPECT_FALSE(builder.Build().has_value());
}

TEST(GraphTest, RejectsANegativeWeight) {
  GraphBuilder builder(2);
  builder.AddEdge({.source = 0, .target = 1, .weight = -1});

  EXPECT_FALSE(builder.Build().has_value());
}

TEST(GraphTest, TheOrderOfAddingDoesNotChangeTheGraph) {
  std::mt19937_64 random(11);
  for (int trial = 0; trial < 20; ++trial) {
    const testing::RandomGraph original = testing::MakeRandomGraph(random, 40, 3, false, true);
    std::vector<EdgeSpec> shuffled = original.specs;
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    GraphBuilder builder(original.node_count);
    for (std::size_t v = 0; v < original.node_count; ++v) {
      builder.SetNodeType(static_cast<NodeId>(v), original.graph.TypeOf(static_cast<NodeId>(v)));
    }
    for (const EdgeSpec& spec : shuffled) builder.AddEdge(spec);

    const Graph graph = BuildOrDie(builder);

    // Parallel edges may trade places; their multiset per (source, target) may not.
    auto edges_of = [](const Graph& g) {
      std::vector<std::tuple<NodeId, NodeId, LinkType, Day, Day, float>> edges;
      for (EdgeId e = 0; e < g.EdgeCount(); ++e) {
        edges.emplace_back(g.Source(e), g.Target(e), g.LinkTypeOf(e), g.ValidFrom(e), g.ValidTo(e),
                           g.Weight(e));
      }
      std::sort(edges.begin(), edges.end());
      return edges;
    };
    EXPECT_EQ(edges_of(graph), edges_of(original.graph)) << "trial " << trial;
  }
}

TEST(GraphTest, InAdjacencyMirrorsOutAdjacency) {
  std::mt19937_64 random(12);
  for (int trial = 0; trial < 20; ++trial) {
    const testing::RandomGraph random_graph = testing::MakeRandomGraph(random, 50, 4);
    const Graph& graph = random_graph.graph;

    std::vector<std::pair<NodeId, NodeId>> from_out;
    std::vector<std::pair<NodeId, NodeId>> from_in;
    for (NodeId v = 0; v < graph.NodeCount(); ++v) {
      for (NodeId w : graph.OutTargets(v)) from_out.emplace_back(v, w);
      const auto sources = graph.InSources(v);
      const auto edges = graph.InEdges(v);
      ASSERT_TRUE(std::is_sorted(sources.begin(), sources.end()));
      for (std::size_t i = 0; i < sources.size(); ++i) {
        EXPECT_EQ(graph.Target(edges[i]), v);
        EXPECT_EQ(graph.Source(edges[i]), sources[i]);
        from_in.emplace_back(sources[i], v);
      }
    }
    std::sort(from_in.begin(), from_in.end());

    EXPECT_EQ(from_out, from_in) << "trial " << trial;
    EXPECT_EQ(from_out.size(), random_graph.arcs.size());
  }
}

TEST(GraphTest, HoldsTypesAndIntervalsInAtMostTwentyFourBytesPerEdge) {
  // 1,000 nodes and 10,000 edges: the offsets add 2 * 4 * 1001 / 10000 = 0.8 bytes per edge to the
  // 21 bytes of each edge (docs/graph.md).
  std::mt19937_64 random(13);
  GraphBuilder builder(1000);
  for (int i = 0; i < 10000; ++i) {
    builder.AddEdge({.source = static_cast<NodeId>(random() % 1000),
                     .target = static_cast<NodeId>(random() % 1000),
                     .type = 1,
                     .valid_from = 3,
                     .valid_to = 9});
  }

  const Graph graph = BuildOrDie(builder);

  EXPECT_NEAR(graph.BytesPerEdge(), 21.0 + 0.1 + 0.8008, 1e-9);
  EXPECT_LE(graph.BytesPerEdge(), 24.0);
}

}  // namespace
}  // namespace ordo::graph
