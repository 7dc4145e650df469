#include "graph/max_flow.h"

#include <gtest/gtest.h>

#include <random>

#include "graph/testing/igraph_oracle.h"

namespace ordo::graph {
namespace {

TEST(MaxFlowTest, ClassicSixVertexNetwork) {
  // s=0, t=5; the textbook example whose maximum flow is 23.
  FlowNetwork network(6);
  network.AddArc(0, 1, 16);
  network.AddArc(0, 2, 13);
  network.AddArc(1, 2, 10);
  network.AddArc(2, 1, 4);
  network.AddArc(1, 3, 12);
  network.AddArc(3, 2, 9);
  network.AddArc(2, 4, 14);
  network.AddArc(4, 3, 7);
  network.AddArc(3, 5, 20);
  network.AddArc(4, 5, 4);

  const MaxFlowResult result = MaxFlow(network, 0, 5);

  EXPECT_DOUBLE_EQ(result.value, 23);
  double cut = 0;
  for (std::size_t arc : result.cut_arcs) cut += network.ArcCapacity(arc);
  EXPECT_DOUBLE_EQ(cut, 23);
}

TEST(MaxFlowTest, AnUncuttablePathGivesAnUnlimitedFlowAndNoCut) {
  FlowNetwork network(3);
  network.AddArc(0, 1, kUnlimited);
  network.AddArc(1, 2, kUnlimited);
  network.AddArc(0, 2, 5);

  const MaxFlowResult result = MaxFlow(network, 0, 2);

  EXPECT_TRUE(std::isinf(result.value));
  EXPECT_TRUE(result.cut_arcs.empty());
}

TEST(MaxFlowTest, DisconnectedVerticesHaveZeroFlow) {
  FlowNetwork network(4);
  network.AddArc(0, 1, 3);
  network.AddArc(2, 3, 3);

  const MaxFlowResult result = MaxFlow(network, 0, 3);

  EXPECT_EQ(result.value, 0);
  EXPECT_TRUE(result.cut_arcs.empty());
  EXPECT_FALSE(result.source_side[3]);
}

// Random directed graphs with integer capacities: the value equals igraph's, the reported cut
// has exactly that capacity, and the flow is conserved and within capacity.
TEST(MaxFlowTest, AgreesWithIgraphOnRandomNetworks) {
  std::mt19937_64 random(20261201);
  for (int trial = 0; trial < 200; ++trial) {
    const std::size_t n = 2 + random() % 40;
    const std::size_t m = random() % (4 * n);
    std::vector<testing::Arc> arcs;
    FlowNetwork network(n);
    for (std::size_t i = 0; i < m; ++i) {
      testing::Arc arc{random() % n, random() % n, static_cast<double>(random() % 20)};
      arcs.push_back(arc);
      network.AddArc(arc.from, arc.to, arc.capacity);
    }
    const std::size_t source = random() % n;
    std::size_t sink = random() % n;
    if (sink == source) sink = (source + 1) % n;

    const MaxFlowResult result = MaxFlow(network, source, sink);

    SCOPED_TRACE("trial " + std::to_string(trial));
    EXPECT_DOUBLE_EQ(result.value, testing::IgraphMaxFlowValue(n, arcs, source, sink));
    double cut = 0;
    for (std::size_t arc : result.cut_arcs) cut += network.ArcCapacity(arc);
    EXPECT_DOUBLE_EQ(cut, result.value);
    std::vector<double> balance(n, 0);
    for (std::size_t k = 0; k < m; ++k) {
      EXPECT_GE(result.arc_flow[k], -1e-9);
      EXPECT_LE(result.arc_flow[k], arcs[k].capacity + 1e-9);
      balance[arcs[k].from] -= result.arc_flow[k];
      balance[arcs[k].to] += result.arc_flow[k];
    }
    for (std::size_t v = 0; v < n; ++v) {
      if (v == source || v == sink) continue;
      EXPECT_NEAR(balance[v], 0, 1e-9) << "vertex " << v;
    }
    EXPECT_NEAR(balance[sink], result.value, 1e-9);
  }
}

}  // namespace
}  // namespace ordo::graph
