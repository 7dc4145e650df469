#include "graph/graph.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace ordo::graph {
namespace {

// Stable counting sort of the positions 0..keys.size()-1 by key (< key_count): returns the
// positions in key order and fills `offsets` (key_count + 1 entries) with where each key starts.
// `order` gives the positions in the order to place them (stability is relative to it).
std::vector<EdgeId> CountingSort(const std::vector<NodeId>& keys, std::size_t key_count,
                                 const std::vector<EdgeId>& order, std::vector<EdgeId>& offsets) {
  offsets.assign(key_count + 1, 0);
  for (NodeId key : keys) ++offsets[key + 1];
  for (std::size_t k = 0; k < key_count; ++k) offsets[k + 1] += offsets[k];
  std::vector<EdgeId> next(offsets.begin(), offsets.end() - 1);
  std::vector<EdgeId> sorted(keys.size());
  for (EdgeId position : order) sorted[next[keys[position]]++] = position;
  return sorted;
}

template <typename T>
std::vector<T> Permute(const std::vector<T>& values, const std::vector<EdgeId>& order) {
  std::vector<T> result(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) result[i] = values[order[i]];
  return result;
}

template <typename T>
std::size_t BytesOf(const std::vector<T>& values) {
  return values.size() * sizeof(T);
}

}  // namespace

NodeId Graph::Source(EdgeId edge) const {
  // The last node whose first edge is <= edge.
  const auto after = std::upper_bound(out_offsets_.begin(), out_offsets_.end(), edge);
  return static_cast<NodeId>(after - out_offsets_.begin() - 1);
}

std::size_t Graph::MemoryBytes() const {
  return BytesOf(node_types_) + BytesOf(out_offsets_) + BytesOf(targets_) + BytesOf(link_types_) +
         BytesOf(valid_from_) + BytesOf(valid_to_) + BytesOf(weights_) + BytesOf(in_offsets_) +
         BytesOf(sources_) + BytesOf(in_edges_);
}

double Graph::BytesPerEdge() const {
  if (EdgeCount() == 0) return 0;
  return static_cast<double>(MemoryBytes()) / static_cast<double>(EdgeCount());
}

GraphBuilder::GraphBuilder(std::size_t node_count) : node_types_(node_count, 0) {}

void GraphBuilder::SetNodeType(NodeId node, NodeType type) {
  if (node < node_types_.size()) {
    node_types_[node] = type;
  } else if (bad_node_ == kNoNode) {
    bad_node_ = node;
  }
}

void GraphBuilder::AddEdge(const EdgeSpec& edge) {
  sources_.push_back(edge.source);
  targets_.push_back(edge.target);
  link_types_.push_back(edge.type);
  valid_from_.push_back(edge.valid_from);
  valid_to_.push_back(edge.valid_to);
  weights_.push_back(edge.weight);
  if (edge.weight != 1.0f) weighted_ = true;
}

void GraphBuilder::Reserve(std::size_t edge_count) {
  sources_.reserve(edge_count);
  targets_.reserve(edge_count);
  link_types_.reserve(edge_count);
  valid_from_.reserve(edge_count);
  valid_to_.reserve(edge_count);
  weights_.reserve(edge_count);
}

Result<Graph> GraphBuilder::Build() {
  const std::size_t n = node_types_.size();
  const std::size_t m = sources_.size();
  if (n >= kNoNode) return InvalidArgument("graph: too many nodes (" + std::to_string(n) + ")");
  if (m >= std::numeric_limits<EdgeId>::max()) {
    return InvalidArgument("graph: too many edges (" + std::to_string(m) + ")");
  }
  if (bad_node_ != kNoNode) {
    return InvalidArgument("graph: a type was given to node " + std::to_string(bad_node_) +
                           " of " + std::to_string(n));
  }
  for (std::size_t i = 0; i < m; ++i) {
    if (sources_[i] >= n || targets_[i] >= n) {
      return InvalidArgument("graph: edge " + std::to_string(i) + " names node " +
                             std::to_string(std::max(sources_[i], targets_[i])) + " of " +
                             std::to_string(n));
    }
    if (valid_from_[i] > valid_to_[i]) {
      return InvalidArgument("graph: edge " + std::to_string(i) + " ends before it starts");
    }
    if (!std::isfinite(weights_[i]) || weights_[i] < 0) {
      return InvalidArgument("graph: edge " + std::to_string(i) + " has a weight that is " +
                             "negative or not finite");
    }
  }

  // Two stable counting sorts (by target, then by source) order the edges by (source, target,
  // insertion), so that the graph does not depend on the order edges were added in.
  std::vector<EdgeId> insertion(m);
  for (std::size_t i = 0; i < m; ++i) insertion[i] = static_cast<EdgeId>(i);
  Graph graph;
  std::vector<EdgeId> by_target = CountingSort(targets_, n, insertion, graph.in_offsets_);
  const std::vector<EdgeId> order = CountingSort(sources_, n, by_target, graph.out_offsets_);
  by_target = {};

  graph.targets_ = Permute(targets_, order);
  graph.link_types_ = Permute(link_types_, order);
  graph.valid_from_ = Permute(valid_from_, order);
  graph.valid_to_ = Permute(valid_to_, order);
  if (weighted_) graph.weights_ = Permute(weights_, order);
  std::vector<NodeId> sorted_sources = Permute(sources_, order);

  // The in-adjacency: edge ids grouped by target; scanning ids in order keeps each group sorted by
  // source.
  std::vector<EdgeId> edge_ids(m);
  for (std::size_t i = 0; i < m; ++i) edge_ids[i] = static_cast<EdgeId>(i);
  graph.in_edges_ = CountingSort(graph.targets_, n, edge_ids, graph.in_offsets_);
  graph.sources_ = Permute(sorted_sources, graph.in_edges_);
  graph.node_types_ = std::move(node_types_);

  *this = GraphBuilder(0);
  return graph;
}

}  // namespace ordo::graph
