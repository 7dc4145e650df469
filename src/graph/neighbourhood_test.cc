#include "graph/neighbourhood.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

#include "graph/testing/random_graph.h"
#include "graph/testing/random_graph_filter.h"

namespace ordo::graph {
namespace {

std::vector<NodeId> NodesOf(const Neighbourhood& result) {
  std::vector<NodeId> nodes;
  for (const NeighbourhoodNode& node : result.nodes) nodes.push_back(node.node);
  return nodes;
}

// A star: node 0 joined to 1..5 with weights 1, 5, 3, 5, 2 (edge i+1 -> weight), and 1 -> 6.
Graph Star() {
  GraphBuilder builder(7);
  const float weights[] = {1, 5, 3, 5, 2};
  for (NodeId leaf = 1; leaf <= 5; ++leaf) {
    builder.AddEdge({.source = 0, .target = leaf, .weight = weights[leaf - 1]});
  }
  builder.AddEdge({.source = 1, .target = 6});
  return *builder.Build();
}

TEST(NeighbourhoodTest, ListsNodesByHopsThenInTheOrderReached) {
  const Graph graph = Star();
  const NodeId seed = 6;
  NeighbourhoodOptions options;
  options.hops = 2;

  const Neighbourhood result = *ExpandNeighbourhood(graph, {&seed, 1}, options);

  EXPECT_EQ(NodesOf(result), (std::vector<NodeId>{6, 1, 0}));
  EXPECT_EQ(result.nodes[2].hops, 2u);
  EXPECT_EQ(result.links.size(), 2u);
}

TEST(NeighbourhoodTest, ASupernodeKeepsItsStrongestLinksAndCountsTheRest) {
  const Graph graph = Star();
  const NodeId seed = 0;
  NeighbourhoodOptions options;
  options.max_links_per_node = 3;

  const Neighbourhood result = *ExpandNeighbourhood(graph, {&seed, 1}, options);

  // Weights 5 (nodes 2 and 4) then 3 (node 3), strongest first; 1 and 5 are "2 more".
  EXPECT_EQ(NodesOf(result), (std::vector<NodeId>{0, 2, 4, 3}));
  EXPECT_EQ(result.nodes[0].hidden_links, 2u);
}

TEST(NeighbourhoodTest, TiesInWeightGoToTheLowerId) {
  const Graph graph = Star();
  const NodeId seed = 0;
  NeighbourhoodOptions options;
  options.max_links_per_node = 1;

  const Neighbourhood result = *ExpandNeighbourhood(graph, {&seed, 1}, options);

  EXPECT_EQ(NodesOf(result), (std::vector<NodeId>{0, 2}));
  EXPECT_EQ(result.nodes[0].hidden_links, 4u);
}

TEST(NeighbourhoodTest, AnExpiredLinkIsNotFollowedAsOfALaterDay) {
  GraphBuilder builder(3);
  builder.AddEdge({.source = 0, .target = 1, .valid_from = 100, .valid_to = 200});
  builder.AddEdge({.source = 0, .target = 2, .valid_from = 150});
  const Graph graph = *builder.Build();
  const NodeId seed = 0;
  NeighbourhoodOptions options;

  options.links.as_of = 120;
  EXPECT_EQ(NodesOf(*ExpandNeighbourhood(graph, {&seed, 1}, options)),
            (std::vector<NodeId>{0, 1}));
  options.links.as_of = 300;
  EXPECT_EQ(NodesOf(*ExpandNeighbourhood(graph, {&seed, 1}, options)),
            (std::vector<NodeId>{0, 2}));
}

TEST(NeighbourhoodTest, RejectsASeedThatIsNotANode) {
  const Graph graph = Star();
  const NodeId seed = 7;

  const Result<Neighbourhood> result = ExpandNeighbourhood(graph, {&seed, 1}, {});

  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code(), ErrorCode::kInvalidArgument);
}

TEST(NeighbourhoodTest, PagesTogetherHoldEveryNodeAndEveryLinkOnce) {
  std::mt19937_64 random(51);
  for (int trial = 0; trial < 50; ++trial) {
    const testing::RandomGraph g = testing::MakeRandomGraph(random, 80, 3);
    const NodeId seed = static_cast<NodeId>(random() % g.node_count);
    NeighbourhoodOptions options;
    options.hops = 3;
    const Neighbourhood whole = *ExpandNeighbourhood(g.graph, {&seed, 1}, options);

    std::vector<NodeId> nodes;
    std::multiset<EdgeId> links;
    options.limit = 1 + random() % 7;
    for (options.offset = 0; options.offset < whole.total_nodes; options.offset += options.limit) {
      const Neighbourhood page = *ExpandNeighbourhood(g.graph, {&seed, 1}, options);
      EXPECT_EQ(page.total_nodes, whole.total_nodes);
      for (NodeId node : NodesOf(page)) nodes.push_back(node);
      for (const NeighbourhoodLink& link : page.links) links.insert(link.edge);
    }

    std::multiset<EdgeId> whole_links;
    for (const NeighbourhoodLink& link : whole.links) whole_links.insert(link.edge);
    EXPECT_EQ(nodes, NodesOf(whole)) << "trial " << trial;
    EXPECT_EQ(links, whole_links) << "trial " << trial;
  }
}

// Without a cap, the links are exactly the edges that pass the filters and join an expanded node
// (fewer hops than the limit) to a node of the result, each once.
TEST(NeighbourhoodTest, ListsEveryFollowedLinkOnce) {
  std::mt19937_64 random(56);
  for (int trial = 0; trial < 100; ++trial) {
    const testing::RandomGraph g = testing::MakeRandomGraph(random, 60, 3);
    const NodeId seed = static_cast<NodeId>(random() % g.node_count);
    NeighbourhoodOptions options;
    options.hops = 1 + random() % 3;
    options.direction = static_cast<Direction>(random() % 3);
    options.links.link_types = TypeSet::Of({0, 1, 2});
    options.node_types = TypeSet::Of({0, 2});

    const Neighbourhood result = *ExpandNeighbourhood(g.graph, {&seed, 1}, options);

    std::map<NodeId, std::uint32_t> hops;
    for (const NeighbourhoodNode& node : result.nodes) hops[node.node] = node.hops;
    std::multiset<EdgeId> expected;
    for (EdgeId edge = 0; edge < g.graph.EdgeCount(); ++edge) {
      if (!options.links.Accepts(g.graph, edge)) continue;
      const NodeId source = g.graph.Source(edge);
      const NodeId target = g.graph.Target(edge);
      if (!hops.count(source) || !hops.count(target)) continue;
      const bool from_source = options.direction != Direction::kIn && hops[source] < options.hops &&
                               (target == seed || options.node_types.Contains(g.graph.TypeOf(target)));
      const bool from_target = options.direction != Direction::kOut && hops[target] < options.hops &&
                               (source == seed || options.node_types.Contains(g.graph.TypeOf(source)));
      if (from_source || from_target) expected.insert(edge);
    }
    std::multiset<EdgeId> listed;
    for (const NeighbourhoodLink& link : result.links) {
      listed.insert(link.edge);
      EXPECT_EQ(link.source, g.graph.Source(link.edge));
      EXPECT_EQ(link.target, g.graph.Target(link.edge));
    }
    EXPECT_EQ(listed, expected) << "trial " << trial;
  }
}

TEST(NeighbourhoodTest, ACappedExpansionListsEachLinkOnce) {
  std::mt19937_64 random(57);
  for (int trial = 0; trial < 100; ++trial) {
    const testing::RandomGraph g = testing::MakeRandomGraph(random, 60, 4, false, true);
    const NodeId seed = static_cast<NodeId>(random() % g.node_count);
    NeighbourhoodOptions options;
    options.hops = 2;
    options.max_links_per_node = 1 + random() % 4;

    const Neighbourhood result = *ExpandNeighbourhood(g.graph, {&seed, 1}, options);

    std::set<EdgeId> distinct;
    for (const NeighbourhoodLink& link : result.links) distinct.insert(link.edge);
    EXPECT_EQ(distinct.size(), result.links.size()) << "trial " << trial;
    for (const NeighbourhoodNode& node : result.nodes) {
      if (node.hops < options.hops) {
        std::size_t links = 0;
        for (const NeighbourhoodLink& link : result.links) {
          links += link.source == node.node || link.target == node.node ? 1 : 0;
        }
        EXPECT_GE(links, std::min<std::size_t>(1, node.hidden_links)) << "trial " << trial;
      }
    }
  }
}

// Node sets and hop counts against igraph_neighborhood and igraph_distances on the graph the
// filters leave.
void ExpectAgreement(Direction direction, bool filtered, std::uint64_t seed_value) {
  std::mt19937_64 random(seed_value);
  for (int trial = 0; trial < 100; ++trial) {
    const testing::RandomGraph g = testing::MakeRandomGraph(random, 120, 2);
    const NodeId seed = static_cast<NodeId>(random() % g.node_count);
    NeighbourhoodOptions options;
    options.hops = 1 + random() % 4;
    options.direction = direction;
    if (filtered) {
      options.links.as_of = static_cast<Day>(random() % 100);
      options.links.link_types = TypeSet::Of({0, 2, 3});
      options.node_types = TypeSet::Of({0, 1});
    }
    const testing::ArcList arcs =
        testing::FilteredArcs(g, options.links, options.node_types, {seed});

    const Neighbourhood ours = *ExpandNeighbourhood(g.graph, {&seed, 1}, options);
    const std::vector<std::size_t> theirs = testing::IgraphNeighbourhood(
        g.node_count, arcs, seed, options.hops, testing::ToMode(direction));
    const std::vector<long> distance =
        testing::IgraphHopDistances(g.node_count, arcs, seed, testing::ToMode(direction));

    std::vector<std::size_t> our_nodes;
    for (const NeighbourhoodNode& node : ours.nodes) {
      our_nodes.push_back(node.node);
      EXPECT_EQ(static_cast<long>(node.hops), distance[node.node]) << "trial " << trial;
    }
    std::sort(our_nodes.begin(), our_nodes.end());
    EXPECT_EQ(our_nodes, theirs) << "trial " << trial;
  }
}

TEST(NeighbourhoodTest, AgreesWithIgraphUndirected) { ExpectAgreement(Direction::kBoth, false, 52); }
TEST(NeighbourhoodTest, AgreesWithIgraphAlongEdges) { ExpectAgreement(Direction::kOut, false, 53); }
TEST(NeighbourhoodTest, AgreesWithIgraphAgainstEdges) { ExpectAgreement(Direction::kIn, false, 54); }
TEST(NeighbourhoodTest, AgreesWithIgraphOnTheFilteredGraph) {
  ExpectAgreement(Direction::kBoth, true, 55);
}

}  // namespace
}  // namespace ordo::graph
