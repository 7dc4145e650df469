#include "analytics/interdiction.h"

#include <gtest/gtest.h>

#include <deque>
#include <random>
#include <set>

#include "analytics/testing/route_fixture.h"
#include "graph/testing/igraph_oracle.h"

namespace ordo::analytics {
namespace {

class InterdictionTest : public testing::RouteTest {
 protected:
  void SetUp() override {
    RouteTest::SetUp();
    // Three corridors that all pass Bishkek, as the simulator's do.
    ASSERT_TRUE(
        seizures_
            .AppendSeizures({Routed("P1", "2024-01-01", {"Khorog", "Osh", "Bishkek", "Almaty"}, 4),
                             Routed("P2", "2024-01-02", {"Khorog", "Osh", "Bishkek", "Almaty"}, 4),
                             Routed("F1", "2024-01-03", {"Batken", "Osh", "Bishkek", "Manas"}, 2),
                             Routed("T1", "2024-01-04", {"Torugart", "Bishkek", "Almaty"}, 9)})
            .has_value());
    network_ = BuildRouteNetwork(seizures_, {}).value();
  }

  std::string Name(const Checkpoint& checkpoint) const {
    std::string name = network_.nodes[checkpoint.from].name;
    if (checkpoint.to) name += "->" + network_.nodes[*checkpoint.to].name;
    return name;
  }

