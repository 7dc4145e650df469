#pragma once
// LinkGraph: the graph engine's CSR graph (graph/graph.h) built from a LinkStore snapshot, with the
// mapping between the store's entity and link ids and the graph's node and edge ids, for the
// `ordo graph` commands and the API. Node types are EntityType values, link types LinkType values;
// a link's validity runs from the first day of its start to the last day of its end (open when
// unknown). Every link is one directed edge from its from_entity; queries read undirected links
// (and usually all links) with Direction::kBoth.
//
// Merges in force (LinkStore::RecordMerge) make one node of a group: the node is the kept
// entity's, the links of the merged entities attach to it (a link inside the group becomes a
// self-loop), and node_of maps every id of the group to it.
//
// A graph is built for one Visibility (core/visibility.h): only the entities and links of the
// compartments it sees are read, so nothing computed on the graph (expansion, paths, centrality,
// communities, exports) can reach another compartment's rows. A merge joins only visible entities:
// a visible entity merged into one the graph does not see stays its own node.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/entity.h"
#include "core/partial_date.h"
#include "core/result.h"
#include "core/visibility.h"
#include "graph/graph.h"
#include "storage/link_store.h"

namespace ordo::analytics {

struct LinkGraph {
  graph::Graph graph;
  std::vector<std::string> entity_ids;                     // by node
  std::vector<std::string> names;                          // by node
  std::vector<bool> synthetic;                             // by node: Entity::synthetic
  // By node: the highest marking of the entities it stands for (a merge group has several).
  std::vector<Marking> markings;
  std::vector<std::string> link_ids;                       // by edge
  // By edge: Link::start and Link::end as stored (the graph keeps only the days they span).
  std::vector<std::optional<PartialDate>> link_starts;
  std::vector<std::optional<PartialDate>> link_ends;
  std::vector<Marking> link_markings;                      // by edge
  // The compartment of each node (its kept entity's) and edge, as an index into
  // compartment_names, which lists each compartment of the graph once.
  std::vector<std::string> compartment_names;
  std::vector<std::uint32_t> compartments;       // by node
  std::vector<std::uint32_t> link_compartments;  // by edge
  Visibility visibility;                                   // the compartments it was built from
  std::unordered_map<std::string, graph::NodeId> node_of;  // entity_id -> node, merged ids too
  // By node, for the nodes of merge groups only: the merged entity ids, after the kept one.
  std::unordered_map<graph::NodeId, std::vector<std::string>> merged_ids;

  EntityType TypeOf(graph::NodeId node) const {
    return static_cast<EntityType>(graph.TypeOf(node));
  }
  LinkType LinkTypeOf(graph::EdgeId edge) const {
    return static_cast<LinkType>(graph.LinkTypeOf(edge));
  }
  const std::string& CompartmentOf(graph::NodeId node) const {
    return compartment_names[compartments[node]];
  }
  const std::string& LinkCompartmentOf(graph::EdgeId edge) const {
    return compartment_names[link_compartments[edge]];
  }
};

// Every entity id a node stands for: its own (the kept one) first, then those merged into it.
std::vector<std::string> EntityIdsOf(const LinkGraph& links, graph::NodeId node);

// Reads every entity, link and merge of `store` once, keeping the rows `visibility` sees.
// Errors: the store's.
Result<LinkGraph> BuildLinkGraph(storage::LinkStore& store,
                                 const Visibility& visibility = Visibility::Every());

// The highest marking of `nodes` and `edges`: what an answer or a file made of them carries.
Marking MarkingOf(const LinkGraph& links, const std::vector<graph::NodeId>& nodes,
                  const std::vector<graph::EdgeId>& edges);
// The highest marking of the whole graph.
Marking HighestMarking(const LinkGraph& links);

// The node an analyst means by `text`: the entity with that id, else the one entity whose name is
// `text` (letter case ignored for ASCII). kNotFound "no entity 'x'" or kInvalidArgument "'x' names
// 3 entities: p1, p7, p9; give an id" when several share the name.
Result<graph::NodeId> FindNode(const LinkGraph& links, std::string_view text);

}  // namespace ordo::analytics
