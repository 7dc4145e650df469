#pragma once
// Coreness (k-core number) of every node of a Graph: the largest k such that the node belongs to a
// subgraph in which every node has degree >= k. Degree counts in- and out-edges together, a
// self-loop twice and parallel edges each, as igraph_coreness(IGRAPH_ALL) does.

#include <cstdint>
#include <vector>

#include "graph/graph.h"

namespace ordo::graph {

// O(n + m) (Batagelj and Zaversnik 2003: nodes bucketed by degree, peeled lowest first).
std::vector<std::uint32_t> Coreness(const Graph& graph);

}  // namespace ordo::graph
