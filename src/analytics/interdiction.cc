#include "analytics/interdiction.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>

#include "graph/max_flow.h"

namespace ordo::analytics {
namespace {

constexpr double kSlack = 1e-9;

// A place a checkpoint may go: a node, or a leg (from -> to).
struct Candidate {
  std::size_t from = 0;
  std::optional<std::size_t> to;
  double cost = 0;
};

// One observed route between an origin and a destination, as the candidates it passes.
struct FlowRoute {
  std::vector<std::size_t> candidates;  // indexes into the candidate list
  double flow = 0;
};

Result<std::size_t> Resolve(const RouteNetwork& network, const std::string& name,
                            std::string_view role) {
  std::optional<std::size_t> index = network.FindNode(name);
  if (!index) {
    return InvalidArgument(fmt::format("{} '{}' is not a node of the route network", role, name));
  }
  return *index;
}

Status CheckCost(double cost, std::string_view what) {
  if (cost == kNoCheckpoint || (std::isfinite(cost) && cost >= 0)) return OkStatus();
  return InvalidArgument(
      fmt::format("{} has cost {}; a cost is a non-negative number, or {} for no checkpoint", what,
                  cost, kNoCheckpoint));
}

double Capacity(double cost) { return cost == kNoCheckpoint ? graph::kUnlimited : cost; }

double Intercepted(const std::vector<FlowRoute>& routes, const std::vector<bool>& chosen) {
  double total = 0;
  for (const FlowRoute& route : routes) {
    for (std::size_t candidate : route.candidates) {
      if (chosen[candidate]) {
        total += route.flow;
        break;
      }
    }
  }
  return total;
}

// Every affordable subset of at most kExhaustiveCandidates candidates; the most flow, then the
// least cost, then the first subset in counting order.
std::vector<bool> Exhaustive(const std::vector<Candidate>& candidates,
                             const std::vector<FlowRoute>& routes, double budget) {
  const std::size_t count = candidates.size();
  std::vector<std::uint32_t> route_masks;
  for (const FlowRoute& route : routes) {
    std::uint32_t mask = 0;
    for (std::size_t candidate : route.candidates) mask |= 1u << candidate;
    route_masks.push_back(mask);
  }
  std::uint32_t best_mask = 0;
  double best_flow = 0;
  double best_cost = 0;
  for (std::uint32_t mask = 1; mask < (1u << count); ++mask) {
    double cost = 0;
    for (std::size_t i = 0; i < count; ++i) {
      if ((mask >> i) & 1u) cost += candidates[i].cost;
    }
    if (cost > budget + kSlack) continue;
    double flow = 0;
    for (std::size_t r = 0; r < routes.size(); ++r) {
      if ((route_masks[r] & mask) != 0) flow += routes[r].flow;
    }
    if (flow > best_flow + kSlack || (std::fabs(flow - best_flow) <= kSlack && cost < best_cost)) {
      best_mask = mask;
      best_flow = flow;
      best_cost = cost;
    }
  }
  std::vector<bool> chosen(count, false);
  for (std::size_t i = 0; i < count; ++i) chosen[i] = ((best_mask >> i) & 1u) != 0;
  return chosen;
}

// Greedy by marginal flow per cost within the budget, or the best single affordable candidate
// when that intercepts more.
std::vector<bool> Greedy(const std::vector<Candidate>& candidates,
                         const std::vector<FlowRoute>& routes, double budget) {
  const std::size_t count = candidates.size();
  std::vector<bool> chosen(count, false);
  std::vector<bool> route_cut(routes.size(), false);
  std::vector<std::vector<std::size_t>> routes_of(count);
  for (std::size_t r = 0; r < routes.size(); ++r) {
    for (std::size_t candidate : routes[r].candidates) routes_of[candidate].push_back(r);
  }
  double spent = 0;
  double greedy_flow = 0;
  while (true) {
    std::optional<std::size_t> best;
    double best_gain = 0;
    double best_ratio = 0;
    for (std::size_t i = 0; i < count; ++i) {
      if (chosen[i] || spent + candidates[i].cost > budget + kSlack) continue;
      double gain = 0;
      for (std::size_t r : routes_of[i]) {
        if (!route_cut[r]) gain += routes[r].flow;
      }
      if (gain <= kSlack) continue;
      const double ratio =
          candidates[i].cost > 0 ? gain / candidates[i].cost : std::numeric_limits<double>::max();
      if (!best || ratio > best_ratio || (ratio == best_ratio && gain > best_gain)) {
        best = i;
        best_gain = gain;
        best_ratio = ratio;
      }
    }
    if (!best) break;
    chosen[*best] = true;
    spent += candidates[*best].cost;
    greedy_flow += best_gain;
    for (std::size_t r : routes_of[*best]) route_cut[r] = true;
  }
  std::optional<std::size_t> single;
  double single_flow = 0;
  for (std::size_t i = 0; i < count; ++i) {
    if (candidates[i].cost > budget + kSlack) continue;
    double flow = 0;
    for (std::size_t r : routes_of[i]) flow += routes[r].flow;
    if (flow > single_flow + kSlack) {
      single = i;
      single_flow = flow;
    }
  }
  if (single && single_flow > greedy_flow + kSlack) {
    std::fill(chosen.begin(), chosen.end(), false);
    chosen[*single] = true;
  }
  return chosen;
}

}  // namespace

Result<InterdictionPlan> PlanInterdiction(const RouteNetwork& network,
                                          const InterdictionOptions& options) {
  if (network.paths.empty()) {
    return FailedPrecondition("no routed seizures match: the route network is empty");
  }
  if (options.budget && !(std::isfinite(*options.budget) && *options.budget >= 0)) {
    return InvalidArgument(fmt::format("budget {} is not a non-negative number", *options.budget));
  }
  const std::size_t n = network.nodes.size();
  InterdictionPlan plan;
  std::vector<bool> is_origin(n, false);
  std::vector<bool> is_destination(n, false);
  for (const std::string& name : options.origins) {
    ORDO_TRY(index, Resolve(network, name, "origin"));
    is_origin[index] = true;
  }
  for (const std::string& name : options.destinations) {
    ORDO_TRY(index, Resolve(network, name, "destination"));
    is_destination[index] = true;
  }
  for (const RoutePath& path : network.paths) {
    if (options.origins.empty()) is_origin[path.nodes.front()] = true;
    if (options.destinations.empty()) is_destination[path.nodes.back()] = true;
  }
  for (std::size_t v = 0; v < n; ++v) {
    if (is_origin[v]) plan.origins.push_back(v);
    if (is_destination[v]) plan.destinations.push_back(v);
  }

  ORDO_RETURN_IF_ERROR(CheckCost(options.default_node_cost, "the default node"));
  std::vector<double> node_cost(n, options.default_node_cost);
  for (const auto& [name, cost] : options.node_costs) {
    ORDO_TRY(index, Resolve(network, name, "costed node"));
    ORDO_RETURN_IF_ERROR(CheckCost(cost, fmt::format("node '{}'", name)));
    node_cost[index] = cost;
  }
  std::map<std::pair<std::size_t, std::size_t>, double> edge_cost;
  for (const auto& [leg, cost] : options.edge_costs) {
    ORDO_TRY(from, Resolve(network, leg.first, "costed leg start"));
    ORDO_TRY(to, Resolve(network, leg.second, "costed leg end"));
    const bool exists =
        std::any_of(network.edges.begin(), network.edges.end(),
                    [&](const RouteEdge& e) { return e.from == from && e.to == to; });
    if (!exists) {
      return InvalidArgument(
          fmt::format("leg '{}' -> '{}' is not in the route network", leg.first, leg.second));
    }
    ORDO_RETURN_IF_ERROR(CheckCost(cost, fmt::format("leg '{}' -> '{}'", leg.first, leg.second)));
    edge_cost[{from, to}] = cost;
  }

  // 1. The exact minimum cut on the split network: in(v) = 2v, out(v) = 2v + 1.
  graph::FlowNetwork flow_network(2 * n + 2);
  const std::size_t source = 2 * n;
  const std::size_t sink = 2 * n + 1;
  std::vector<Candidate> arc_meaning;  // per arc added, what cutting it means
  for (std::size_t v = 0; v < n; ++v) {
    flow_network.AddArc(2 * v, 2 * v + 1, Capacity(node_cost[v]));
    arc_meaning.push_back({v, std::nullopt, node_cost[v]});
  }
  for (const RouteEdge& edge : network.edges) {
    auto cost = edge_cost.find({edge.from, edge.to});
    const double capacity = cost == edge_cost.end() ? graph::kUnlimited : Capacity(cost->second);
    flow_network.AddArc(2 * edge.from + 1, 2 * edge.to, capacity);
    arc_meaning.push_back({edge.from, edge.to, cost == edge_cost.end() ? 0 : cost->second});
  }
  for (std::size_t v : plan.origins) flow_network.AddArc(source, 2 * v, graph::kUnlimited);
  for (std::size_t v : plan.destinations) flow_network.AddArc(2 * v + 1, sink, graph::kUnlimited);
  const graph::MaxFlowResult cut = graph::MaxFlow(flow_network, source, sink);
  if (std::isfinite(cut.value)) plan.minimum_cut_cost = cut.value;

  // 2. The observed origin-to-destination routes and the candidates on them.
  std::vector<Candidate> candidates;
  std::map<std::pair<std::size_t, std::optional<std::size_t>>, std::size_t> candidate_index;
  auto candidate = [&](std::size_t from, std::optional<std::size_t> to,
                       double cost) -> std::size_t {
    auto [it, inserted] = candidate_index.emplace(std::make_pair(from, to), candidates.size());
    if (inserted) candidates.push_back({from, to, cost});
    return it->second;
  };
  std::vector<FlowRoute> routes;
  for (const RoutePath& path : network.paths) {
    std::size_t first = path.nodes.size();
    for (std::size_t i = 0; i < path.nodes.size() && first == path.nodes.size(); ++i) {
      if (is_origin[path.nodes[i]]) first = i;
    }
    std::size_t last = path.nodes.size();
    for (std::size_t j = path.nodes.size(); j-- > first + 1 && first < path.nodes.size();) {
      if (is_destination[path.nodes[j]]) {
        last = j;
        break;
      }
    }
    if (first == path.nodes.size() || last == path.nodes.size()) continue;
    FlowRoute route;
    route.flow =
        options.measure == FlowMeasure::kSeizures ? static_cast<double>(path.seizures) : path.kg;
    std::set<std::size_t> on_route;
    for (std::size_t k = first; k <= last; ++k) {
      const std::size_t v = path.nodes[k];
      if (node_cost[v] != kNoCheckpoint) on_route.insert(candidate(v, std::nullopt, node_cost[v]));
      if (k < last) {
        auto cost = edge_cost.find({v, path.nodes[k + 1]});
        if (cost != edge_cost.end() && cost->second != kNoCheckpoint) {
          on_route.insert(candidate(v, path.nodes[k + 1], cost->second));
        }
      }
    }
    route.candidates.assign(on_route.begin(), on_route.end());
    plan.flow_total += route.flow;
    ++plan.routes_total;
    routes.push_back(std::move(route));
  }

  // 3. The plan.
  std::vector<bool> chosen;
  const double budget = options.budget.value_or(graph::kUnlimited);
  if (plan.minimum_cut_cost && *plan.minimum_cut_cost <= budget + kSlack) {
    plan.method = "minimum cut";
    for (std::size_t arc : cut.cut_arcs) {
      if (arc >= arc_meaning.size()) continue;  // source and sink arcs are unlimited
      const Candidate& meaning = arc_meaning[arc];
      candidate(meaning.from, meaning.to, meaning.cost);
    }
    chosen.assign(candidates.size(), false);
    for (std::size_t arc : cut.cut_arcs) {
      if (arc >= arc_meaning.size()) continue;
      chosen[candidate_index.at({arc_meaning[arc].from, arc_meaning[arc].to})] = true;
    }
  } else if (candidates.size() <= kExhaustiveCandidates) {
    plan.method = "exhaustive";
    chosen = Exhaustive(candidates, routes, budget);
  } else {
    plan.method = "greedy";
    chosen = Greedy(candidates, routes, budget);
  }

  plan.flow_intercepted = Intercepted(routes, chosen);
  plan.share_intercepted = plan.flow_total > 0 ? plan.flow_intercepted / plan.flow_total : 0;
  for (const FlowRoute& route : routes) {
    if (std::any_of(route.candidates.begin(), route.candidates.end(),
                    [&chosen](std::size_t c) { return chosen[c]; })) {
      ++plan.routes_intercepted;
    }
  }
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (!chosen[i]) continue;
    std::vector<bool> alone(candidates.size(), false);
    alone[i] = true;
    plan.checkpoints.push_back(
        {candidates[i].from, candidates[i].to, candidates[i].cost, Intercepted(routes, alone)});
    plan.cost += candidates[i].cost;
  }
  std::stable_sort(
      plan.checkpoints.begin(), plan.checkpoints.end(),
      [](const Checkpoint& a, const Checkpoint& b) { return a.intercepted > b.intercepted; });
  return plan;
}

}  // namespace ordo::analytics
