#include "graph/key_players.h"

#include <algorithm>

namespace ordo::graph {
namespace {

std::uint64_t Pairs(std::uint64_t nodes) { return nodes < 2 ? 0 : nodes * (nodes - 1) / 2; }

// The i-th neighbour of `node` in the undirected view: out-edges first, then in-edges.
NodeId Neighbour(const Graph& graph, NodeId node, std::size_t i) {
  const std::size_t out = graph.OutDegree(node);
  return i < out ? graph.OutTargets(node)[i] : graph.InSources(node)[i - out];
}

}  // namespace

std::vector<std::uint64_t> DisconnectedPairs(const Graph& graph) {
  const std::size_t n = graph.NodeCount();
  constexpr std::uint32_t kUnseen = 0;
  std::vector<std::uint32_t> discovered(n, kUnseen);  // DFS order, from 1
  std::vector<std::uint32_t> low(n, 0);
  std::vector<std::uint64_t> size(n, 1);        // nodes in the DFS subtree
  std::vector<std::uint64_t> separated(n, 0);   // nodes in child subtrees that hang on this node
  std::vector<std::uint64_t> part_pairs(n, 0);  // pairs inside those child subtrees
  std::vector<std::uint64_t> score(n, 0);
  struct Frame {
    NodeId node;
    NodeId parent;
    std::size_t next;  // the next neighbour to look at
  };
  std::vector<Frame> stack;
  std::vector<NodeId> component;
  std::uint32_t clock = 0;
  for (NodeId root = 0; root < n; ++root) {
    if (discovered[root] != kUnseen) continue;
    component.clear();
    discovered[root] = low[root] = ++clock;
    component.push_back(root);
    stack.push_back({root, kNoNode, 0});
    while (!stack.empty()) {
      Frame& frame = stack.back();
      const NodeId v = frame.node;
      if (frame.next < graph.OutDegree(v) + graph.InDegree(v)) {
        const NodeId w = Neighbour(graph, v, frame.next++);
        if (w == v || w == frame.parent) continue;
        if (discovered[w] == kUnseen) {
          discovered[w] = low[w] = ++clock;
          component.push_back(w);
          stack.push_back({w, v, 0});
        } else {
          low[v] = std::min(low[v], discovered[w]);
        }
        continue;
      }
      // v is finished: report it to its parent.
      const NodeId parent = frame.parent;
      stack.pop_back();
      if (parent == kNoNode) continue;
      size[parent] += size[v];
      low[parent] = std::min(low[parent], low[v]);
      // Without the parent, v's subtree keeps no edge to anything discovered before the parent.
      if (low[v] >= discovered[parent]) {
        separated[parent] += size[v];
        part_pairs[parent] += Pairs(size[v]);
      }
    }
    // In a component of c nodes, removing v leaves the separated subtrees and the rest apart.
    const std::uint64_t c = component.size();
    for (NodeId v : component) {
      const std::uint64_t rest = c - 1 - separated[v];
      score[v] = Pairs(c - 1) - part_pairs[v] - Pairs(rest);
    }
  }
  return score;
}

std::vector<KeyPlayer> RankKeyPlayers(const Graph& graph, std::size_t limit) {
  const std::vector<std::uint64_t> score = DisconnectedPairs(graph);
  std::vector<KeyPlayer> ranked;
  for (NodeId v = 0; v < score.size(); ++v) {
    if (score[v] > 0) ranked.push_back({v, score[v]});
  }
  const auto more = [](const KeyPlayer& a, const KeyPlayer& b) {
    return a.disconnected_pairs != b.disconnected_pairs ? a.disconnected_pairs > b.disconnected_pairs
                                                        : a.node < b.node;
  };
  const std::size_t kept = std::min(limit, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(kept),
                    ranked.end(), more);
  ranked.resize(kept);
  return ranked;
}

}  // namespace ordo::graph
