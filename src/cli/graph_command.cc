// `ordo graph expand|path|central|components` (and, from graph_group_commands.cc,
// `communities|kcore|keyplayers`): link analysis over the entities and links in the
// database (analytics/link_graph.h on the graph engine of src/graph; docs/cli.md, "Link analysis").

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <limits>
#include <memory>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

#include "analytics/link_graph.h"
#include "cli/cells.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/graph_dedupe_command.h"
#include "cli/exit_codes.h"
#include "cli/graph_progress.h"
#include "cli/link_store_access.h"
#include "cli/progress_bar.h"
#include "graph/betweenness_centrality.h"
#include "graph/components.h"
#include "graph/degree.h"
#include "graph/kcore.h"
#include "graph/neighbourhood.h"
#include "graph/pagerank.h"
#include "graph/shortest_path.h"

namespace ordo::cli {
namespace {

// Filters every graph command takes.
struct GraphFilterFlags {
  std::string as_of;
  std::vector<std::string> link_types;
  std::vector<std::string> node_types;
};

struct ExpandFlags {
  GraphFilterFlags filter;
  std::vector<std::string> entities;
  std::size_t hops = 1;
  std::size_t max_links = 0;
  std::size_t offset = 0;
  std::size_t limit = 100;
};

struct PathFlags {
  GraphFilterFlags filter;
  std::string from;
  std::string to;
  std::size_t all = 0;
};

struct CentralFlags {
  std::string measure = "degree";
  std::size_t top = 20;
  std::size_t sample = 0;  // betweenness from this many sampled sources; 0 = exact
  ProgressFlags progress;
};

void AddFilterFlags(CLI::App& command, GraphFilterFlags& flags) {
  command.add_option("--as-of", flags.as_of,
                     "Only links valid on this day (YYYY-MM-DD; a year or month means its first "
                     "day)");
  command.add_option("--link-type", flags.link_types,
                     "Only links of this type (call, ownership, ..., holds, unknown); repeatable");
  command.add_option("--node-type", flags.node_types,
                     "Only through entities of this type (person, phone, ...); repeatable");
}

struct GraphFilter {
  graph::LinkFilter links;
  graph::TypeSet node_types;
};

Result<GraphFilter> ParseFilter(const GraphFilterFlags& flags) {
  GraphFilter filter;
  if (!flags.as_of.empty()) {
    Result<PartialDate> day = PartialDate::Parse(flags.as_of);
    if (!day) return InvalidArgument("--as-of: " + day.error().message());
    filter.links.as_of = static_cast<graph::Day>(day->FirstDay());
  }
  if (!flags.link_types.empty()) {
    filter.links.link_types = graph::TypeSet::None();
    for (const std::string& text : flags.link_types) {
      Result<LinkType> type = ParseLinkType(text);
      if (!type) return InvalidArgument("--link-type: " + type.error().message());
      filter.links.link_types.Add(static_cast<std::uint8_t>(*type));
    }
  }
  if (!flags.node_types.empty()) {
    filter.node_types = graph::TypeSet::None();
    for (const std::string& text : flags.node_types) {
      Result<EntityType> type = ParseEntityType(text);
      if (!type) return InvalidArgument("--node-type: " + type.error().message());
      filter.node_types.Add(static_cast<std::uint8_t>(*type));
    }
  }
  return filter;
}

Result<analytics::LinkGraph> LoadGraph(CommandContext& context) {
  return LoadVisibleLinkGraph(context);
}

std::string TypeName(const analytics::LinkGraph& links, graph::NodeId node) {
  return std::string(EntityTypeName(links.TypeOf(node)));
}

Status RunExpand(CommandContext& context, const ExpandFlags& flags) {
  ORDO_TRY(filter, ParseFilter(flags.filter));
  ORDO_TRY(links, LoadGraph(context));
  std::vector<graph::NodeId> seeds;
  for (const std::string& text : flags.entities) {
    ORDO_TRY(node, analytics::FindNode(links, text));
    seeds.push_back(node);
  }
  graph::NeighbourhoodOptions options;
  options.hops = flags.hops;
  options.links = filter.links;
  options.node_types = filter.node_types;
  options.max_links_per_node = flags.max_links;
  options.offset = flags.offset;
  options.limit = flags.limit == 0 ? std::numeric_limits<std::size_t>::max() : flags.limit;
  ORDO_TRY(found, graph::ExpandNeighbourhood(links.graph, seeds, options));
  Section nodes{"entities", "Entities", {}, {}, false};
  nodes.columns = {{"entity_id"}, {"name"}, {"type"}, {"hops"}, {"more_links"}, {"merged_ids"}};
  for (const graph::NeighbourhoodNode& node : found.nodes) {
    // The ids merged into this one (`ordo graph merge`), so the provenance shows where it is used.
    std::string merged_ids;
    if (const auto merged = links.merged_ids.find(node.node); merged != links.merged_ids.end()) {
      for (const std::string& id : merged->second) {
        merged_ids += (merged_ids.empty() ? "" : ", ") + id;
      }
    }
    nodes.rows.push_back({links.entity_ids[node.node], links.names[node.node],
                          TypeName(links, node.node), static_cast<std::int64_t>(node.hops),
                          static_cast<std::int64_t>(node.hidden_links), std::move(merged_ids)});
  }
  Section edges{"links", "Links", {}, {}, false};
  edges.columns = {{"link_id"}, {"type"}, {"from"}, {"to"}};
  for (const graph::NeighbourhoodLink& link : found.links) {
    edges.rows.push_back({links.link_ids[link.edge],
                          std::string(LinkTypeName(links.LinkTypeOf(link.edge))),
                          links.entity_ids[link.source], links.entity_ids[link.target]});
  }
  Report report{{std::move(nodes), std::move(edges)}, {}};
  report.notes.push_back(std::to_string(found.nodes.size()) + " of " +
                         std::to_string(found.total_nodes) + " entities within " +
                         std::to_string(flags.hops) + " hop(s), from offset " +
                         std::to_string(flags.offset) + "; --limit 0 lists all");
  context.Print(report);
  return OkStatus();
}

void AddPathRows(const analytics::LinkGraph& links, const graph::Path& path, std::int64_t number,
                 Section& section) {
  for (std::size_t i = 0; i < path.nodes.size(); ++i) {
    const graph::NodeId node = path.nodes[i];
    Cell via = std::string();  // the first entity is reached by no link
    Cell via_type = std::string();
    if (i > 0) {
      via = links.link_ids[path.edges[i - 1]];
      via_type = std::string(LinkTypeName(links.LinkTypeOf(path.edges[i - 1])));
    }
    section.rows.push_back({number, static_cast<std::int64_t>(i), links.entity_ids[node],
                            links.names[node], TypeName(links, node), via, via_type});
  }
}

Status RunPath(CommandContext& context, const PathFlags& flags) {
  ORDO_TRY(filter, ParseFilter(flags.filter));
  ORDO_TRY(links, LoadGraph(context));
  ORDO_TRY(from, analytics::FindNode(links, flags.from));
  ORDO_TRY(to, analytics::FindNode(links, flags.to));
  graph::PathOptions options;
  options.links = filter.links;
  options.node_types = filter.node_types;
  Section steps{"path", "Path", {}, {}, false};
  steps.columns = {{"path"}, {"step"},     {"entity_id"}, {"name"},
                   {"type"}, {"via_link"}, {"link_type"}};
  Report report;
  if (flags.all == 0) {
    Result<graph::Path> path = graph::ShortestPath(links.graph, from, to, options);
    if (!path) {
      if (path.error().code() != ErrorCode::kNotFound) return path.error();
      return NotFound("no path from '" + flags.from + "' to '" + flags.to +
                      "' through the links the filters allow");
    }
    AddPathRows(links, *path, 1, steps);
    report.notes.push_back(std::to_string(path->edges.size()) + " link(s); one of the shortest " +
                           "paths (--all N lists up to N of them)");
  } else {
    Result<graph::AllShortestPaths> all =
        graph::FindAllShortestPaths(links.graph, from, to, flags.all, options);
    if (!all) {
      if (all.error().code() != ErrorCode::kNotFound) return all.error();
      return NotFound("no path from '" + flags.from + "' to '" + flags.to +
                      "' through the links the filters allow");
    }
    for (std::size_t i = 0; i < all->paths.size(); ++i) {
      AddPathRows(links, all->paths[i], static_cast<std::int64_t>(i + 1), steps);
    }
    report.notes.push_back(std::to_string(all->paths.size()) + " of " +
                           fmt::format("{:.0f}", all->total) + " shortest path(s)");
  }
  report.sections.push_back(std::move(steps));
  context.Print(report);
  return OkStatus();
}

Status RunCentral(CommandContext& context, const CentralFlags& flags) {
  ORDO_TRY(links, LoadGraph(context));
  const std::size_t n = links.graph.NodeCount();
  std::vector<double> score(n);
  double error_bound = 0;
  if (flags.measure == "degree") {
    const std::vector<std::uint32_t> degrees = graph::Degrees(links.graph, graph::Direction::kBoth);
    for (std::size_t i = 0; i < n; ++i) score[i] = degrees[i];
  } else if (flags.measure == "betweenness") {
    GraphProgress progress(context.err(), "betweenness", ShouldShowProgress(flags.progress, context.err()));
    graph::BetweennessOptions options;
    options.direction = graph::Direction::kBoth;
    options.sample_size = flags.sample;
    options.threads = std::max(1u, std::thread::hardware_concurrency());
    options.progress = progress.get();
    graph::BetweennessResult result = graph::Betweenness(links.graph, options);
    progress.Finish();
    if (progress.Interrupted()) {
      context.FailWithStatus(kExitInterrupted, "graph central interrupted; nothing printed");
      return OkStatus();
    }
    score = std::move(result.score);
    error_bound = result.error_bound;
  } else if (flags.measure == "pagerank") {
    graph::PageRankOptions options;
    options.direction = graph::Direction::kBoth;
    score = graph::PageRank(links.graph, options).rank;
  } else {
    const std::vector<std::uint32_t> coreness = graph::Coreness(links.graph);
    for (std::size_t i = 0; i < n; ++i) score[i] = coreness[i];
  }
  std::vector<graph::NodeId> order(n);
  std::iota(order.begin(), order.end(), graph::NodeId{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](graph::NodeId a, graph::NodeId b) { return score[a] > score[b]; });
  Section section{"central", "Most central entities", {}, {}, false};
  section.columns = {{"entity_id"}, {"name"}, {"type"}, {flags.measure}};
  const std::size_t shown = flags.top == 0 ? n : std::min(n, flags.top);
  for (std::size_t i = 0; i < shown; ++i) {
    const graph::NodeId node = order[i];
    const bool real = flags.measure == "pagerank" || flags.measure == "betweenness";
    Cell value = real ? Cell(score[node]) : Cell(static_cast<std::int64_t>(score[node]));
    section.rows.push_back(
        {links.entity_ids[node], links.names[node], TypeName(links, node), value});
  }
  Report report{{std::move(section)}, {}};
  report.notes.push_back(std::to_string(shown) + " of " + std::to_string(n) +
                         " entities, every link read both ways; --top 0 lists all");
  if (error_bound > 0) {
    report.notes.push_back(fmt::format(
        "betweenness estimated from {} sampled sources: with probability 0.95 every score is "
        "within {:.6g} of the exact one",
        flags.sample, error_bound));
  }
  context.Print(report);
  return OkStatus();
}

Status RunComponents(CommandContext& context, std::size_t top) {
  ORDO_TRY(links, LoadGraph(context));
  const graph::ComponentLabels labels = graph::FindConnectedComponents(links.graph);
  std::vector<graph::NodeId> first(labels.Count(), graph::kNoNode);
  for (graph::NodeId node = 0; node < labels.component.size(); ++node) {
    if (first[labels.component[node]] == graph::kNoNode) first[labels.component[node]] = node;
  }
  std::vector<std::uint32_t> order(labels.Count());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return labels.sizes[a] > labels.sizes[b];
  });
  Section section{"components", "Connected groups, largest first", {}, {}, false};
  section.columns = {{"component"}, {"entities"}, {"first_entity_id"}, {"first_name"}};
  const std::size_t shown = top == 0 ? order.size() : std::min(order.size(), top);
  for (std::size_t i = 0; i < shown; ++i) {
    const std::uint32_t component = order[i];
    section.rows.push_back({static_cast<std::int64_t>(i + 1),
                            static_cast<std::int64_t>(labels.sizes[component]),
                            links.entity_ids[first[component]], links.names[first[component]]});
  }
  Report report{{std::move(section)}, {}};
  report.notes.push_back(std::to_string(labels.Count()) + " group(s) of " +
                         std::to_string(links.graph.NodeCount()) + " entities and " +
                         std::to_string(links.graph.EdgeCount()) + " links; --top 0 lists all");
  context.Print(report);
  return OkStatus();
}

}  // namespace

