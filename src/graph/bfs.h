#pragma once
// BreadthFirstSearch: every node's hop distance from one source over a whole Graph, and the order
// the search reached them in; what igraph_bfs_simple computes (order and layers).

#include <cstdint>
#include <vector>

#include "core/result.h"
#include "graph/graph.h"
#include "graph/link_filter.h"

namespace ordo::graph {

struct BfsResult {
  // Reached nodes, source first, by hops; within a level in discovery order, or in id order when
  // the search went bottom-up for that level (see bfs.cc).
  std::vector<NodeId> order;
  std::vector<std::int32_t> hops;   // per node; -1 when not reached
};

// O(n + m); without a filter, direction-optimising (most edges of a small-world graph are never
// read). kInvalidArgument when `source` is not a node. For a point-to-point question use
// ShortestPath, which does not touch the whole graph.
Result<BfsResult> BreadthFirstSearch(const Graph& graph, NodeId source,
                                     Direction direction = Direction::kOut,
                                     const LinkFilter& filter = {});

}  // namespace ordo::graph
