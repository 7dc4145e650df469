// /api/v1/narcotics/interdiction: checkpoint placement on the route network of the matching
// seizures, as `ordo interdict` (analytics/interdiction.h). Lists are separated by ';', which no
// route place name contains: origin=Khorog;Murghab, node_cost=Osh=3;Bishkek=none,
// leg_cost=Osh->Bishkek=2.

#include <charconv>
#include <cmath>
#include <variant>

#include "analytics/interdiction.h"
#include "api/error_response.h"
#include "api/internal/answer_marking.h"
#include "api/internal/route_support.h"
#include "api/internal/seizure_query.h"
#include "api/routes.h"

namespace ordo::api {
namespace {

using internal::Json;

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(';', start), text.size());
    if (end > start) items.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return items;
}

// "none" is kNoCheckpoint; otherwise a non-negative finite decimal.
std::optional<double> ParseCost(const std::string& text) {
  if (text == "none") return analytics::kNoCheckpoint;
  double value = 0;
  const char* end = text.data() + text.size();
  auto [stop, error] = std::from_chars(text.data(), end, value, std::chars_format::fixed);
  if (text.empty() || error != std::errc() || stop != end || !std::isfinite(value) || value < 0) {
    return std::nullopt;
  }
  return value;
}

HttpResponse Bad(const std::string& parameter, const std::string& message) {
  return ErrorResponse(InvalidArgument(parameter + ": " + message), parameter);
}

// The options the parameters describe, with every node name checked against `network` so that a
// problem names the parameter it came from.
std::variant<analytics::InterdictionOptions, HttpResponse> OptionsOf(
    const QueryParams& params, const analytics::RouteNetwork& network) {
  analytics::InterdictionOptions options;
  auto known = [&network](const std::string& name) { return network.FindNode(name).has_value(); };
  for (const char* role : {"origin", "destination"}) {
    for (const std::string& name : SplitList(params.Text(role))) {
      if (!known(name)) return Bad(role, "'" + name + "' is not a node of the route network");
      (std::string(role) == "origin" ? options.origins : options.destinations).push_back(name);
    }
  }
  if (params.Has("default_cost")) {
    std::optional<double> cost = ParseCost(params.Text("default_cost"));
    if (!cost) return Bad("default_cost", "expected a non-negative number or 'none'");
    options.default_node_cost = *cost;
  }
  for (const std::string& entry : SplitList(params.Text("node_cost"))) {
    const std::size_t equals = entry.rfind('=');
    std::optional<double> cost =
        equals == std::string::npos ? std::nullopt : ParseCost(entry.substr(equals + 1));
    if (!cost || equals == 0) return Bad("node_cost", "'" + entry + "' is not NAME=COST");
    const std::string name = entry.substr(0, equals);
    if (!known(name)) return Bad("node_cost", "'" + name + "' is not a node of the route network");
    options.node_costs[name] = *cost;
  }
  for (const std::string& entry : SplitList(params.Text("leg_cost"))) {
    const std::size_t equals = entry.rfind('=');
    const std::size_t arrow = entry.find("->");
    std::optional<double> cost =
        equals == std::string::npos ? std::nullopt : ParseCost(entry.substr(equals + 1));
    if (!cost || arrow == std::string::npos || arrow == 0 || arrow + 2 >= equals) {
      return Bad("leg_cost", "'" + entry + "' is not FROM->TO=COST");
    }
    const std::string from = entry.substr(0, arrow);
    const std::string to = entry.substr(arrow + 2, equals - arrow - 2);
    const std::optional<std::size_t> from_node = network.FindNode(from);
    const std::optional<std::size_t> to_node = network.FindNode(to);
    const bool leg_exists =
        from_node && to_node &&
        std::any_of(network.edges.begin(), network.edges.end(), [&](const auto& edge) {
          return edge.from == *from_node && edge.to == *to_node;
        });
    if (!leg_exists) return Bad("leg_cost", "'" + from + "->" + to + "' is not a leg of the network");
    if (*cost == analytics::kNoCheckpoint) {
      return Bad("leg_cost", "a leg without a checkpoint is simply left out of leg_cost");
    }
    options.edge_costs[{from, to}] = *cost;
  }
  if (params.Has("budget")) options.budget = params.Number("budget", 0);
  if (params.Text("measure") == "kg") options.measure = analytics::FlowMeasure::kKilograms;
  return options;
}

