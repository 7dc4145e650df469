// `ordo graph communities|kcore|keyplayers`: the groups in the link graph, its dense core and the
// entities whose removal splits a group most (graph/louvain.h, graph/kcore.h,
// graph/key_players.h; docs/cli.md, "Link analysis"). Communities and key players of a community
// show a progress bar and stop on Ctrl-C (cli/graph_progress.h).

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <memory>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

#include "analytics/case_truth.h"
#include "analytics/link_graph.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/graph_progress.h"
#include "cli/link_store_access.h"
#include "cli/progress_bar.h"
#include "graph/components.h"
#include "graph/kcore.h"
#include "graph/key_players.h"
#include "graph/louvain.h"

namespace ordo::cli {
namespace {

struct CommunityFlags {
  double resolution = 1.0;
  std::uint64_t seed = 1;
  std::size_t limit = 20;
  std::size_t members = 10;
  std::string truth;
  ProgressFlags progress;
};

struct KcoreFlags {
  std::optional<std::uint32_t> k;
  std::size_t limit = 100;
};

struct KeyPlayerFlags {
  std::size_t community = 0;  // 1-based as `graph communities` numbers them; 0 = none
  std::vector<std::string> entities;
  std::size_t limit = 20;
  double resolution = 1.0;
  std::uint64_t seed = 1;
  ProgressFlags progress;
};

Result<analytics::LinkGraph> LoadLinkGraph(CommandContext& context) {
  return LoadVisibleLinkGraph(context);
}

std::string TypeName(const analytics::LinkGraph& links, graph::NodeId node) {
  return std::string(EntityTypeName(links.TypeOf(node)));
}

// The communities in the order `graph communities` numbers them (1, 2, ...): largest first, ties
// by their lowest node. members[i] lists the nodes of the i-th, in node order.
struct NumberedCommunities {
  graph::Communities found;
  std::vector<std::vector<graph::NodeId>> members;
};

NumberedCommunities Number(graph::Communities found) {
  std::vector<std::vector<graph::NodeId>> by_label(found.count);
  for (graph::NodeId node = 0; node < found.community.size(); ++node) {
    by_label[found.community[node]].push_back(node);
  }
  std::stable_sort(by_label.begin(), by_label.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return {std::move(found), std::move(by_label)};
}

// Runs Louvain with Leiden's refinement under a progress line; kCancelled-like outcome reported
// through `interrupted`.
graph::Communities RunCommunities(CommandContext& context, const analytics::LinkGraph& links,
                                  double resolution, std::uint64_t seed,
                                  const ProgressFlags& flags, bool& interrupted) {
  GraphProgress progress(context.err(), "communities", ShouldShowProgress(flags, context.err()));
  graph::CommunityOptions options;
  options.resolution = resolution;
  options.seed = seed;
  options.threads = std::max(1u, std::thread::hardware_concurrency());  // same communities on any
  options.progress = progress.get();
  graph::Communities found = graph::FindCommunities(links.graph, options);
  progress.Finish();
  interrupted = progress.Interrupted();
  return found;
}

void FailInterrupted(CommandContext& context, const std::string& what) {
  context.FailWithStatus(kExitInterrupted, what + " interrupted; nothing printed");
}

// Whether each community induces a connected subgraph: the components of the graph keeping only
// the links inside communities, one per community exactly when each is connected.
std::vector<bool> ConnectedCommunities(const analytics::LinkGraph& links,
                                       const NumberedCommunities& numbered) {
  const graph::Graph& g = links.graph;
  graph::GraphBuilder builder(g.NodeCount());
  for (graph::NodeId u = 0; u < g.NodeCount(); ++u) {
    for (graph::NodeId v : g.OutTargets(u)) {
      if (numbered.found.community[u] == numbered.found.community[v]) {
        builder.AddEdge({.source = u, .target = v});
      }
    }
  }
  const graph::ComponentLabels parts = graph::FindConnectedComponents(*builder.Build());
  std::vector<bool> connected;
  for (const std::vector<graph::NodeId>& members : numbered.members) {
    bool one = true;
    for (graph::NodeId node : members) one = one && parts.component[node] == parts.component[members[0]];
    connected.push_back(one);
  }
  return connected;
}

Status RunCommunitiesCommand(CommandContext& context, const CommunityFlags& flags) {
  std::vector<analytics::EntityTruth> truth;
  if (!flags.truth.empty()) {
    ORDO_TRY(read, analytics::ReadCaseTruth(flags.truth));
    truth = std::move(read);
  }
  ORDO_TRY(links, LoadLinkGraph(context));
  bool interrupted = false;
  graph::Communities found =
      RunCommunities(context, links, flags.resolution, flags.seed, flags.progress, interrupted);
  if (interrupted) {
    FailInterrupted(context, "graph communities");
    return OkStatus();
  }
  const NumberedCommunities numbered = Number(std::move(found));
  const std::vector<bool> connected = ConnectedCommunities(links, numbered);
  // Links with both ends in the community (parallel links each, a self-loop once).
  std::vector<std::size_t> inside(numbered.members.size(), 0);
  std::vector<std::uint32_t> number_of(numbered.found.count);
  for (std::size_t i = 0; i < numbered.members.size(); ++i) {
    number_of[numbered.found.community[numbered.members[i][0]]] = static_cast<std::uint32_t>(i);
  }
  for (graph::NodeId u = 0; u < links.graph.NodeCount(); ++u) {
    for (graph::NodeId v : links.graph.OutTargets(u)) {
      if (numbered.found.community[u] == numbered.found.community[v]) {
        ++inside[number_of[numbered.found.community[u]]];
      }
    }
  }

  const std::size_t count = numbered.members.size();
  const std::size_t shown = flags.limit == 0 ? count : std::min(count, flags.limit);
  Section summary{"summary", "Communities", {{"key"}, {"value"}}, {}, true};
  summary.rows.push_back({std::string("communities"), static_cast<std::int64_t>(count)});
  summary.rows.push_back({std::string("entities"),
                          static_cast<std::int64_t>(links.graph.NodeCount())});
  summary.rows.push_back({std::string("links"), static_cast<std::int64_t>(links.graph.EdgeCount())});
  summary.rows.push_back({std::string("modularity"), numbered.found.modularity});
  summary.rows.push_back({std::string("resolution"), flags.resolution});
  summary.rows.push_back({std::string("seed"), static_cast<std::int64_t>(flags.seed)});
  summary.rows.push_back(
      {std::string("all_connected"),
       std::all_of(connected.begin(), connected.end(), [](bool c) { return c; })});
  Report report;
  if (!flags.truth.empty()) {
    ORDO_TRY(recovery, analytics::ScoreRecovery(links, numbered.found.community, truth));
    summary.rows.push_back({std::string("adjusted_rand_index"), recovery.adjusted_rand_index});
    summary.rows.push_back({std::string("truth_entities_scored"),
                            static_cast<std::int64_t>(recovery.entities_scored)});
    summary.rows.push_back({std::string("truth_planted_groups"),
                            static_cast<std::int64_t>(recovery.planted_groups)});
    summary.rows.push_back({std::string("truth_entities_missing"),
                            static_cast<std::int64_t>(recovery.entities_missing)});
    report.notes.push_back(fmt::format(
        "adjusted Rand index {:.4f} between the {} planted groups of {} and the communities of "
        "their {} entities in the graph ({} of them missing from the graph; brokers and places, "
        "of no group, not scored)",
        recovery.adjusted_rand_index, recovery.planted_groups, flags.truth,
        recovery.entities_scored, recovery.entities_missing));
  }

  Section table{"communities", "Communities, largest first", {}, {}, false};
  table.columns = {{"community"}, {"entities"}, {"links_inside"}, {"connected"},
                   {"first_entity_id"}, {"first_name"}};
  Section members{"members", "Members", {}, {}, false};
  members.columns = {{"community"}, {"entity_id"}, {"name"}, {"type"}};
  for (std::size_t i = 0; i < shown; ++i) {
    const std::vector<graph::NodeId>& nodes = numbered.members[i];
    table.rows.push_back({static_cast<std::int64_t>(i + 1),
                          static_cast<std::int64_t>(nodes.size()),
                          static_cast<std::int64_t>(inside[i]), static_cast<bool>(connected[i]),
                          links.entity_ids[nodes[0]], links.names[nodes[0]]});
    const std::size_t listed =
        flags.members == 0 ? nodes.size() : std::min(nodes.size(), flags.members);
    for (std::size_t j = 0; j < listed; ++j) {
      members.rows.push_back({static_cast<std::int64_t>(i + 1), links.entity_ids[nodes[j]],
                              links.names[nodes[j]], TypeName(links, nodes[j])});
    }
  }
  report.sections = {std::move(summary), std::move(table), std::move(members)};
  report.notes.push_back(fmt::format(
      "{} of {} communities (Louvain with Leiden's refinement, every link read both ways), "
      "modularity {:.4f}; at most {} members of each listed; --limit 0 and --members 0 list all",
      shown, count, numbered.found.modularity, flags.members));
  context.Print(report);
  return OkStatus();
}

Status RunKcore(CommandContext& context, const KcoreFlags& flags) {
  ORDO_TRY(links, LoadLinkGraph(context));
  const std::size_t n = links.graph.NodeCount();
  const std::vector<std::uint32_t> coreness = graph::Coreness(links.graph);
  const std::uint32_t max_core =
      coreness.empty() ? 0 : *std::max_element(coreness.begin(), coreness.end());
  const std::uint32_t k = flags.k.value_or(max_core);
  std::vector<std::size_t> at_least(static_cast<std::size_t>(max_core) + 2, 0);
  for (std::uint32_t c : coreness) ++at_least[c];
  for (std::size_t c = at_least.size() - 1; c-- > 0;) at_least[c] += at_least[c + 1];

  Section distribution{"cores", "k-cores", {{"k"}, {"entities"}}, {}, false};
  for (std::uint32_t c = 1; c <= max_core; ++c) {
    distribution.rows.push_back(
        {static_cast<std::int64_t>(c), static_cast<std::int64_t>(at_least[c])});
  }
  std::vector<graph::NodeId> core;
  for (graph::NodeId node = 0; node < n; ++node) {
    if (coreness[node] >= k) core.push_back(node);
  }
  std::stable_sort(core.begin(), core.end(),
                   [&](graph::NodeId a, graph::NodeId b) { return coreness[a] > coreness[b]; });
  Section members{"members", fmt::format("The {}-core", k), {}, {}, false};
  members.columns = {{"entity_id"}, {"name"}, {"type"}, {"coreness"}};
  const std::size_t shown = flags.limit == 0 ? core.size() : std::min(core.size(), flags.limit);
  for (std::size_t i = 0; i < shown; ++i) {
    const graph::NodeId node = core[i];
    members.rows.push_back({links.entity_ids[node], links.names[node], TypeName(links, node),
                            static_cast<std::int64_t>(coreness[node])});
  }
  Report report{{std::move(distribution), std::move(members)}, {}};
  report.notes.push_back(fmt::format(
      "{} of the {} entities in the {}-core (every entity in it has at least {} links to others "
      "in it; links read both ways); the largest k is {}; --k K picks another, --limit 0 lists all",
      shown, core.size(), k, k, max_core));
  context.Print(report);
  return OkStatus();
}

// The subgraph induced by `nodes` (links with both ends among them, types kept).
graph::Graph Induced(const graph::Graph& g, const std::vector<graph::NodeId>& nodes) {
  std::vector<graph::NodeId> local(g.NodeCount(), graph::kNoNode);
  for (std::size_t i = 0; i < nodes.size(); ++i) local[nodes[i]] = static_cast<graph::NodeId>(i);
  graph::GraphBuilder builder(nodes.size());
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    builder.SetNodeType(static_cast<graph::NodeId>(i), g.TypeOf(nodes[i]));
    for (graph::EdgeId e = g.OutBegin(nodes[i]); e < g.OutEnd(nodes[i]); ++e) {
      const graph::NodeId target = local[g.Target(e)];
      if (target == graph::kNoNode) continue;
      builder.AddEdge({.source = static_cast<graph::NodeId>(i), .target = target,
                       .type = g.LinkTypeOf(e)});
    }
  }
  return *builder.Build();
}

Status RunKeyPlayers(CommandContext& context, const KeyPlayerFlags& flags) {
  if (flags.community != 0 && !flags.entities.empty()) {
    context.FailWithStatus(kExitUsage, "graph keyplayers: give --community or --entities, not both");
    return OkStatus();
  }
  ORDO_TRY(links, LoadLinkGraph(context));
  std::vector<graph::NodeId> nodes;  // the group; empty = the whole graph
  std::string scope = "the whole graph";
  if (flags.community != 0) {
    bool interrupted = false;
    graph::Communities found =
        RunCommunities(context, links, flags.resolution, flags.seed, flags.progress, interrupted);
    if (interrupted) {
      FailInterrupted(context, "graph keyplayers");
      return OkStatus();
    }
    NumberedCommunities numbered = Number(std::move(found));
    if (flags.community > numbered.members.size()) {
      return NotFound(fmt::format("--community {}: there are {} communities (resolution {}, seed {})",
                                  flags.community, numbered.members.size(), flags.resolution,
                                  flags.seed));
    }
    nodes = std::move(numbered.members[flags.community - 1]);
    scope = fmt::format("community {} ({} entities; resolution {}, seed {})", flags.community,
                        nodes.size(), flags.resolution, flags.seed);
  } else if (!flags.entities.empty()) {
    std::vector<bool> seen(links.graph.NodeCount(), false);
    for (const std::string& text : flags.entities) {
      ORDO_TRY(node, analytics::FindNode(links, text));
      if (!seen[node]) nodes.push_back(node);
      seen[node] = true;
    }
    std::sort(nodes.begin(), nodes.end());
    scope = fmt::format("the {} given entities", nodes.size());
  }
  std::vector<graph::KeyPlayer> ranked;
  if (nodes.empty()) {
    ranked = graph::RankKeyPlayers(links.graph, flags.limit == 0 ? links.graph.NodeCount()
                                                                 : flags.limit);
  } else {
    const graph::Graph group = Induced(links.graph, nodes);
    ranked = graph::RankKeyPlayers(group, flags.limit == 0 ? group.NodeCount() : flags.limit);
    for (graph::KeyPlayer& player : ranked) player.node = nodes[player.node];
  }
  Section section{"keyplayers", "Key players: whose removal disconnects most pairs", {}, {}, false};
  section.columns = {{"entity_id"}, {"name"}, {"type"}, {"disconnected_pairs"}};
  for (const graph::KeyPlayer& player : ranked) {
    section.rows.push_back({links.entity_ids[player.node], links.names[player.node],
                            TypeName(links, player.node),
                            static_cast<std::int64_t>(player.disconnected_pairs)});
  }
  Report report{{std::move(section)}, {}};
  report.notes.push_back(fmt::format(
      "{} entities of {} whose removal leaves pairs of other entities unconnected (links read both "
      "ways, only links inside the group); --limit 0 lists all",
      ranked.size(), scope));
  context.Print(report);
  return OkStatus();
}

}  // namespace

void RegisterGraphGroupCommands(CLI::App& graph_command, CommandContext& context) {
  auto community_flags = std::make_shared<CommunityFlags>();
  CLI::App* communities = graph_command.add_subcommand(
      "communities", "Groups of entities more linked among themselves than to the rest (Louvain "
                     "with Leiden's refinement)");
  communities
      ->add_option("--resolution", community_flags->resolution,
                   "Higher gives more, smaller communities")
      ->check(CLI::Range(0.0, 1000.0))
      ->capture_default_str();
  communities->add_option("--seed", community_flags->seed, "Seed of the visiting order")
      ->capture_default_str();
  communities->add_option("--limit", community_flags->limit, "At most this many communities; 0 = all")
      ->capture_default_str();
  communities
      ->add_option("--members", community_flags->members,
                   "At most this many members of each community; 0 = all")
      ->capture_default_str();
  communities->add_option("--truth", community_flags->truth,
                          "Ground truth of `ordo simulate --cases`: also print the adjusted Rand "
                          "index between its planted groups and the communities");
  AddProgressFlags(*communities, community_flags->progress);
  communities->callback([&context, community_flags] {
    context.Finish(RunCommunitiesCommand(context, *community_flags));
  });

  auto kcore_flags = std::make_shared<KcoreFlags>();
  CLI::App* kcore = graph_command.add_subcommand(
      "kcore", "The coreness of entities and the members of a k-core (the densest part)");
  kcore->add_option("--k", kcore_flags->k, "List the k-core for this k (default: the largest k)");
  kcore->add_option("--limit", kcore_flags->limit, "At most this many members; 0 = all")
      ->capture_default_str();
  kcore->callback([&context, kcore_flags] { context.Finish(RunKcore(context, *kcore_flags)); });

  auto key_flags = std::make_shared<KeyPlayerFlags>();
  CLI::App* keyplayers = graph_command.add_subcommand(
      "keyplayers", "The entities whose removal splits the network (or one group) most");
  keyplayers
      ->add_option("--community", key_flags->community,
                   "Only inside this community, numbered as `graph communities` lists them "
                   "(with the same --resolution and --seed)")
      ->check(CLI::PositiveNumber);
  keyplayers->add_option("--entities", key_flags->entities,
                         "Only inside the group of these entities (ids or unique names)");
  keyplayers->add_option("--limit", key_flags->limit, "At most this many; 0 = all")
      ->capture_default_str();
  keyplayers->add_option("--resolution", key_flags->resolution, "As for graph communities")
      ->check(CLI::Range(0.0, 1000.0))
      ->capture_default_str();
  keyplayers->add_option("--seed", key_flags->seed, "As for graph communities")
      ->capture_default_str();
  AddProgressFlags(*keyplayers, key_flags->progress);
  keyplayers->callback(
      [&context, key_flags] { context.Finish(RunKeyPlayers(context, *key_flags)); });
}

}  // namespace ordo::cli
