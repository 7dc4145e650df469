// `ordo interdict [filters] [--origin N]... [--destination N]... [--node-cost N=C]...
// [--leg-cost A->B=C]... [--default-cost C|none] [--budget B] [--measure seizures|kg]`:
// checkpoint placement on the route network (analytics/interdiction.h, docs/cli.md "Routes and
// interdiction").

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "analytics/interdiction.h"
#include "cli/cells.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/seizure_flags.h"

namespace ordo::cli {
namespace {

struct InterdictFlags {
  SeizureFilterFlags filter;
  std::vector<std::string> origins;
  std::vector<std::string> destinations;
  std::vector<std::string> node_costs;
  std::vector<std::string> leg_costs;
  std::string default_cost = "1";
  std::string budget;
  std::string measure = "seizures";
};

// "none" is kNoCheckpoint; otherwise a whole finite number.
Result<double> ParseCost(const std::string& text, const std::string& flag) {
  if (text == "none") return analytics::kNoCheckpoint;
  char* end = nullptr;
  errno = 0;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || errno != 0 || !std::isfinite(value) || value < 0) {
    return InvalidArgument(flag + ": '" + text + "' is not a non-negative number or 'none'");
  }
  return value;
}

Result<std::pair<std::string, double>> SplitCost(const std::string& text, const std::string& flag) {
  const std::size_t equals = text.rfind('=');
  if (equals == std::string::npos || equals == 0) {
    return InvalidArgument(flag + ": '" + text + "' is not NAME=COST");
  }
  ORDO_TRY(cost, ParseCost(text.substr(equals + 1), flag));
  return std::make_pair(text.substr(0, equals), cost);
}

Result<analytics::InterdictionOptions> Options(const InterdictFlags& flags) {
  analytics::InterdictionOptions options;
  options.origins = flags.origins;
  options.destinations = flags.destinations;
  ORDO_TRY(default_cost, ParseCost(flags.default_cost, "--default-cost"));
  options.default_node_cost = default_cost;
  for (const std::string& text : flags.node_costs) {
    ORDO_TRY(named, SplitCost(text, "--node-cost"));
    options.node_costs[named.first] = named.second;
  }
  for (const std::string& text : flags.leg_costs) {
    ORDO_TRY(named, SplitCost(text, "--leg-cost"));
    const std::size_t arrow = named.first.find("->");
    if (arrow == std::string::npos || arrow == 0 || arrow + 2 == named.first.size()) {
      return InvalidArgument("--leg-cost: '" + text + "' is not FROM->TO=COST");
    }
    options.edge_costs[{named.first.substr(0, arrow), named.first.substr(arrow + 2)}] =
        named.second;
  }
  if (!flags.budget.empty()) {
    ORDO_TRY(budget, ParseCost(flags.budget, "--budget"));
    if (budget == analytics::kNoCheckpoint) {
      return InvalidArgument("--budget: 'none' is not a budget; leave --budget out for none");
    }
    options.budget = budget;
  }
  if (flags.measure == "kg") {
    options.measure = analytics::FlowMeasure::kKilograms;
  } else if (flags.measure != "seizures") {
    return InvalidArgument("--measure takes seizures or kg, not '" + flags.measure + "'");
  }
  return options;
}

std::string Names(const analytics::RouteNetwork& network, const std::vector<std::size_t>& nodes) {
  std::string names;
  for (std::size_t node : nodes) names += (names.empty() ? "" : "; ") + network.nodes[node].name;
  return names;
}

Status RunInterdict(CommandContext& context, const InterdictFlags& flags) {
  ORDO_TRY(filter, ParseSeizureFilter(flags.filter));
  ORDO_TRY(options, Options(flags));
  ORDO_TRY(store, OpenSeizureStore(context));
  ORDO_TRY(network, analytics::BuildRouteNetwork(*store.seizures, filter));
  ORDO_TRY(plan, analytics::PlanInterdiction(network, options));

  Section checkpoints{"checkpoints", "Checkpoints", {}, {}, false};
  checkpoints.columns = {{"at"}, {"kind"}, {"cost"}, {"intercepted"}, {"share"}};
  for (const analytics::Checkpoint& checkpoint : plan.checkpoints) {
    std::string at = network.nodes[checkpoint.from].name;
    if (checkpoint.to) at += " -> " + network.nodes[*checkpoint.to].name;
    checkpoints.rows.push_back(
        {at, std::string(checkpoint.to ? "leg" : "node"), checkpoint.cost, checkpoint.intercepted,
         plan.flow_total > 0 ? checkpoint.intercepted / plan.flow_total : 0.0});
  }
  Section summary{"plan", "Plan", {{"field"}, {"value"}}, {}, true};
  summary.rows = {
      Field("method", plan.method),
      Field("measure", flags.measure),
      Field("cost", plan.cost),
      Field("minimum_cut_cost",
            plan.minimum_cut_cost ? Cell(*plan.minimum_cut_cost) : Cell(std::monostate{})),
      Field("flow_total", plan.flow_total),
      Field("flow_intercepted", plan.flow_intercepted),
      Field("share_intercepted", plan.share_intercepted),
      Field("routes_total", Count(plan.routes_total)),
      Field("routes_intercepted", Count(plan.routes_intercepted)),
      Field("origins", Names(network, plan.origins)),
      Field("destinations", Names(network, plan.destinations)),
  };
  if (options.budget) {
    summary.rows.insert(summary.rows.begin() + 3, Field("budget", *options.budget));
  }
  Report report{{std::move(summary), std::move(checkpoints)}, {}};
  if (!plan.minimum_cut_cost) {
    report.notes.push_back(
        "no finite cut: some origin reaches a destination only through places "
        "and legs that cannot hold a checkpoint");
  }
  context.Print(report);
  return OkStatus();
}

}  // namespace

void RegisterInterdictCommand(CLI::App& app, CommandContext& context) {
  auto flags = std::make_shared<InterdictFlags>();
  CLI::App* command = app.add_subcommand(
      "interdict", "Checkpoints that intercept the most route flow within a budget");
  AddSeizureFilterFlags(*command, flags->filter);
  command->add_option("--origin", flags->origins,
                      "Origin node (name or id); repeatable; default: where routes start");
  command->add_option("--destination", flags->destinations,
                      "Destination node; repeatable; default: where routes end");
  command->add_option("--node-cost", flags->node_costs,
                      "NAME=COST, or NAME=none for no checkpoint there; repeatable");
  command->add_option("--leg-cost", flags->leg_costs,
                      "FROM->TO=COST: the leg may hold a checkpoint; repeatable");
  command->add_option("--default-cost", flags->default_cost, "Cost of any other node, or none")
      ->capture_default_str();
  command->add_option("--budget", flags->budget, "Total cost allowed; default: the minimum cut");
  command->add_option("--measure", flags->measure, "seizures or kg")->capture_default_str();
  command->callback([&context, flags] { context.Finish(RunInterdict(context, *flags)); });
}

}  // namespace ordo::cli