Json NodeRef(const analytics::RouteNetwork& network, std::size_t index) {
  const analytics::RouteNode& node = network.nodes[index];
  return {{"id", node.id},
          {"name", node.name},
          {"lat", node.lat ? Json(*node.lat) : Json(nullptr)},
          {"lon", node.lon ? Json(*node.lon) : Json(nullptr)}};
}

Json PlanJson(const analytics::InterdictionPlan& plan, const analytics::RouteNetwork& network,
              const analytics::InterdictionOptions& options) {
  Json checkpoints = Json::array();
  for (const analytics::Checkpoint& checkpoint : plan.checkpoints) {
    checkpoints.push_back(
        {{"kind", checkpoint.to ? "leg" : "node"},
         {"from", NodeRef(network, checkpoint.from)},
         {"to", checkpoint.to ? NodeRef(network, *checkpoint.to) : Json(nullptr)},
         {"cost", checkpoint.cost},
         {"intercepted", checkpoint.intercepted},
         {"share", plan.flow_total > 0 ? checkpoint.intercepted / plan.flow_total : 0.0}});
  }
  Json origins = Json::array();
  for (std::size_t node : plan.origins) origins.push_back(NodeRef(network, node));
  Json destinations = Json::array();
  for (std::size_t node : plan.destinations) destinations.push_back(NodeRef(network, node));
  return {
      {"method", plan.method},
      {"measure", options.measure == analytics::FlowMeasure::kKilograms ? "kg" : "seizures"},
      {"budget", options.budget ? Json(*options.budget) : Json(nullptr)},
      {"cost", plan.cost},
      {"minimum_cut_cost", plan.minimum_cut_cost ? Json(*plan.minimum_cut_cost) : Json(nullptr)},
      {"flow_total", plan.flow_total},
      {"flow_intercepted", plan.flow_intercepted},
      {"share_intercepted", plan.share_intercepted},
      {"routes_total", plan.routes_total},
      {"routes_intercepted", plan.routes_intercepted},
      {"origins", std::move(origins)},
      {"destinations", std::move(destinations)},
      {"checkpoints", std::move(checkpoints)}};
}

HttpResponse Interdiction(const RouteRequest& request) {
  auto parsed = internal::SeizureFilterOf(request);
  if (auto* problem = std::get_if<HttpResponse>(&parsed)) return std::move(*problem);
  const storage::SeizureFilter filter = std::get<storage::SeizureFilter>(std::move(parsed));
  return internal::WithSeizureStore(request, [&](storage::SeizureStore& inner) {
    internal::MarkingSeizureStore store(inner);
    auto network = analytics::BuildRouteNetwork(store, filter);
    if (!network) return ErrorResponse(network.error());
    auto options = OptionsOf(request.params, *network);
    if (auto* problem = std::get_if<HttpResponse>(&options)) return std::move(*problem);
    const auto& checked = std::get<analytics::InterdictionOptions>(options);
    auto plan = analytics::PlanInterdiction(*network, checked);
    if (!plan) return ErrorResponse(plan.error());
    return internal::MarkedJsonResponse(PlanJson(*plan, *network, checked), store.highest());
  });
}

}  // namespace

void AddNarcoticsInterdictionRoutes(Router& router) {
  std::vector<ParamSpec> params = internal::SeizureFilterParams();
  params.push_back(internal::TextParam(
      "origin", "Origin nodes (name or id), ';'-separated; default: where routes start"));
  params.push_back(internal::TextParam(
      "destination", "Destination nodes, ';'-separated; default: where routes end"));
  params.push_back(internal::TextParam(
      "node_cost", "NAME=COST or NAME=none (no checkpoint there), ';'-separated"));
  params.push_back(internal::TextParam(
      "leg_cost", "FROM->TO=COST: the leg may hold a checkpoint; ';'-separated"));
  params.push_back(
      internal::TextParam("default_cost", "Cost of any other node (default 1), or none"));
  params.push_back(internal::NumberParam("budget", 0, 1e12,
                                         "Total cost allowed; default: the exact minimum cut"));
  params.push_back(internal::ChoiceParam("measure", {"seizures", "kg"},
                                         "Flow counted in seizures (default) or kg"));
  router.Add({"/api/v1/narcotics/interdiction",
              internal::RouteParams(std::move(params), internal::Paging::kNone), Interdiction});
}

}  // namespace ordo::api
