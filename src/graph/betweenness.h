#pragma once
// Betweenness centrality of every vertex of a small directed graph (Brandes 2001, unweighted: one
// breadth-first search per source), as igraph_betweenness computes it for a directed graph: the
// sum over ordered pairs (s, t), s != v != t, of the share of shortest s-t paths through v; not
// normalised. Used for route-network chokepoints (analytics/route_network.h).

#include <cstddef>
#include <vector>

namespace ordo::graph {

// `out[v]` lists the heads of the arcs leaving v; parallel arcs count as separate paths, as in
// igraph. Returns one score per vertex.
std::vector<double> DirectedBetweenness(const std::vector<std::vector<std::size_t>>& out);

}  // namespace ordo::graph
