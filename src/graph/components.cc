#include "graph/components.h"

namespace ordo::graph {
namespace {

// Union-find whose roots are always the lowest node of their set (union by index): with path
// halving this is near-linear, and the root order gives igraph's component numbering directly.
NodeId FindRoot(std::vector<NodeId>& parent, NodeId node) {
  while (parent[node] != node) {
    parent[node] = parent[parent[node]];
    node = parent[node];
  }
  return node;
}

}  // namespace

ComponentLabels FindConnectedComponents(const Graph& graph) {
  const std::size_t n = graph.NodeCount();
  std::vector<NodeId> parent(n);
  for (std::size_t v = 0; v < n; ++v) parent[v] = static_cast<NodeId>(v);
  for (NodeId source = 0; source < n; ++source) {
    // The source's root, kept up to date across its edges instead of found again for each.
    NodeId source_root = FindRoot(parent, source);
    for (NodeId target : graph.OutTargets(source)) {
      const NodeId target_root = FindRoot(parent, target);
      if (target_root == source_root) continue;
      if (source_root < target_root) {
        parent[target_root] = source_root;
      } else {
        parent[source_root] = target_root;
        source_root = target_root;
      }
    }
  }

  ComponentLabels labels;
  labels.component.resize(n);
  for (std::size_t v = 0; v < n; ++v) {
    // A root is the lowest node of its set, so it comes before every other member.
    const NodeId root = FindRoot(parent, static_cast<NodeId>(v));
    if (root == v) {
      labels.component[v] = static_cast<std::uint32_t>(labels.sizes.size());
      labels.sizes.push_back(0);
    } else {
      labels.component[v] = labels.component[root];
    }
    ++labels.sizes[labels.component[v]];
  }
  return labels;
}

}  // namespace ordo::graph
