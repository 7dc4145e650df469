#pragma once
// The independent oracle for the graph tests: the same computations done by igraph (Debian's
// libigraph-dev), so that Ordo's own algorithms are checked against another implementation.

#include <cstddef>
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

}  // namespace ordo::graph::testing
