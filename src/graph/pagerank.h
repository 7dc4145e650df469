#pragma once
// PageRank of every node of a Graph with igraph_pagerank's semantics (PRPACK): damping d, a jump to
// a uniformly chosen node with probability 1 - d, and the rank of a dangling node (no out-edge, or
// out-edges of total weight 0) spread uniformly over every node. Scores sum to 1. What each node
// passes along an edge is held as a float, so scores carry a relative error of about 1e-7.

#include <cstddef>
#include <vector>

#include "graph/graph.h"
#include "graph/progress.h"

namespace ordo::graph {

struct PageRankOptions {
  double damping = 0.85;  // in [0, 1)
  // kOut: the directed graph (rank flows along edges); kBoth: every edge read as undirected (each
  // end passes rank to the other). kIn is the directed graph with every edge reversed.
  Direction direction = Direction::kOut;
  bool weighted = false;  // a node passes rank in proportion to its edges' weights
  // Power iteration stops when the L1 change of one step is below this, or after max_iterations.
  // The floats' rounding can keep the change of a large graph above a small tolerance: below 1e-7
  // a change that has not halved in 5 steps ends the iteration too (graph/pagerank.cc), so the
  // error is then bounded by that rounding (about 1e-7 relative per score), not by the tolerance.
  // A power-iteration step shrinks the change by about the damping, so 5 steps halve it for a
  // damping up to 0.87; above that the stop can come while the change is still falling slowly
  // (at most 1e-7 * d / (1 - d) in L1 from the fixed point, about 1e-5 at 0.99).
  double tolerance = 1e-12;
  std::size_t max_iterations = 1000;
  // Threads that share each iteration (they take chunks of nodes with about the same number of
  // arcs in turn). 1 runs on the caller's thread. Gauss-Seidel sweeps, then power iterations: the result is within
  // tolerance * d / (1 - d) of the fixed point in L1 on any thread count, but with more than one
  // the last digits can differ from run to run (graph/pagerank.cc).
  std::size_t threads = 1;
  // Optional (graph/progress.h): checked for cancellation after every iteration; reports the
  // iterations done on a log scale of the change towards the tolerance.
  Progress* progress = nullptr;
};

struct PageRankResult {
  std::vector<double> rank;   // one per node
  std::size_t iterations = 0;
};

// O((n + m) · iterations) over a copy of the in-adjacency renumbered by out-degree (hubs first, so
// the ranks read most sit together in cache); nodes without links are left out of the sweeps (they
// all have the same rank). An empty graph gives an empty result.
// Thread-safe (reads `graph` only).
PageRankResult PageRank(const Graph& graph, const PageRankOptions& options = {});

}  // namespace ordo::graph
