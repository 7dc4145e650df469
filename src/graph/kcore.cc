#include "graph/kcore.h"

#include <algorithm>

namespace ordo::graph {

std::vector<std::uint32_t> Coreness(const Graph& graph) {
  const std::size_t n = graph.NodeCount();
  std::vector<std::uint32_t> degree(n);
  std::uint32_t max_degree = 0;
  for (NodeId v = 0; v < n; ++v) {
    degree[v] = static_cast<std::uint32_t>(graph.OutDegree(v) + graph.InDegree(v));
    max_degree = std::max(max_degree, degree[v]);
  }

  // order[] holds the nodes sorted by current degree; bucket_start[k] is where degree k begins and
  // position[v] is where v sits. Lowering a degree swaps v to the front of its bucket.
  std::vector<std::uint32_t> bucket_start(max_degree + 2, 0);
  for (NodeId v = 0; v < n; ++v) ++bucket_start[degree[v] + 1];
  for (std::size_t k = 0; k <= max_degree; ++k) bucket_start[k + 1] += bucket_start[k];
  std::vector<NodeId> order(n);
  std::vector<std::uint32_t> position(n);
  {
    std::vector<std::uint32_t> next(bucket_start.begin(), bucket_start.end() - 1);
    for (NodeId v = 0; v < n; ++v) {
      position[v] = next[degree[v]]++;
      order[position[v]] = v;
    }
  }

  auto lower = [&](NodeId u, NodeId v) {
    // A neighbour still above v's degree loses the edge to v.
    if (degree[u] <= degree[v]) return;
    const std::uint32_t k = degree[u];
    const std::uint32_t first = bucket_start[k];
    const NodeId w = order[first];
    if (w != u) {
      std::swap(order[first], order[position[u]]);
      position[w] = position[u];
      position[u] = first;
    }
    ++bucket_start[k];
    --degree[u];
  };
  for (std::size_t i = 0; i < n; ++i) {
    const NodeId v = order[i];
    for (NodeId u : graph.OutTargets(v)) lower(u, v);
    for (NodeId u : graph.InSources(v)) lower(u, v);
  }
  return degree;
}

}  // namespace ordo::graph
