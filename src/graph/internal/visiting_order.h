#pragma once
// VisitingOrder: the order in which community detection's local moving visits a level's nodes.
// Private to src/graph.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <random>
#include <vector>

namespace ordo::graph::internal {

// Levels from this many nodes are visited in blocks.
constexpr std::size_t kBlockedVisitsFrom = std::size_t{1} << 16;
constexpr std::size_t kVisitBlock = 64;  // consecutive nodes

// A random order of the n nodes, as igraph's multilevel uses (a fixed one gets stuck more often).
// From kBlockedVisitsFrom nodes on, the order of the blocks of kVisitBlock consecutive nodes is
// random and the nodes of a block come in turn, so that the arcs of nodes visited one after
// another are read from one stretch of memory rather than each from anywhere. On the benchmark's
// planted graph (whose node numbers say nothing of its communities) this took a call from 18.3 to
// 12.7 s, with the same modularity (0.7017) and adjusted Rand index (0.534 against 0.535).
inline std::vector<std::uint32_t> VisitingOrder(std::size_t n, std::mt19937_64& random) {
  std::vector<std::uint32_t> order(n);
  if (n < kBlockedVisitsFrom) {
    std::iota(order.begin(), order.end(), 0u);
    std::shuffle(order.begin(), order.end(), random);
    return order;
  }
  std::vector<std::uint32_t> blocks((n + kVisitBlock - 1) / kVisitBlock);
  std::iota(blocks.begin(), blocks.end(), 0u);
  std::shuffle(blocks.begin(), blocks.end(), random);
  std::size_t at = 0;
  for (const std::uint32_t block : blocks) {
    const std::size_t end = std::min(n, (std::size_t{block} + 1) * kVisitBlock);
    for (std::size_t v = std::size_t{block} * kVisitBlock; v < end; ++v) {
      order[at++] = static_cast<std::uint32_t>(v);
    }
  }
  return order;
}

}  // namespace ordo::graph::internal