void RegisterGraphCommands(CLI::App& app, CommandContext& context) {
  CLI::App* graph_command =
      app.add_subcommand("graph", "Link analysis over the imported entities and links");
  graph_command->require_subcommand(1);
  // Given before or after the subcommand (fallthrough): `ordo graph expand X --compartment osh`.
  graph_command->fallthrough();
  graph_command->add_option("--compartment", context.options().graph_compartments,
                            "Only the entities and links of this compartment (repeatable; "
                            "default: every one)");

  auto expand_flags = std::make_shared<ExpandFlags>();
  CLI::App* expand = graph_command->add_subcommand(
      "expand", "The entities within N hops of some entities, and the links between them");
  expand->add_option("entity", expand_flags->entities, "Entity ids (or unique names)")->required();
  expand->add_option("--hops", expand_flags->hops, "How many links away")
      ->check(CLI::Range(1, 10))
      ->capture_default_str();
  expand
      ->add_option("--max-links", expand_flags->max_links,
                   "Follow at most this many links of each entity (the strongest); 0 = all")
      ->capture_default_str();
  expand->add_option("--offset", expand_flags->offset, "Entities to skip (paging)")
      ->capture_default_str();
  expand->add_option("--limit", expand_flags->limit, "At most this many entities; 0 = all")
      ->capture_default_str();
  AddFilterFlags(*expand, expand_flags->filter);
  expand->callback([&context, expand_flags] { context.Finish(RunExpand(context, *expand_flags)); });

  auto path_flags = std::make_shared<PathFlags>();
  CLI::App* path = graph_command->add_subcommand(
      "path", "A shortest chain of links between two entities (links read both ways)");
  path->add_option("from", path_flags->from, "Entity id (or unique name)")->required();
  path->add_option("to", path_flags->to, "Entity id (or unique name)")->required();
  path->add_option("--all", path_flags->all,
                   "List up to this many of the shortest paths instead of one");
  AddFilterFlags(*path, path_flags->filter);
  path->callback([&context, path_flags] { context.Finish(RunPath(context, *path_flags)); });

  auto central_flags = std::make_shared<CentralFlags>();
  CLI::App* central =
      graph_command->add_subcommand("central", "The most central entities by one measure");
  central
      ->add_option("--measure", central_flags->measure,
                   "degree, pagerank, coreness (k-core) or betweenness")
      ->check(CLI::IsMember({"degree", "pagerank", "coreness", "betweenness"}))
      ->capture_default_str();
  central
      ->add_option("--sample", central_flags->sample,
                   "Betweenness estimated from this many sampled sources (with a stated error "
                   "bound); 0 = exact")
      ->capture_default_str();
  AddProgressFlags(*central, central_flags->progress);
  central->add_option("--top", central_flags->top, "At most this many; 0 = all")
      ->capture_default_str();
  central->callback(
      [&context, central_flags] { context.Finish(RunCentral(context, *central_flags)); });

  auto top = std::make_shared<std::size_t>(20);
  CLI::App* components = graph_command->add_subcommand(
      "components", "Groups of entities connected by any chain of links");
  components->add_option("--top", *top, "At most this many groups; 0 = all")->capture_default_str();
  components->callback([&context, top] { context.Finish(RunComponents(context, *top)); });

  RegisterGraphDedupeCommands(*graph_command, context);
  RegisterGraphGroupCommands(*graph_command, context);
}

}  // namespace ordo::cli
