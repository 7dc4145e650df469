#pragma once
// Connected components of a Graph, weakly connected for its directed edges (an edge joins its two
// ends whichever way it points), as igraph_connected_components(IGRAPH_WEAK) finds them.

#include <cstdint>
#include <vector>

#include "graph/graph.h"

namespace ordo::graph {

struct ComponentLabels {
  // The component of each node: 0, 1, ... numbered in the order of each component's lowest node
  // (igraph's numbering), so an isolated node has a component of its own.
  std::vector<std::uint32_t> component;
  std::vector<std::uint32_t> sizes;  // nodes per component

  std::size_t Count() const { return sizes.size(); }
};

// O(n + m α(n)) by union-find over the out-edges. Uses every edge, whatever its type or validity.
ComponentLabels FindConnectedComponents(const Graph& graph);

}  // namespace ordo::graph
