#include "graph/bfs.h"

#include <algorithm>
#include <string>

namespace ordo::graph {
namespace {

// Calls visit(neighbour) for the neighbours of `node` in `direction`, without a filter.
template <typename Visit>
void ForEachNeighbour(const Graph& graph, NodeId node, Direction direction, Visit&& visit) {
  if (direction != Direction::kIn) {
    for (NodeId neighbour : graph.OutTargets(node)) visit(neighbour);
  }
  if (direction != Direction::kOut) {
    for (NodeId neighbour : graph.InSources(node)) visit(neighbour);
  }
}

std::size_t Degree(const Graph& graph, NodeId node, Direction direction) {
  std::size_t degree = 0;
  if (direction != Direction::kIn) degree += graph.OutDegree(node);
  if (direction != Direction::kOut) degree += graph.InDegree(node);
  return degree;
}

// Direction-optimising search (Beamer, Asanovic and Patterson 2012) over every edge: levels are
// expanded top-down (each frontier node marks its unreached neighbours) while the frontier is
// small, and bottom-up (each unreached node looks for a neighbour in the frontier and stops at the
// first) while the frontier's edges outnumber the unreached nodes' by kAlpha; on a small-world
// graph the middle levels then skip most edges. Within a bottom-up level nodes come in id order.
void SearchEveryEdge(const Graph& graph, Direction direction, BfsResult& result) {
  constexpr std::size_t kAlpha = 14;  // Beamer's parameters
  constexpr std::size_t kBeta = 24;
  const std::size_t n = graph.NodeCount();
  const Direction back = Reverse(direction);
  // Every edge is counted once from its head's side (twice, once from each end, undirected).
  std::size_t unreached_edges = graph.EdgeCount() * (direction == Direction::kBoth ? 2 : 1);
  std::size_t level_begin = 0;
  std::vector<std::uint64_t> in_frontier;
  bool bottom_up = false;
  // The nodes a bottom-up level looks at: after the first such level, only those it left
  // unreached that have an edge to be reached by, in id order (the rest can never be reached from
  // their side). On the benchmark's R-MAT graph, over half the nodes are never reached, nearly all
  // of them without such an edge, and each later bottom-up level had cost 6 ms in passing them.
  std::vector<NodeId> candidates;
  bool listed = false;
  for (std::int32_t hops = 1; level_begin < result.order.size(); ++hops) {
    const std::size_t level_end = result.order.size();
    std::size_t frontier_edges = 0;
    for (std::size_t i = level_begin; i < level_end; ++i) {
      const NodeId node = result.order[i];
      frontier_edges += Degree(graph, node, direction);
      unreached_edges -= std::min(unreached_edges, Degree(graph, node, back));
    }
    const std::size_t frontier_size = level_end - level_begin;
    if (!bottom_up && frontier_edges > unreached_edges / kAlpha) bottom_up = true;
    if (bottom_up && frontier_size < n / kBeta && frontier_edges <= unreached_edges / kAlpha) {
      bottom_up = false;
    }
    if (bottom_up) {
      in_frontier.assign((n + 63) / 64, 0);
      for (std::size_t i = level_begin; i < level_end; ++i) {
        const NodeId node = result.order[i];
        in_frontier[node >> 6] |= std::uint64_t{1} << (node & 63);
      }
      // Looks for an edge from the frontier to unreached v; returns whether v is still to be
      // reached from its side (not reached, and with edges to be reached by).
      auto look_up = [&](NodeId v) {
        bool found = false;
        auto look = [&](NodeId u) {
          if (!found && ((in_frontier[u >> 6] >> (u & 63)) & 1)) found = true;
        };
        // The edges that would reach v, read from v's side.
        if (back != Direction::kIn) {
          for (NodeId u : graph.OutTargets(v)) {
            look(u);
            if (found) break;
          }
        }
        if (!found && back != Direction::kOut) {
          for (NodeId u : graph.InSources(v)) {
            look(u);
            if (found) break;
          }
        }
        if (found) {
          result.hops[v] = hops;
          result.order.push_back(v);
          return false;
        }
        return Degree(graph, v, back) > 0;
      };
      if (!listed) {
        for (NodeId v = 0; v < n; ++v) {
          if (result.hops[v] < 0 && look_up(v)) candidates.push_back(v);
        }
        listed = true;
      } else {
        std::size_t kept = 0;
        for (const NodeId v : candidates) {
          if (result.hops[v] < 0 && look_up(v)) candidates[kept++] = v;
        }
        candidates.resize(kept);
      }
    } else {
      for (std::size_t i = level_begin; i < level_end; ++i) {
        ForEachNeighbour(graph, result.order[i], direction, [&](NodeId neighbour) {
          if (result.hops[neighbour] >= 0) return;
          result.hops[neighbour] = hops;
          result.order.push_back(neighbour);
        });
      }
    }
    level_begin = level_end;
  }
}

}  // namespace

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
  if (filter.AcceptsAll()) {
    SearchEveryEdge(graph, direction, result);
    return result;
  }
  // `order` is the queue: nodes before `next` have been expanded.
  for (std::size_t next = 0; next < result.order.size(); ++next) {
    const NodeId node = result.order[next];
    const std::int32_t hops = result.hops[node] + 1;
    ForEachLink(graph, node, direction, filter, [&](EdgeId, NodeId neighbour) {
      if (result.hops[neighbour] >= 0) return;
      result.hops[neighbour] = hops;
      result.order.push_back(neighbour);
    });
  }
  return result;
}

}  // namespace ordo::graph
