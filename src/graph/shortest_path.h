#pragma once
// Paths between two nodes of a Graph: the fewest hops (bidirectional breadth-first search), the
// least total weight (Dijkstra), and every path of the fewest hops up to a limit. Each search
// touches only the part of the graph it explores, so a query on a large graph costs no O(n) setup.

#include <cstddef>
#include <vector>

#include "core/result.h"
#include "graph/graph.h"
#include "graph/link_filter.h"

namespace ordo::graph {

struct PathOptions {
  // kOut: from -> ... -> to along edges; kIn: against them; kBoth: either way.
  Direction direction = Direction::kBoth;
  LinkFilter links;
  // Nodes a path may pass through; the two ends are always allowed.
  TypeSet node_types;
};

struct Path {
  std::vector<NodeId> nodes;  // from ... to; just {from} when from == to
  std::vector<EdgeId> edges;  // edges[i] joins nodes[i] and nodes[i + 1]
  double length = 0;          // hops, or total weight for WeightedShortestPath
};

// A path with the fewest hops. kInvalidArgument for a node not in `graph`; kNotFound when `to`
// cannot be reached. Which of several shortest paths is returned is deterministic but unspecified.
Result<Path> ShortestPath(const Graph& graph, NodeId from, NodeId to,
                          const PathOptions& options = {});

// A path of least total edge weight (weights are >= 0 by construction; 1 when the graph has none).
// Same errors as ShortestPath.
Result<Path> WeightedShortestPath(const Graph& graph, NodeId from, NodeId to,
                                  const PathOptions& options = {});

struct AllShortestPaths {
  std::vector<Path> paths;  // at most max_paths of them, in a deterministic order
  // How many shortest paths there are in all (parallel edges make different paths), as a double
  // because the count can exceed every integer type on a dense graph.
  double total = 0;
};

// Every path with the fewest hops, up to `max_paths`. Same errors as ShortestPath.
Result<AllShortestPaths> FindAllShortestPaths(const Graph& graph, NodeId from, NodeId to,
                                              std::size_t max_paths,
                                              const PathOptions& options = {});

}  // namespace ordo::graph