  RouteNetwork network_;
};

TEST_F(InterdictionTest, WithoutABudgetTheMinimumCutIsTheSharedNode) {
  Result<InterdictionPlan> plan = PlanInterdiction(network_, {});

  ASSERT_TRUE(plan.has_value()) << plan.error().ToString();
  EXPECT_EQ(plan->method, "minimum cut");
  ASSERT_EQ(plan->checkpoints.size(), 1u);
  EXPECT_EQ(Name(plan->checkpoints[0]), "Bishkek");
  EXPECT_DOUBLE_EQ(*plan->minimum_cut_cost, 1);
  EXPECT_DOUBLE_EQ(plan->flow_total, 4);  // seizures
  EXPECT_DOUBLE_EQ(plan->share_intercepted, 1);
  EXPECT_EQ(plan->routes_total, 3u);
  EXPECT_EQ(plan->routes_intercepted, 3u);
}

TEST_F(InterdictionTest, ACostlyNodeIsAvoidedWhenCheaperOnesCutAsWell) {
  InterdictionOptions options;
  options.node_costs = {{"Bishkek", 10}};
  options.measure = FlowMeasure::kKilograms;

  Result<InterdictionPlan> plan = PlanInterdiction(network_, options);

  ASSERT_TRUE(plan.has_value()) << plan.error().ToString();
  EXPECT_EQ(plan->method, "minimum cut");
  EXPECT_DOUBLE_EQ(*plan->minimum_cut_cost, 2);  // Osh and Torugart (or Almaty and Manas...)
  EXPECT_DOUBLE_EQ(plan->cost, 2);
  EXPECT_DOUBLE_EQ(plan->flow_total, 19);
  EXPECT_DOUBLE_EQ(plan->share_intercepted, 1);
}

TEST_F(InterdictionTest, ABudgetBelowTheCutTakesTheMostFlowItCanBuy) {
  InterdictionOptions options;
  options.node_costs = {{"Bishkek", kNoCheckpoint}};
  options.budget = 1;
  options.measure = FlowMeasure::kKilograms;

  Result<InterdictionPlan> plan = PlanInterdiction(network_, options);

  ASSERT_TRUE(plan.has_value()) << plan.error().ToString();
  EXPECT_EQ(plan->method, "exhaustive");
  ASSERT_EQ(plan->checkpoints.size(), 1u);
  // Almaty carries 4 + 4 + 9 kg; Torugart 9; Osh 10.
  EXPECT_EQ(Name(plan->checkpoints[0]), "Almaty");
  EXPECT_DOUBLE_EQ(plan->flow_intercepted, 17);
  EXPECT_NEAR(plan->share_intercepted, 17.0 / 19.0, 1e-12);
}

TEST_F(InterdictionTest, LegCheckpointsCanBeCosted) {
  InterdictionOptions options;
  options.default_node_cost = kNoCheckpoint;
  options.edge_costs = {{{"Osh", "Bishkek"}, 1}, {{"Torugart", "Bishkek"}, 1}};

  Result<InterdictionPlan> plan = PlanInterdiction(network_, options);

  ASSERT_TRUE(plan.has_value()) << plan.error().ToString();
  EXPECT_EQ(plan->method, "minimum cut");
  ASSERT_EQ(plan->checkpoints.size(), 2u);
  EXPECT_DOUBLE_EQ(plan->share_intercepted, 1);
}

TEST_F(InterdictionTest, NothingToCutMeansNoFiniteMinimumCut) {
  InterdictionOptions options;
  options.default_node_cost = kNoCheckpoint;
  options.budget = 5;

  Result<InterdictionPlan> plan = PlanInterdiction(network_, options);

  ASSERT_TRUE(plan.has_value());
  EXPECT_FALSE(plan->minimum_cut_cost.has_value());
  EXPECT_TRUE(plan->checkpoints.empty());
  EXPECT_EQ(plan->flow_intercepted, 0);
}

TEST_F(InterdictionTest, BadOptionsAreNamed) {
  InterdictionOptions unknown;
  unknown.origins = {"Kabul"};
  InterdictionOptions negative;
  negative.node_costs = {{"Osh", -3}};
  InterdictionOptions no_leg;
  no_leg.edge_costs = {{{"Khorog", "Almaty"}, 1}};
  InterdictionOptions budget;
  budget.budget = -1;

  EXPECT_EQ(PlanInterdiction(network_, unknown).error().message(),
            "origin 'Kabul' is not a node of the route network");
  EXPECT_EQ(PlanInterdiction(network_, negative).error().message(),
            "node 'Osh' has cost -3; a cost is a non-negative number, or -1 for no checkpoint");
  EXPECT_EQ(PlanInterdiction(network_, no_leg).error().message(),
            "leg 'Khorog' -> 'Almaty' is not in the route network");
  EXPECT_EQ(PlanInterdiction(network_, budget).error().code(), ErrorCode::kInvalidArgument);
}

// True when no origin reaches a destination once the checkpoints are removed.
bool Separates(const RouteNetwork& network, const InterdictionPlan& plan) {
  std::vector<bool> blocked_node(network.nodes.size(), false);
  std::set<std::pair<std::size_t, std::size_t>> blocked_leg;
  for (const Checkpoint& checkpoint : plan.checkpoints) {
    if (checkpoint.to) {
      blocked_leg.emplace(checkpoint.from, *checkpoint.to);
    } else {
      blocked_node[checkpoint.from] = true;
    }
  }
  std::vector<bool> reached(network.nodes.size(), false);
  std::deque<std::size_t> queue;
  for (std::size_t origin : plan.origins) {
    if (!blocked_node[origin]) {
      reached[origin] = true;
      queue.push_back(origin);
    }
  }
  while (!queue.empty()) {
    const std::size_t v = queue.front();
    queue.pop_front();
    for (const RouteEdge& edge : network.edges) {
      if (edge.from != v || reached[edge.to] || blocked_node[edge.to] ||
          blocked_leg.count({edge.from, edge.to}) != 0) {
        continue;
      }
      reached[edge.to] = true;
      queue.push_back(edge.to);
    }
  }
  for (std::size_t destination : plan.destinations) {
    if (reached[destination]) return false;
  }
  return true;
}

// The minimum cut's cost equals the maximum flow igraph computes on the same split network
// (built here independently of interdiction.cc), and removing the plan's checkpoints separates
// the origins from the destinations.
TEST_F(InterdictionTest, TheMinimumCutEqualsIgraphsMaximumFlowOnRandomNetworks) {
  std::mt19937_64 random(4);
  for (int trial = 0; trial < 60; ++trial) {
    SCOPED_TRACE("trial " + std::to_string(trial));
    storage::MemoryStore registry;
    {
      storage::RegistryBatch batch;
      Country kyrgyzstan;
      kyrgyzstan.iso3 = CountryCode::Parse("KGZ").value();
      batch.countries.push_back(kyrgyzstan);
      ASSERT_TRUE(registry.Write(batch).has_value());
    }
    storage::MemorySeizureStore store(registry);
    const std::size_t places = 4 + random() % 12;
    std::vector<Seizure> rows;
    for (int row = 0; row < 25; ++row) {
      std::vector<std::string> route;
      const std::size_t length = 2 + random() % 4;
      for (std::size_t i = 0; i < length; ++i)
        route.push_back("P" + std::to_string(random() % places));
      rows.push_back(
          Routed("R" + std::to_string(row), "2024", route, static_cast<double>(1 + random() % 9)));
    }
    ASSERT_TRUE(store.AppendSeizures(rows).has_value());
    Result<RouteNetwork> network = BuildRouteNetwork(store, {});
    ASSERT_TRUE(network.has_value());
    if (network->paths.empty()) continue;
    InterdictionOptions options;
    for (const RouteNode& node : network->nodes) {
      options.node_costs[node.id] = static_cast<double>(1 + random() % 5);
    }
    for (const RouteEdge& edge : network->edges) {
      if (random() % 3 == 0) {
        options.edge_costs[{network->nodes[edge.from].id, network->nodes[edge.to].id}] =
            static_cast<double>(1 + random() % 5);
      }
    }

    Result<InterdictionPlan> plan = PlanInterdiction(*network, options);
    ASSERT_TRUE(plan.has_value()) << plan.error().ToString();

    // The split network: in(v) = 2v, out(v) = 2v + 1, source 2n, sink 2n + 1; an uncuttable arc
    // gets a capacity above every finite cut.
    const std::size_t n = network->nodes.size();
    double big = 1;
    for (const auto& [id, cost] : options.node_costs) big += cost;
    for (const auto& [leg, cost] : options.edge_costs) big += cost;
    std::vector<graph::testing::Arc> arcs;
    for (std::size_t v = 0; v < n; ++v) {
      arcs.push_back({2 * v, 2 * v + 1, options.node_costs.at(network->nodes[v].id)});
    }
    for (const RouteEdge& edge : network->edges) {
      auto cost =
          options.edge_costs.find({network->nodes[edge.from].id, network->nodes[edge.to].id});
      arcs.push_back(
          {2 * edge.from + 1, 2 * edge.to, cost == options.edge_costs.end() ? big : cost->second});
    }
    for (std::size_t v : plan->origins) arcs.push_back({2 * n, 2 * v, big});
    for (std::size_t v : plan->destinations) arcs.push_back({2 * v + 1, 2 * n + 1, big});
    const double igraph_value =
        graph::testing::IgraphMaxFlowValue(2 * n + 2, arcs, 2 * n, 2 * n + 1);

    if (igraph_value >= big) {
      EXPECT_FALSE(plan->minimum_cut_cost.has_value());
      continue;
    }
    ASSERT_TRUE(plan->minimum_cut_cost.has_value());
    EXPECT_DOUBLE_EQ(*plan->minimum_cut_cost, igraph_value);
    EXPECT_EQ(plan->method, "minimum cut");
    EXPECT_DOUBLE_EQ(plan->cost, igraph_value);
    EXPECT_TRUE(Separates(*network, *plan));
    EXPECT_DOUBLE_EQ(plan->share_intercepted, 1);
  }
}

}  // namespace
}  // namespace ordo::analytics
