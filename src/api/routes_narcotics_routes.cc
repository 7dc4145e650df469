// /api/v1/narcotics/routes: the route network of the matching seizures (legs with their flow,
// chokepoints by betweenness, distinct routes), or with `compare=FIRST,SECOND` the change of every
// leg's share between two periods, as `ordo routes [--compare FIRST SECOND]`
// (analytics/route_network.h).

#include <variant>

#include "analytics/route_network.h"
#include "api/error_response.h"
#include "api/internal/answer_marking.h"
#include "api/internal/route_support.h"
#include "api/internal/seizure_query.h"
#include "api/routes.h"

namespace ordo::api {
namespace {

using internal::Json;

constexpr std::int64_t kDefaultRouteTop = 20;

std::size_t Limit(std::size_t size, std::int64_t top) {
  return top == 0 ? size : std::min(size, static_cast<std::size_t>(top));
}

Json OptionalNumber(const std::optional<double>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json NodeJson(const analytics::RouteNode& node) {
  return {{"id", node.id},
          {"kind", node.kind == analytics::RouteNodeKind::kPlace ? "place" : "country"},
          {"name", node.name},
          {"lat", OptionalNumber(node.lat)},
          {"lon", OptionalNumber(node.lon)},
          {"seizures", node.seizures},
          {"kg", node.kg},
          {"seizure_share", node.seizure_share},
          {"betweenness", node.betweenness}};
}

Json CountsJson(const analytics::RouteNetwork& network) {
  return {{"rows_matched", network.rows_matched},
          {"rows_routed", network.rows_routed},
          {"rows_without_route", network.rows_without_route},
          {"routed_kg", network.routed_kg},
          {"synthetic", network.synthetic ? Json(*network.synthetic) : Json(nullptr)}};
}

Json NetworkJson(const analytics::RouteNetwork& network, std::int64_t top) {
  Json nodes = Json::array();
  for (const analytics::RouteNode& node : network.nodes) nodes.push_back(NodeJson(node));
  Json chokepoints = Json::array();
  for (std::size_t i = 0; i < Limit(network.chokepoints.size(), top); ++i) {
    chokepoints.push_back(network.nodes[network.chokepoints[i]].id);
  }
  Json legs = Json::array();
  for (std::size_t i = 0; i < Limit(network.edges.size(), top); ++i) {
    const analytics::RouteEdge& edge = network.edges[i];
    legs.push_back({{"from", network.nodes[edge.from].id},
                    {"to", network.nodes[edge.to].id},
                    {"seizures", edge.seizures},
                    {"cases", edge.cases},
                    {"kg", edge.kg},
                    {"without_kg", edge.without_kg},
                    {"seizure_share", edge.seizure_share}});
  }
  Json paths = Json::array();
  for (std::size_t i = 0; i < Limit(network.paths.size(), top); ++i) {
    const analytics::RoutePath& path = network.paths[i];
    Json ids = Json::array();
    for (std::size_t node : path.nodes) ids.push_back(network.nodes[node].id);
    paths.push_back({{"nodes", std::move(ids)}, {"seizures", path.seizures}, {"kg", path.kg}});
  }
  Json document = CountsJson(network);
  document["nodes"] = std::move(nodes);
  document["chokepoints"] = std::move(chokepoints);
  document["legs"] = std::move(legs);
  document["paths"] = std::move(paths);
  return document;
}

Json PeriodJson(const analytics::Period& period) {
  return {{"text", period.text},
          {"from", period.from.ToString()},
          {"to", period.to.ToString()}};
}

Json ComparisonJson(const analytics::RouteComparison& comparison, std::int64_t top) {
  Json changes = Json::array();
  for (std::size_t i = 0; i < Limit(comparison.changes.size(), top); ++i) {
    const analytics::RouteEdgeChange& change = comparison.changes[i];
    changes.push_back({{"from", change.from_id},
                       {"to", change.to_id},
                       {"first_seizures", change.first_seizures},
                       {"second_seizures", change.second_seizures},
                       {"first_share", change.first_share},
                       {"second_share", change.second_share},
                       {"change", change.change},
                       {"first_kg", change.first_kg},
                       {"second_kg", change.second_kg}});
  }
  Json first = CountsJson(comparison.first);
  first["period"] = PeriodJson(comparison.first_period);
  Json second = CountsJson(comparison.second);
  second["period"] = PeriodJson(comparison.second_period);
  return {{"first", std::move(first)}, {"second", std::move(second)}, {"changes", std::move(changes)}};
}

// "FIRST,SECOND": two periods of analytics::ParsePeriod.
std::variant<std::pair<analytics::Period, analytics::Period>, HttpResponse> ComparedPeriods(
    const std::string& text) {
  const std::size_t comma = text.find(',');
  if (comma == std::string::npos || text.find(',', comma + 1) != std::string::npos) {
    return ErrorResponse(
        InvalidArgument("compare: expected two periods separated by a comma, such as "
                        "2015..2019,2020..2024, got '" + text + "'"),
        "compare");
  }
  auto first = analytics::ParsePeriod(text.substr(0, comma));
  if (!first) return ErrorResponse(InvalidArgument("compare: " + first.error().message()), "compare");
  auto second = analytics::ParsePeriod(text.substr(comma + 1));
  if (!second) {
    return ErrorResponse(InvalidArgument("compare: " + second.error().message()), "compare");
  }
  return std::make_pair(std::move(*first), std::move(*second));
}

HttpResponse Routes(const RouteRequest& request) {
  auto parsed = internal::SeizureFilterOf(request);
  if (auto* problem = std::get_if<HttpResponse>(&parsed)) return std::move(*problem);
  const storage::SeizureFilter filter = std::get<storage::SeizureFilter>(std::move(parsed));
  const std::int64_t top = request.params.Integer("top", kDefaultRouteTop);
  if (!request.params.Has("compare")) {
    return internal::WithSeizureStore(request, [&](storage::SeizureStore& inner) {
      internal::MarkingSeizureStore store(inner);
      auto network = analytics::BuildRouteNetwork(store, filter);
      if (!network) return ErrorResponse(network.error());
      return internal::MarkedJsonResponse(NetworkJson(*network, top), store.highest());
    });
  }
  auto periods = ComparedPeriods(request.params.Text("compare"));
  if (auto* problem = std::get_if<HttpResponse>(&periods)) return std::move(*problem);
  const auto& [first, second] = std::get<0>(periods);
  // Init-captures, since clang 14 (the fuzz build) cannot capture a structured binding.
  return internal::WithSeizureStore(request, [&, &earlier = first, &later = second](
                                                 storage::SeizureStore& inner) {
    internal::MarkingSeizureStore store(inner);
    auto comparison = analytics::CompareRoutePeriods(store, filter, earlier, later);
    if (!comparison) return ErrorResponse(comparison.error());
    return internal::MarkedJsonResponse(ComparisonJson(*comparison, top), store.highest());
  });
}

}  // namespace

void AddNarcoticsRouteNetworkRoutes(Router& router) {
  std::vector<ParamSpec> params = internal::SeizureFilterParams();
  params.push_back(internal::TextParam(
      "compare", "Two periods FIRST,SECOND (2019, 2015..2019, 2020-01..2021-06): the change of "
                 "every leg's share between them"));
  params.push_back(internal::IntegerParam("top", 0, 100000,
                                          "Chokepoints, legs, routes or changes to return; 0 = all"));
  router.Add({"/api/v1/narcotics/routes",
              internal::RouteParams(std::move(params), internal::Paging::kNone), Routes});
}

}  // namespace ordo::api
