#pragma once
// Degree of every node of a Graph, as igraph_degree counts it with loops: out, in, or both (where a
// self-loop counts twice), optionally only over the edges a LinkFilter accepts.

#include <cstdint>
#include <vector>

#include "graph/graph.h"
#include "graph/link_filter.h"

namespace ordo::graph {

// O(n) without a filter (from the offsets), O(n + m) with one.
std::vector<std::uint32_t> Degrees(const Graph& graph, Direction direction,
                                   const LinkFilter& filter = {});

}  // namespace ordo::graph
