#pragma once
// Interdiction planning on a route network (analytics/route_network.h): where to put checkpoints,
// within a budget, to intercept the most trafficking flow from given origins to given
// destinations. docs/cli.md ("Routes and interdiction") documents the method; in short:
//
//   1. The exact minimum cut: the cheapest set of checkpoints (nodes, and the legs given a cost)
//      that separates every origin from every destination in the network, by maximum flow on the
//      network with each node split into an entry and an exit joined by an arc of the node's cost
//      (graph/max_flow.h). It stops every route through the network, including combinations of
//      legs no seizure has shown. When it fits the budget (or no budget is given) it is the plan.
//   2. Otherwise the observed flow decides: each distinct route, cut from its first origin to the
//      last destination after that, carries its seizures (or kilograms). With at most
//      kExhaustiveCandidates candidate checkpoints every affordable set is tried (exact); with
//      more, greedy by intercepted flow per cost, compared with the best single checkpoint
//      (Khuller, Moss and Naor's rule for budgeted maximum coverage).

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analytics/route_network.h"
#include "core/result.h"

namespace ordo::analytics {

inline constexpr std::size_t kExhaustiveCandidates = 20;

enum class FlowMeasure { kSeizures, kKilograms };

struct InterdictionOptions {
  // Node ids ("place:Osh") or names ("Osh"). Empty origins: the first node of every route; empty
  // destinations: the last node of every route.
  std::vector<std::string> origins;
  std::vector<std::string> destinations;
  // Checkpoint cost per node (id or name), default_node_cost for the rest; a node may be excluded
  // with a cost of kNoCheckpoint.
  std::map<std::string, double> node_costs;
  double default_node_cost = 1;
  // Legs that may carry a checkpoint, as (from, to) ids or names, and its cost. Legs not listed
  // cannot be cut.
  std::map<std::pair<std::string, std::string>, double> edge_costs;
  std::optional<double> budget;  // empty: the minimum cut at whatever cost
  FlowMeasure measure = FlowMeasure::kSeizures;
};

// A cost meaning "no checkpoint may go here".
inline constexpr double kNoCheckpoint = -1;

struct Checkpoint {
  std::size_t from = 0;           // node index; the node itself for a node checkpoint
  std::optional<std::size_t> to;  // set for a leg checkpoint
  double cost = 0;
  double intercepted = 0;  // flow of the observed routes this checkpoint stops (alone)
};

struct InterdictionPlan {
  std::string method;                   // "minimum cut", "exhaustive" or "greedy"
  std::vector<Checkpoint> checkpoints;  // by intercepted flow, highest first
  double cost = 0;
  // The exact minimum cut's cost; empty when no finite cut exists (an origin joined to a
  // destination by a leg that cannot be cut, or an origin that is a destination and cannot hold a
  // checkpoint).
  std::optional<double> minimum_cut_cost;
  std::vector<std::size_t> origins;       // node indexes used
  std::vector<std::size_t> destinations;  // node indexes used
  double flow_total = 0;                  // observed origin-to-destination flow
  double flow_intercepted = 0;            // of it, on routes holding a checkpoint
  double share_intercepted = 0;           // flow_intercepted / flow_total (0 when there is no flow)
  std::size_t routes_total = 0;  // distinct observed routes with origin-to-destination flow
  std::size_t routes_intercepted = 0;
};

// Plans checkpoints on `network`. Errors: kInvalidArgument naming an unknown origin, destination
// or costed node or leg, a negative or non-finite cost other than kNoCheckpoint, or a negative
// budget; kFailedPrecondition when the network has no routes.
Result<InterdictionPlan> PlanInterdiction(const RouteNetwork& network,
                                          const InterdictionOptions& options);

}  // namespace ordo::analytics
