// `ordo routes [filters] [--compare PERIOD PERIOD] [--top N]`: the route network of the matching
// seizures, its chokepoints and busiest legs, or the change of every leg between two periods
// (analytics/route_network.h, docs/cli.md "Routes and interdiction").

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "analytics/route_network.h"
#include "cli/cells.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/seizure_flags.h"

namespace ordo::cli {
namespace {

struct RoutesFlags {
  SeizureFilterFlags filter;
  std::vector<std::string> compare;
  std::size_t top = 20;
};

std::size_t Limit(std::size_t size, std::size_t top) {
  return top == 0 ? size : std::min(size, top);
}

std::string KindName(analytics::RouteNodeKind kind) {
  return kind == analytics::RouteNodeKind::kPlace ? "place" : "country";
}

std::string Counts(const analytics::RouteNetwork& network) {
  return std::to_string(network.rows_matched) + " matching seizure(s), " +
         std::to_string(network.rows_routed) + " with a route, " +
         std::to_string(network.rows_without_route) + " without (not in the network)";
}

Report NetworkReport(const analytics::RouteNetwork& network, std::size_t top) {
  Section chokepoints{"chokepoints", "Chokepoints (betweenness)", {}, {}, false};
  chokepoints.columns = {{"node"},          {"kind"}, {"betweenness"}, {"seizures"},
                         {"seizure_share"}, {"kg"},   {"lat"},         {"lon"}};
  for (std::size_t i = 0; i < Limit(network.chokepoints.size(), top); ++i) {
    const analytics::RouteNode& node = network.nodes[network.chokepoints[i]];
    chokepoints.rows.push_back({node.name, KindName(node.kind), node.betweenness,
                                Count(node.seizures), node.seizure_share, node.kg,
                                OptionalCell(node.lat), OptionalCell(node.lon)});
  }
  Section legs{"legs", "Legs (busiest first)", {}, {}, false};
  legs.columns = {{"from"},          {"to"}, {"seizures"},  {"cases"},
                  {"seizure_share"}, {"kg"}, {"without_kg"}};
  for (std::size_t i = 0; i < Limit(network.edges.size(), top); ++i) {
    const analytics::RouteEdge& edge = network.edges[i];
    legs.rows.push_back({network.nodes[edge.from].name, network.nodes[edge.to].name,
                         Count(edge.seizures), Count(edge.cases), edge.seizure_share, edge.kg,
                         Count(edge.without_kg)});
  }
  Report report{{std::move(chokepoints), std::move(legs)}, {}};
  report.notes.push_back(Counts(network));
  report.notes.push_back(std::to_string(network.nodes.size()) + " node(s), " +
                         std::to_string(network.edges.size()) + " leg(s), " +
                         std::to_string(network.paths.size()) +
                         " distinct route(s); --top 0 "
                         "lists every chokepoint and leg");
  return report;
}

Report ComparisonReport(const analytics::RouteComparison& comparison, std::size_t top) {
  Section changes{"changes", "Change of each leg's share of routed seizures", {}, {}, false};
  changes.columns = {{"from"},        {"to"},           {"first_seizures"}, {"second_seizures"},
                     {"first_share"}, {"second_share"}, {"change"},         {"first_kg"},
                     {"second_kg"}};
  auto name = [](const std::string& id) { return id.substr(id.find(':') + 1); };
  for (std::size_t i = 0; i < Limit(comparison.changes.size(), top); ++i) {
    const analytics::RouteEdgeChange& change = comparison.changes[i];
    changes.rows.push_back({name(change.from_id), name(change.to_id), Count(change.first_seizures),
                            Count(change.second_seizures), change.first_share, change.second_share,
                            change.change, change.first_kg, change.second_kg});
  }
  Report report{{std::move(changes)}, {}};
  report.notes.push_back("first period " + comparison.first_period.text + ": " +
                         Counts(comparison.first));
  report.notes.push_back("second period " + comparison.second_period.text + ": " +
                         Counts(comparison.second));
  report.notes.push_back(
      "legs by the size of their change, largest first; shares are of each "
      "period's routed seizures");
  return report;
}

Status RunRoutes(CommandContext& context, const RoutesFlags& flags) {
  ORDO_TRY(filter, ParseSeizureFilter(flags.filter));
  if (flags.compare.empty()) {
    ORDO_TRY(store, OpenSeizureStore(context));
    ORDO_TRY(network, analytics::BuildRouteNetwork(*store.seizures, filter));
    context.Print(NetworkReport(network, flags.top));
    return OkStatus();
  }
  Result<analytics::Period> first = analytics::ParsePeriod(flags.compare.at(0));
  if (!first) return InvalidArgument("--compare: " + first.error().message());
  Result<analytics::Period> second = analytics::ParsePeriod(flags.compare.at(1));
  if (!second) return InvalidArgument("--compare: " + second.error().message());
  ORDO_TRY(store, OpenSeizureStore(context));
  ORDO_TRY(comparison, analytics::CompareRoutePeriods(*store.seizures, filter, *first, *second));
  context.Print(ComparisonReport(comparison, flags.top));
  return OkStatus();
}

}  // namespace

void RegisterRoutesCommand(CLI::App& app, CommandContext& context) {
  auto flags = std::make_shared<RoutesFlags>();
  CLI::App* command = app.add_subcommand(
      "routes", "The trafficking route network of the seizures: legs, flows and chokepoints");
  AddSeizureFilterFlags(*command, flags->filter);
  command
      ->add_option("--compare", flags->compare,
                   "Two periods (2019, 2015..2019, 2020-01..2021-06): the change of every leg")
      ->expected(2);
  command->add_option("--top", flags->top, "Rows per table; 0 = all")->capture_default_str();
  command->callback([&context, flags] { context.Finish(RunRoutes(context, *flags)); });
}

}  // namespace ordo::cli
