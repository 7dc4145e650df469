#pragma once
// Communities of a Graph read as undirected and weighted (edge weights; parallel edges add up):
// Louvain's local moving and aggregation (Blondel et al. 2008) with Leiden's refinement step
// (Traag, Waltman and van Eck 2019) before each aggregation, so that aggregates are connected; and
// the modularity of a partition, as igraph_modularity computes it.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "graph/graph.h"
#include "graph/progress.h"

namespace ordo::graph {

struct CommunityOptions {
  double resolution = 1.0;  // gamma in the modularity; higher gives smaller communities
  bool refine = true;       // Leiden's refinement; false is plain Louvain
  std::size_t max_levels = 64;
  // Runs: each after the first starts from the best communities found so far (as Leiden
  // iterates), and they stop early after two runs in a row that do not raise the modularity.
  std::size_t iterations = 8;
  // Nodes are visited in an order shuffled from this seed (at every level of every run), as
  // igraph's multilevel does; the same seed gives the same communities.
  std::uint64_t seed = 1;
  // Threads that share local moving and the refinement on large levels (graph/louvain.cc:
  // BatchFor) and the building of each level. The communities do not depend on it.
  std::size_t threads = 1;
  // Optional (graph/progress.h): checked for cancellation before every level; reports runs done
  // (a run counts in steps as its levels shrink the graph). A cancelled call returns the best
  // communities found so far.
  Progress* progress = nullptr;
};

struct Communities {
  // The community of each node, 0, 1, ... in the order of each community's lowest node. Every
  // community induces a connected subgraph: a community that local moving left disconnected is
  // split into its connected parts (which never lowers the modularity).
  std::vector<std::uint32_t> community;
  std::size_t count = 0;
  double modularity = 0;
  std::size_t levels = 0;  // aggregation levels run, over every iteration
};

// Deterministic for a seed. O(m) per pass; a few passes per level and a few
// levels in practice. Thread-safe (reads `graph` only).
Communities FindCommunities(const Graph& graph, const CommunityOptions& options = {});

// The modularity of `community` (one entry per node, any labels) on the graph read as undirected and weighted,
// with a self-loop of weight w counting 2w in its node's degree (igraph_modularity, directed =
// false). 0 for a graph without edges (igraph gives NaN there).
double Modularity(const Graph& graph, const std::vector<std::uint32_t>& community,
                  double resolution = 1.0);

}  // namespace ordo::graph
