#pragma once
// The independent oracle for the graph tests: the same computations done by igraph (Debian's
// libigraph-dev), so that Ordo's own algorithms are checked against another implementation.

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace ordo::graph::testing {

struct Arc {
  std::size_t from = 0;
  std::size_t to = 0;
  double capacity = 0;  // finite
};

// igraph_maxflow_value on a directed graph with these arcs.
double IgraphMaxFlowValue(std::size_t vertex_count, const std::vector<Arc>& arcs,
                          std::size_t source, std::size_t sink);

// igraph_betweenness (directed, unweighted) on the graph whose arcs are v -> out[v][i].
std::vector<double> IgraphDirectedBetweenness(const std::vector<std::vector<std::size_t>>& out);

// The link-analysis kernels (graph.h and the files beside it), on a graph given as a list of arcs
// (from, to) over nodes 0..node_count-1. `directed` false reads every arc as an undirected edge.
using ArcList = std::vector<std::pair<std::size_t, std::size_t>>;
// Which neighbours a path or a neighbourhood follows: IGRAPH_OUT, IGRAPH_IN or IGRAPH_ALL.
enum class Mode { kOut, kIn, kAll };

// igraph_connected_components(IGRAPH_WEAK): the component of each node (0, 1, ... in the order of
// each component's lowest node).
std::vector<std::size_t> IgraphWeakComponents(std::size_t node_count, const ArcList& arcs);

// igraph_distances from `source` to every node; -1 where unreachable.
std::vector<long> IgraphHopDistances(std::size_t node_count, const ArcList& arcs,
                                     std::size_t source, Mode mode);

// igraph_distances_dijkstra from `source` with one weight per arc; infinity where unreachable.
std::vector<double> IgraphWeightedDistances(std::size_t node_count, const ArcList& arcs,
                                            const std::vector<double>& weights,
                                            std::size_t source, Mode mode);

// igraph_get_all_shortest_paths from `source`: the number of shortest paths to each node (its
// nrgeo), 0 where unreachable and 1 for the source.
std::vector<double> IgraphShortestPathCounts(std::size_t node_count, const ArcList& arcs,
                                             std::size_t source, Mode mode);

// igraph_neighborhood of order `order` around one node: the nodes within that many hops, sorted.
std::vector<std::size_t> IgraphNeighbourhood(std::size_t node_count, const ArcList& arcs,
                                             std::size_t node, std::size_t order, Mode mode);

// igraph_pagerank (PRPACK), damping `damping`, on the graph read as directed or not; `weights`
// empty for an unweighted graph.
std::vector<double> IgraphPageRank(std::size_t node_count, const ArcList& arcs, bool directed,
                                   double damping, const std::vector<double>& weights);

// igraph_coreness with IGRAPH_ALL (in- and out-degree together).
std::vector<long> IgraphCoreness(std::size_t node_count, const ArcList& arcs);

// igraph_betweenness on the graph read as directed or not (unweighted).
std::vector<double> IgraphBetweenness(std::size_t node_count, const ArcList& arcs, bool directed);

// igraph_betweenness_subset: only paths from `sources`, to every node.
std::vector<double> IgraphBetweennessFrom(std::size_t node_count, const ArcList& arcs,
                                          bool directed, const std::vector<std::size_t>& sources);

// igraph_modularity of `membership` on the graph read as undirected; `weights` empty = all 1.
double IgraphModularity(std::size_t node_count, const ArcList& arcs,
                        const std::vector<double>& weights,
                        const std::vector<std::uint32_t>& membership, double resolution);

// The best modularity igraph_community_multilevel (Louvain) reaches on the graph read as
// undirected, over its levels.
double IgraphMultilevelModularity(std::size_t node_count, const ArcList& arcs,
                                  const std::vector<double>& weights);

// igraph_articulation_points of the graph read as undirected, sorted.
std::vector<std::size_t> IgraphArticulationPoints(std::size_t node_count, const ArcList& arcs);

}  // namespace ordo::graph::testing
