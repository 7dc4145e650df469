#include "graph/degree.h"

namespace ordo::graph {
std::vector<std::uint32_t> Degrees(const Graph& graph, Direction direction,
                                   const LinkFilter& filter) {
  const std::size_t n = graph.NodeCount();
  std::vector<std::uint32_t> degrees(n, 0);
  if (filter.AcceptsAll()) {
    for (NodeId v = 0; v < n; ++v) {
      std::size_t degree = 0;
      if (direction != Direction::kIn) degree += graph.OutDegree(v);
      if (direction != Direction::kOut) degree += graph.InDegree(v);
      degrees[v] = static_cast<std::uint32_t>(degree);
    }
    return degrees;
  }
  for (NodeId v = 0; v < n; ++v) {
    ForEachLink(graph, v, direction, filter, [&](EdgeId, NodeId) { ++degrees[v]; });
  }
  return degrees;
}

}  // namespace ordo::graph
