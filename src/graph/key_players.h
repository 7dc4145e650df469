#pragma once
// Key players: how much removing one node splits the network (the graph read as undirected). A
// node's score is the number of pairs of other nodes that are connected now and would not be
// without it; it is positive exactly for the articulation points. One depth-first search finds
// every node's score (Hopcroft and Tarjan's low points, with subtree sizes).

#include <cstddef>
#include <cstdint>
#include <vector>

#include "graph/graph.h"

namespace ordo::graph {

struct KeyPlayer {
  NodeId node = 0;
  std::uint64_t disconnected_pairs = 0;
};

// One score per node. O(n + m), iterative (no recursion however deep the graph). Thread-safe
// (reads `graph` only).
std::vector<std::uint64_t> DisconnectedPairs(const Graph& graph);

// The `limit` nodes whose removal disconnects the most pairs, most first (ties: lower id), leaving
// out nodes that disconnect none.
std::vector<KeyPlayer> RankKeyPlayers(const Graph& graph, std::size_t limit);

}  // namespace ordo::graph
