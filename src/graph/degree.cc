#include "graph/degree.h"

namespace ordo::graph {
namespace {

bool AcceptsEverything(const LinkFilter& filter) {
  if (filter.as_of) return false;
  for (unsigned type = 0; type < 256; ++type) {
    if (!filter.link_types.Contains(static_cast<LinkType>(type))) return false;
  }
  return true;
}

}  // namespace

std::vector<std::uint32_t> Degrees(const Graph& graph, Direction direction,
                                   const LinkFilter& filter) {
  const std::size_t n = graph.NodeCount();
  std::vector<std::uint32_t> degrees(n, 0);
  if (AcceptsEverything(filter)) {
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
