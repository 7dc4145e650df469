#include "analytics/link_graph.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <numeric>
#include <unordered_map>
#include <utility>

namespace ordo::analytics {
namespace {

bool SameIgnoringAsciiCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

Result<LinkGraph> BuildLinkGraph(storage::LinkStore& store, const Visibility& visibility) {
  LinkGraph links;
  links.visibility = visibility;
  // merged entity id -> the kept one, for the merges in force, in merge order.
  std::unordered_map<std::string, std::string> kept_of;
  std::vector<std::pair<std::string, std::string>> merged_in_order;
  ORDO_RETURN_IF_ERROR(store.ForEachMerge([&](const storage::EntityMerge& merge) {
    if (!merge.InForce()) return OkStatus();
    for (const std::string& merged : merge.merged) {
      kept_of.emplace(merged, merge.kept);
      merged_in_order.emplace_back(merged, merge.kept);
    }
    return OkStatus();
  }));
  // A merged entity is read as its kept one only when both are visible: the merges whose kept
  // entity this graph does not see are left out (merges are few; one look-up each).
  if (!visibility.every()) {
    std::unordered_map<std::string, bool> kept_seen;
    for (const auto& [merged, kept] : merged_in_order) {
      if (kept_seen.count(kept) != 0) continue;
      ORDO_TRY(found, store.FindEntity(kept));
      kept_seen.emplace(kept, found && visibility.Sees(found->compartment));
    }
    std::erase_if(merged_in_order, [&](const auto& pair) { return !kept_seen[pair.second]; });
    std::erase_if(kept_of, [&](const auto& pair) { return !kept_seen[pair.second]; });
  }
  std::unordered_map<std::string, Marking> merged_markings;  // visible merged entity -> marking
  std::unordered_map<std::string, std::uint32_t> compartment_index;
  auto index_of = [&](const std::string& compartment) {
    const auto [at, added] = compartment_index.emplace(
        compartment, static_cast<std::uint32_t>(links.compartment_names.size()));
    if (added) links.compartment_names.push_back(compartment);
    return at->second;
  };
  std::vector<graph::NodeType> types;
  ORDO_RETURN_IF_ERROR(store.ForEachEntity([&](const Entity& entity) {
    if (!visibility.Sees(entity.compartment)) return OkStatus();
    if (kept_of.count(entity.entity_id) != 0) {  // read as its kept entity
      merged_markings.emplace(entity.entity_id, entity.marking);
      return OkStatus();
    }
    links.node_of.emplace(entity.entity_id, static_cast<graph::NodeId>(links.entity_ids.size()));
    links.entity_ids.push_back(entity.entity_id);
    links.names.push_back(entity.name);
    links.synthetic.push_back(entity.synthetic);
    links.markings.push_back(entity.marking);
    links.compartments.push_back(index_of(entity.compartment));
    types.push_back(static_cast<graph::NodeType>(entity.type));
    return OkStatus();
  }));
  for (const auto& [merged, kept] : merged_in_order) {
    const auto marking = merged_markings.find(merged);
    if (marking == merged_markings.end()) continue;  // not visible
    const auto node = links.node_of.find(kept);
    if (node == links.node_of.end()) {
      return Internal(fmt::format("merge keeps '{}', which the store did not list", kept));
    }
    const graph::NodeId kept_node = node->second;
    links.node_of.emplace(merged, kept_node);
    links.merged_ids[kept_node].push_back(merged);
    links.markings[kept_node] = MaxMarking(links.markings[kept_node], marking->second);
  }
  std::vector<graph::EdgeSpec> edges;
  std::vector<std::string> link_ids;
  std::vector<std::optional<PartialDate>> starts;
  std::vector<std::optional<PartialDate>> ends;
  std::vector<Marking> link_markings;
  std::vector<std::uint32_t> link_compartments;
  ORDO_RETURN_IF_ERROR(store.ForEachLink([&](const Link& link) -> Status {
    if (!visibility.Sees(link.compartment)) return OkStatus();
    const auto from = links.node_of.find(link.from_entity);
    const auto to = links.node_of.find(link.to_entity);
    if (from == links.node_of.end() || to == links.node_of.end()) {
      return Internal(
          fmt::format("link '{}' names an entity the store did not list", link.link_id));
    }
    graph::EdgeSpec edge;
    edge.source = from->second;
    edge.target = to->second;
    edge.type = static_cast<graph::LinkType>(link.type);
    if (link.start) edge.valid_from = static_cast<graph::Day>(link.start->FirstDay());
    if (link.end) edge.valid_to = static_cast<graph::Day>(link.end->LastDay());
    edges.push_back(edge);
    link_ids.push_back(link.link_id);
    starts.push_back(link.start);
    ends.push_back(link.end);
    link_markings.push_back(link.marking);
    link_compartments.push_back(index_of(link.compartment));
    return OkStatus();
  }));
  graph::GraphBuilder builder(links.entity_ids.size());
  for (std::size_t node = 0; node < types.size(); ++node) {
    builder.SetNodeType(static_cast<graph::NodeId>(node), types[node]);
  }
  builder.Reserve(edges.size());
  for (const graph::EdgeSpec& edge : edges) builder.AddEdge(edge);
  ORDO_TRY(built, builder.Build());
  links.graph = std::move(built);
  // The builder orders edges by source, then target, then the order they were added: the same
  // stable order over the links gives each edge id its link.
  std::vector<std::size_t> order(edges.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::pair(edges[a].source, edges[a].target) <
           std::pair(edges[b].source, edges[b].target);
  });
  links.link_ids.reserve(order.size());
  links.link_starts.reserve(order.size());
  links.link_ends.reserve(order.size());
  links.link_markings.reserve(order.size());
  links.link_compartments.reserve(order.size());
  for (std::size_t index : order) {
    links.link_ids.push_back(std::move(link_ids[index]));
    links.link_starts.push_back(starts[index]);
    links.link_ends.push_back(ends[index]);
    links.link_markings.push_back(link_markings[index]);
    links.link_compartments.push_back(link_compartments[index]);
  }
  return links;
}

Marking MarkingOf(const LinkGraph& links, const std::vector<graph::NodeId>& nodes,
                  const std::vector<graph::EdgeId>& edges) {
  Marking highest = Marking::kUnmarked;
  for (graph::NodeId node : nodes) highest = MaxMarking(highest, links.markings[node]);
  for (graph::EdgeId edge : edges) highest = MaxMarking(highest, links.link_markings[edge]);
  return highest;
}

Marking HighestMarking(const LinkGraph& links) {
  Marking highest = Marking::kUnmarked;
  for (Marking marking : links.markings) highest = MaxMarking(highest, marking);
  for (Marking marking : links.link_markings) highest = MaxMarking(highest, marking);
  return highest;
}

std::vector<std::string> EntityIdsOf(const LinkGraph& links, graph::NodeId node) {
  std::vector<std::string> ids{links.entity_ids[node]};
  if (const auto merged = links.merged_ids.find(node); merged != links.merged_ids.end()) {
    ids.insert(ids.end(), merged->second.begin(), merged->second.end());
  }
  return ids;
}

Result<graph::NodeId> FindNode(const LinkGraph& links, std::string_view text) {
  if (const auto found = links.node_of.find(std::string(text)); found != links.node_of.end()) {
    return found->second;
  }
  std::vector<graph::NodeId> named;
  for (std::size_t node = 0; node < links.names.size(); ++node) {
    if (SameIgnoringAsciiCase(links.names[node], text)) {
      named.push_back(static_cast<graph::NodeId>(node));
    }
  }
  if (named.empty()) return NotFound(fmt::format("no entity '{}'", text));
  if (named.size() > 1) {
    std::string ids;
    for (std::size_t i = 0; i < named.size() && i < 5; ++i) {
      if (!ids.empty()) ids += ", ";
      ids += links.entity_ids[named[i]];
    }
    if (named.size() > 5) ids += ", ...";
    return InvalidArgument(
        fmt::format("'{}' names {} entities: {}; give an id", text, named.size(), ids));
  }
  return named.front();
}

}  // namespace ordo::analytics
