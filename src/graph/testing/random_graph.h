#pragma once
// Random graphs for the graph tests: one arc list, built both as an Ordo Graph and handed to the
// igraph oracle, so that the two see the same graph.

#include <algorithm>
#include <cstddef>
#include <random>
#include <utility>
#include <vector>

#include "graph/graph.h"
#include "graph/testing/igraph_oracle.h"

namespace ordo::graph::testing {

struct RandomGraph {
  std::size_t node_count = 0;
  ArcList arcs;                 // in the order added to the builder
  std::vector<EdgeSpec> specs;  // the same arcs with types, days and weights
  Graph graph;
};

// node_count in [1, max_nodes], about average_degree arcs per node; parallel arcs and self-loops
// appear unless `simple`. Link types in [0, 4), node types in [0, 3), days in [0, 100) with some
// open ends, weights integral in [1, 9] when `weighted`.
inline RandomGraph MakeRandomGraph(std::mt19937_64& random, std::size_t max_nodes,
                                   double average_degree, bool simple = false,
                                   bool weighted = false) {
  RandomGraph result;
  result.node_count = 1 + random() % max_nodes;
  const std::size_t n = result.node_count;
  const auto arc_count = static_cast<std::size_t>(static_cast<double>(n) * average_degree *
                                                  static_cast<double>(1 + random() % 100) / 100.0);
  std::vector<std::vector<bool>> seen;
  if (simple) seen.assign(n, std::vector<bool>(n, false));
  GraphBuilder builder(n);
  for (std::size_t v = 0; v < n; ++v) {
    builder.SetNodeType(static_cast<NodeId>(v), static_cast<NodeType>(random() % 3));
  }
  for (std::size_t i = 0; i < arc_count; ++i) {
    const std::size_t from = random() % n;
    const std::size_t to = random() % n;
    if (simple && (from == to || seen[from][to] || seen[to][from])) continue;
    if (simple) seen[from][to] = true;
    EdgeSpec spec;
    spec.source = static_cast<NodeId>(from);
    spec.target = static_cast<NodeId>(to);
    spec.type = static_cast<LinkType>(random() % 4);
    const Day a = static_cast<Day>(random() % 100);
    const Day b = static_cast<Day>(random() % 100);
    spec.valid_from = random() % 5 == 0 ? kOpenStart : std::min(a, b);
    spec.valid_to = random() % 5 == 0 ? kOpenEnd : std::max(a, b);
    if (weighted) spec.weight = static_cast<float>(1 + random() % 9);
    builder.AddEdge(spec);
    result.arcs.emplace_back(from, to);
    result.specs.push_back(spec);
  }
  result.graph = *builder.Build();
  return result;
}

}  // namespace ordo::graph::testing
