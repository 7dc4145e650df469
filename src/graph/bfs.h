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
  std::vector<NodeId> order;        // reached nodes, source first, by hops then discovery
  std::vector<std::int32_t> hops;   // per node; -1 when not reached
};

// O(n + m). kInvalidArgument when `source` is not a node. For a point-to-point question use
// ShortestPath, which does not touch the whole graph.
Result<BfsResult> BreadthFirstSearch(const Graph& graph, NodeId source,
                                     Direction direction = Direction::kOut,
                                     const LinkFilter& filter = {});

}  // namespace ordo::graph
