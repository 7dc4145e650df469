#pragma once
// Betweenness centrality of every node of a Graph (Brandes 2001, unweighted: one breadth-first
// search per source), exact or estimated from a sample of sources with a stated error bound. The
// sums are igraph_betweenness's: over ordered pairs (s, t), s != v != t, of the share of shortest
// s-t paths through v, parallel edges counting as separate paths; undirected, each unordered pair
// once (half the ordered sum). Not normalised. (betweenness.h is the small-network variant that
// analytics/route_network uses.)

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "graph/graph.h"
#include "graph/progress.h"

namespace ordo::graph {

struct BetweennessOptions {
  // kOut: the directed graph; kBoth: every edge undirected. (kIn gives the same as kOut.)
  Direction direction = Direction::kOut;
  // The sources the searches start from: empty = every node, exact betweenness. Otherwise only
  // paths starting at these nodes count, unscaled (igraph_betweenness_subset with every target).
  std::span<const NodeId> sources;
  // When > 0 (and `sources` is empty): estimate from this many sources drawn uniformly without
  // replacement (seeded by `seed`), each score scaled by n / sample_size, and report the bound.
  std::size_t sample_size = 0;
  std::uint64_t seed = 1;
  // The bound holds for every node at once with probability at least 1 - failure_probability.
  double failure_probability = 0.05;
  std::size_t threads = 1;  // sources split over this many threads
  // Optional (graph/progress.h): checked for cancellation before every source's search; reports
  // sources searched of all. A cancelled call returns the scores of the sources searched so far.
  Progress* progress = nullptr;
};

struct BetweennessResult {
  std::vector<double> score;  // one per node
  std::vector<NodeId> sources;  // the sources searched (every node when exact)
  // For a sampled estimate: with probability >= 1 - failure_probability, |estimate - exact| is
  // at most this for every node (Hoeffding's inequality, which holds for sampling without
  // replacement, on each node's per-source dependency in [0, n - 2], with a union bound over the
  // n nodes: n (n - 2) sqrt(ln(2n / failure_probability) / (2 k)), halved when undirected).
  // 0 when exact or when the sources were given.
  double error_bound = 0;
};

// O(k (n + m)) for k sources, O(n) memory per thread. Thread-safe (reads `graph` only). Sources
// must be nodes of `graph` (a bug otherwise).
BetweennessResult Betweenness(const Graph& graph, const BetweennessOptions& options = {});

}  // namespace ordo::graph
