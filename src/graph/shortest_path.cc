#include "graph/shortest_path.h"

#include <algorithm>
#include <functional>
#include <queue>
#include <string>
#include <utility>

#include "graph/internal/node_map.h"

namespace ordo::graph {
namespace {

// How a search reached a node: from which node, along which edge, at what distance.
struct Reach {
  NodeId previous = kNoNode;
  EdgeId edge = 0;
  double distance = 0;
};

Status CheckEnds(const Graph& graph, NodeId from, NodeId to) {
  for (NodeId node : {from, to}) {
    if (node >= graph.NodeCount()) {
      return InvalidArgument("path: " + std::to_string(node) + " is not a node");
    }
  }
  return {};
}

Error NoPath(NodeId from, NodeId to) {
  return NotFound("path: no path from " + std::to_string(from) + " to " + std::to_string(to));
}

bool MayPass(const Graph& graph, const PathOptions& options, NodeId node, NodeId from,
             NodeId to) {
  return node == from || node == to || options.node_types.Contains(graph.TypeOf(node));
}

// Follows `reach` back from `node` to the root of its search: the nodes and edges in that order.
void Trace(internal::NodeMap<Reach>& reach, NodeId node, std::vector<NodeId>& nodes,
           std::vector<EdgeId>& edges) {
  nodes.push_back(node);
  for (const Reach* step = reach.Find(node); step->previous != kNoNode;
       step = reach.Find(step->previous)) {
    edges.push_back(step->edge);
    nodes.push_back(step->previous);
  }
}

// One side of the bidirectional search: its reached nodes and its current frontier.
struct Side {
  internal::NodeMap<Reach> reach;
  std::vector<NodeId> frontier;
  std::size_t frontier_links = 0;  // the links the next level would scan
  Direction direction;
};

std::size_t LinkCount(const Graph& graph, NodeId node, Direction direction) {
  std::size_t count = 0;
  if (direction != Direction::kIn) count += graph.OutDegree(node);
  if (direction != Direction::kOut) count += graph.InDegree(node);
  return count;
}

}  // namespace

Result<Path> ShortestPath(const Graph& graph, NodeId from, NodeId to,
                          const PathOptions& options) {
  if (Status ends = CheckEnds(graph, from, to); !ends.has_value()) return ends.error();
  if (from == to) return Path{{from}, {}, 0};

  Side forward{internal::NodeMap<Reach>(), {from}, 0, options.direction};
  Side backward{internal::NodeMap<Reach>(), {to}, 0, Reverse(options.direction)};
  forward.reach.Insert(from, {});
  backward.reach.Insert(to, {});
  forward.frontier_links = LinkCount(graph, from, forward.direction);
  backward.frontier_links = LinkCount(graph, to, backward.direction);

  // Expand whole levels, the side with fewer links to scan first. The first level that reaches a
  // node of the other side holds a shortest path; the best meeting in that level is kept.
  while (!forward.frontier.empty() && !backward.frontier.empty()) {
    const bool go_forward = forward.frontier_links <= backward.frontier_links;
    Side& side = go_forward ? forward : backward;
    Side& other = go_forward ? backward : forward;
    std::vector<NodeId> next;
    std::size_t next_links = 0;
    NodeId best_meeting = kNoNode;
    double best_length = 0;
    for (NodeId node : side.frontier) {
      const double distance = side.reach.Find(node)->distance + 1;
      ForEachLink(graph, node, side.direction, options.links, [&](EdgeId edge, NodeId neighbour) {
        if (!MayPass(graph, options, neighbour, from, to)) return;
        if (!side.reach.Insert(neighbour, {node, edge, distance}).second) return;
        next.push_back(neighbour);
        next_links += LinkCount(graph, neighbour, side.direction);
        if (const Reach* met = other.reach.Find(neighbour); met != nullptr) {
          const double length = distance + met->distance;
          if (best_meeting == kNoNode || length < best_length) {
            best_meeting = neighbour;
            best_length = length;
          }
        }
      });
    }
    if (best_meeting != kNoNode) {
      Path path;
      std::vector<NodeId> tail_nodes;
      std::vector<EdgeId> tail_edges;
      Trace(forward.reach, best_meeting, path.nodes, path.edges);
      std::reverse(path.nodes.begin(), path.nodes.end());
      std::reverse(path.edges.begin(), path.edges.end());
      Trace(backward.reach, best_meeting, tail_nodes, tail_edges);
      path.nodes.insert(path.nodes.end(), tail_nodes.begin() + 1, tail_nodes.end());
      path.edges.insert(path.edges.end(), tail_edges.begin(), tail_edges.end());
      path.length = best_length;
      return path;
    }
    side.frontier = std::move(next);
    side.frontier_links = next_links;
  }
  return NoPath(from, to);
}

Result<Path> WeightedShortestPath(const Graph& graph, NodeId from, NodeId to,
                                  const PathOptions& options) {
  if (Status ends = CheckEnds(graph, from, to); !ends.has_value()) return ends.error();
  internal::NodeMap<Reach> reach;
  reach.Insert(from, {});
  using Entry = std::pair<double, NodeId>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
  queue.push({0, from});
  while (!queue.empty()) {
    const auto [distance, node] = queue.top();
    queue.pop();
    if (distance > reach.Find(node)->distance) continue;  // a stale entry
    if (node == to) {
      Path path;
      Trace(reach, to, path.nodes, path.edges);
      std::reverse(path.nodes.begin(), path.nodes.end());
      std::reverse(path.edges.begin(), path.edges.end());
      path.length = distance;
      return path;
    }
    ForEachLink(graph, node, options.direction, options.links, [&](EdgeId edge, NodeId neighbour) {
      if (!MayPass(graph, options, neighbour, from, to)) return;
      const double through = distance + graph.Weight(edge);
      auto [known, inserted] = reach.Insert(neighbour, {node, edge, through});
      if (!inserted) {
        if (through >= known->distance) return;
        *known = {node, edge, through};
      }
      queue.push({through, neighbour});
    });
  }
  return NoPath(from, to);
}

Result<AllShortestPaths> FindAllShortestPaths(const Graph& graph, NodeId from, NodeId to,
                                              std::size_t max_paths,
                                              const PathOptions& options) {
  if (Status ends = CheckEnds(graph, from, to); !ends.has_value()) return ends.error();
  AllShortestPaths result;
  if (from == to) {
    result.total = 1;
    if (max_paths > 0) result.paths.push_back({{from}, {}, 0});
    return result;
  }
  // Breadth-first from `from` by whole levels until the level that reaches `to`, counting the
  // shortest paths to each node (sigma) as Brandes does.
  struct Level {
    std::uint32_t hops;
    double paths;
  };
  internal::NodeMap<Level> level;
  level.Insert(from, {0, 1});
  std::vector<NodeId> frontier{from};
  std::uint32_t hops = 0;
  while (!frontier.empty() && level.Find(to) == nullptr) {
    ++hops;
    std::vector<NodeId> next;
    for (NodeId node : frontier) {
      const double paths = level.Find(node)->paths;
      ForEachLink(graph, node, options.direction, options.links, [&](EdgeId, NodeId neighbour) {
        if (!MayPass(graph, options, neighbour, from, to)) return;
        auto [entry, inserted] = level.Insert(neighbour, {hops, 0});
        if (inserted) next.push_back(neighbour);
        if (entry->hops == hops) entry->paths += paths;
      });
    }
    frontier = std::move(next);
  }
  const Level* target = level.Find(to);
  if (target == nullptr) return NoPath(from, to);
  result.total = target->paths;

  // Enumerate back from `to`: each step goes to a neighbour one level nearer `from`.
  const Direction back = Reverse(options.direction);
  std::vector<NodeId> nodes{to};
  std::vector<EdgeId> edges;
  std::function<void(NodeId)> walk = [&](NodeId node) {
    if (result.paths.size() >= max_paths) return;
    if (node == from) {
      Path path{{nodes.rbegin(), nodes.rend()}, {edges.rbegin(), edges.rend()}, 0};
      path.length = static_cast<double>(path.edges.size());
      result.paths.push_back(std::move(path));
      return;
    }
    const std::uint32_t here = level.Find(node)->hops;
    ForEachLink(graph, node, back, options.links, [&](EdgeId edge, NodeId neighbour) {
      const Level* there = level.Find(neighbour);
      if (there == nullptr || there->hops + 1 != here || result.paths.size() >= max_paths) return;
      if (neighbour != from && !MayPass(graph, options, neighbour, from, to)) return;
      nodes.push_back(neighbour);
      edges.push_back(edge);
      walk(neighbour);
      nodes.pop_back();
      edges.pop_back();
    });
  };
  walk(to);
  return result;
}

}  // namespace ordo::graph
