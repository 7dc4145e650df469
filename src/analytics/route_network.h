#pragma once
// The route network of a set of seizures: the legs their reported routes travelled, with the flow
// (seizures, cases, kilograms) on each leg and through each node, chokepoints by betweenness, and
// the change between two periods. docs/cli.md ("Routes and interdiction") documents the rules.
//
// A seizure's route is the list of nodes it travelled, in order:
//   * its reported places (Seizure::route), each a place node ("place:Osh"), when it has them;
//   * otherwise its countries: departure, the transit countries, destination, each a country node
//     ("country:TJK"), with consecutive repeats dropped.
// A route of fewer than two nodes has no legs: the seizure is counted as without a route. Real and
// synthetic records are never put into one network: a filter matching both is an error.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/partial_date.h"
#include "core/result.h"
#include "storage/seizure_store.h"

namespace ordo::analytics {

enum class RouteNodeKind { kPlace, kCountry };

struct RouteNode {
  std::string id;  // "place:NAME" or "country:ISO3"
  RouteNodeKind kind = RouteNodeKind::kPlace;
  std::string name;  // the place name or the ISO3 code
  // Places: the mean position of the matching seizures recorded at this place name with
  // coordinates (derived from the records, not a gazetteer); empty when there are none.
  std::optional<double> lat;
  std::optional<double> lon;
  std::size_t seizures = 0;  // routed seizures whose route passes through the node
  double kg = 0;             // their quantity_kg sum
  double seizure_share = 0;  // seizures / routed seizures
  double betweenness = 0;    // graph::DirectedBetweenness of the leg graph, not normalised
};

struct RouteEdge {
  std::size_t from = 0;  // index into RouteNetwork::nodes
  std::size_t to = 0;
  std::size_t seizures = 0;    // routed seizures whose route has this leg
  std::size_t cases = 0;       // distinct case_id among them; a row without one is its own case
  double kg = 0;               // their quantity_kg sum
  std::size_t without_kg = 0;  // of `seizures`, rows without quantity_kg (nothing added to kg)
  double seizure_share = 0;    // seizures / routed seizures
};

// One distinct route and the seizures that reported it.
struct RoutePath {
  std::vector<std::size_t> nodes;  // indexes into RouteNetwork::nodes, in travel order
  std::size_t seizures = 0;
  double kg = 0;
};

struct RouteNetwork {
  std::vector<RouteNode> nodes;  // sorted by id
  std::vector<RouteEdge> edges;  // by seizures, then kg, highest first; then by node ids
  std::vector<RoutePath> paths;  // by seizures, highest first; then by node ids
  // Node indexes with betweenness > 0, highest first (equal scores by seizures, then id).
  std::vector<std::size_t> chokepoints;
  std::size_t rows_matched = 0;
  std::size_t rows_routed = 0;
  std::size_t rows_without_route = 0;
  double routed_kg = 0;
  std::optional<bool> synthetic;  // what the matched rows are; empty when none matched

  // The index of the node with this id ("place:Osh", "country:KGZ") or, when no id matches, the
  // node with this name; empty when none does.
  std::optional<std::size_t> FindNode(std::string_view id_or_name) const;
};

// Streams the seizures matching `filter` (offset and limit ignored) and builds their network.
// Errors: the store's; kFailedPrecondition when the matching rows mix real and synthetic ones.
Result<RouteNetwork> BuildRouteNetwork(storage::SeizureStore& store, storage::SeizureFilter filter);

// A period: "2019", "2019-03", "2015..2019", "2019-01..2019-06" (either end may be any partial
// date; ".." joins the first and the last). kInvalidArgument naming the text otherwise.
struct Period {
  PartialDate from = PartialDate::Year(2000);
  PartialDate to = PartialDate::Year(2000);
  std::string text;  // as given
};
Result<Period> ParsePeriod(std::string_view text);

// One leg in two periods. Shares are of each period's routed seizures.
struct RouteEdgeChange {
  std::string from_id;
  std::string to_id;
  std::size_t first_seizures = 0;
  std::size_t second_seizures = 0;
  double first_kg = 0;
  double second_kg = 0;
  double first_share = 0;
  double second_share = 0;
  double change = 0;  // second_share - first_share
};

struct RouteComparison {
  Period first_period;
  Period second_period;
  RouteNetwork first;
  RouteNetwork second;
  // Every leg of either period, by |change| (largest first), then by ids.
  std::vector<RouteEdgeChange> changes;
};

// The networks of `base` restricted to each period, and the change of every leg's share. Errors:
// those of BuildRouteNetwork.
Result<RouteComparison> CompareRoutePeriods(storage::SeizureStore& store,
                                            const storage::SeizureFilter& base, const Period& first,
                                            const Period& second);

}  // namespace ordo::analytics
