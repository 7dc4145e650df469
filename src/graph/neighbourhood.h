#pragma once
// ExpandNeighbourhood: the nodes within k hops of a seed set, as a link chart shows them when an
// analyst expands an entity: filtered by node type, link type and an "as of" day, capped for
// supernodes (each expanded node keeps its strongest N links and reports "and M more") and paged.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "core/result.h"
#include "graph/graph.h"
#include "graph/link_filter.h"

namespace ordo::graph {

struct NeighbourhoodOptions {
  std::size_t hops = 1;
  Direction direction = Direction::kBoth;
  LinkFilter links;  // the edges a hop may follow
  // Nodes a hop may reach (and expand further). Seeds are always in the result, whatever their
  // type, and links to them are followed like links to any node of the result.
  TypeSet node_types;
  // Each expanded node follows at most this many of its links (those that pass the filters):
  // the heaviest, ties broken by the lower neighbour id, then the lower edge id; 0 = all.
  std::size_t max_links_per_node = 0;
  // The page of nodes returned, in breadth-first order (see Neighbourhood::nodes).
  std::size_t offset = 0;
  std::size_t limit = std::numeric_limits<std::size_t>::max();
};

struct NeighbourhoodNode {
  NodeId node = 0;
  std::uint32_t hops = 0;  // 0 for a seed
  // Links of an expanded node that passed the filters but not the cap: "and M more". Always 0 for
  // the nodes of the last hop, which are not expanded.
  std::uint32_t hidden_links = 0;
};

struct NeighbourhoodLink {
  EdgeId edge = 0;
  NodeId source = 0;
  NodeId target = 0;
};

struct Neighbourhood {
  // This page, in breadth-first order: by hops, then in the order the search reached them. A
  // node's links are taken out-edges first (by head id), then in-edges (by tail id), or with a
  // cap strongest first; so the order is deterministic for a graph and options.
  std::vector<NeighbourhoodNode> nodes;
  // Every link followed from an expanded node whose two ends are both among the nodes up to the
  // end of this page and at least one on it, in the order followed (with a cap and kBoth: by edge
  // id): the pages' links together are all the links followed, each once.
  std::vector<NeighbourhoodLink> links;
  std::size_t total_nodes = 0;  // on every page together
};

// O(size of the neighbourhood · log) without touching the rest of the graph. kInvalidArgument when
// a seed is not a node of `graph`. Thread-safe (reads `graph` only).
Result<Neighbourhood> ExpandNeighbourhood(const Graph& graph, std::span<const NodeId> seeds,
                                          const NeighbourhoodOptions& options);

}  // namespace ordo::graph
