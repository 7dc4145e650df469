#include "graph/bfs.h"

#include <string>

namespace ordo::graph {
Result<BfsResult> BreadthFirstSearch(const Graph& graph, NodeId source, Direction direction,
                                     const LinkFilter& filter) {
  if (source >= graph.NodeCount()) {
    return InvalidArgument("bfs: " + std::to_string(source) + " is not a node");
  }
  BfsResult result;
  result.hops.assign(graph.NodeCount(), -1);
  result.order.reserve(graph.NodeCount());
  result.order.push_back(source);
  result.hops[source] = 0;
  const bool unfiltered = filter.AcceptsAll();
  // `order` is the queue: nodes before `next` have been expanded.
  for (std::size_t next = 0; next < result.order.size(); ++next) {
    const NodeId node = result.order[next];
    const std::int32_t hops = result.hops[node] + 1;
    auto reach = [&](NodeId neighbour) {
      if (result.hops[neighbour] >= 0) return;
      result.hops[neighbour] = hops;
      result.order.push_back(neighbour);
    };
    if (unfiltered) {
      // The tight loops over the adjacency arrays alone, without the per-edge filter.
      if (direction != Direction::kIn) {
        for (NodeId neighbour : graph.OutTargets(node)) reach(neighbour);
      }
      if (direction != Direction::kOut) {
        for (NodeId neighbour : graph.InSources(node)) reach(neighbour);
      }
    } else {
      ForEachLink(graph, node, direction, filter, [&](EdgeId, NodeId neighbour) { reach(neighbour); });
    }
  }
  return result;
}

}  // namespace ordo::graph
