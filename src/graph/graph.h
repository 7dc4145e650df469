#pragma once
// Graph: the immutable compressed (CSR) typed graph the link-analysis algorithms run on. Nodes are
// dense ids 0..n-1, each with a small type; edges are directed, each with a link type, a validity
// interval in days and an optional weight. GraphBuilder collects edges in any order and builds the
// graph by counting sort in O(n + m). The layout and its bytes per edge are in docs/graph.md.

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <span>
#include <vector>

#include "core/result.h"

namespace ordo::graph {

// A node of a Graph: a dense index 0..NodeCount()-1. The store's entity ids map onto these when a
// graph is built from a snapshot; the mapping lives with the caller.
using NodeId = std::uint32_t;
// An edge of a Graph: its position in the out-adjacency (edges are sorted by source, then target,
// then the order they were added).
using EdgeId = std::uint32_t;
// Small vocabularies of the entity model (person, phone, ...; call, payment, ...); their meaning
// belongs to the caller.
using NodeType = std::uint8_t;
using LinkType = std::uint8_t;
// Days since 1970-01-01 (negative before).
using Day = std::int32_t;

inline constexpr NodeId kNoNode = std::numeric_limits<NodeId>::max();
// The open ends of a validity interval: an edge known since forever / until further notice.
inline constexpr Day kOpenStart = std::numeric_limits<Day>::min();
inline constexpr Day kOpenEnd = std::numeric_limits<Day>::max();

// Which adjacency a traversal follows: the edges leaving a node, those entering it, or both (the
// undirected view, in which a directed edge joins its two ends either way).
enum class Direction : std::uint8_t { kOut, kIn, kBoth };

// A set of node or link types: one bit per possible value. Default: every type.
class TypeSet {
 public:
  TypeSet() { bits_.fill(~std::uint64_t{0}); }
  static TypeSet None() {
    TypeSet set;
    set.bits_.fill(0);
    return set;
  }
  static TypeSet Of(std::initializer_list<std::uint8_t> types) {
    TypeSet set = None();
    for (std::uint8_t type : types) set.Add(type);
    return set;
  }
  void Add(std::uint8_t type) { bits_[type >> 6] |= std::uint64_t{1} << (type & 63); }
  bool Contains(std::uint8_t type) const { return (bits_[type >> 6] >> (type & 63)) & 1; }
  bool ContainsAll() const {
    return (bits_[0] & bits_[1] & bits_[2] & bits_[3]) == ~std::uint64_t{0};
  }

 private:
  std::array<std::uint64_t, 4> bits_;
};

// An edge as the builder takes it.
struct EdgeSpec {
  NodeId source = 0;
  NodeId target = 0;
  LinkType type = 0;
  Day valid_from = kOpenStart;  // first day the link holds, or kOpenStart when unknown
  Day valid_to = kOpenEnd;      // last day the link holds, or kOpenEnd when unknown
  float weight = 1;             // strength of the link (finite, >= 0); 1 when not given
};

// Immutable once built; every const member is safe to call from many threads at once.
class Graph {
 public:
  Graph() = default;

  std::size_t NodeCount() const { return node_types_.size(); }
  std::size_t EdgeCount() const { return targets_.size(); }
  NodeType TypeOf(NodeId node) const { return node_types_[node]; }

  // Edges leaving `node`: ids out_begin..out_end-1, heads OutTargets(node) (sorted ascending).
  EdgeId OutBegin(NodeId node) const { return out_offsets_[node]; }
  EdgeId OutEnd(NodeId node) const { return out_offsets_[node + 1]; }
  std::span<const NodeId> OutTargets(NodeId node) const {
    return {targets_.data() + out_offsets_[node], targets_.data() + out_offsets_[node + 1]};
  }
  // Edges entering `node`: tails InSources(node) (sorted ascending) and the matching edge ids.
  std::span<const NodeId> InSources(NodeId node) const {
    return {sources_.data() + in_offsets_[node], sources_.data() + in_offsets_[node + 1]};
  }
  std::span<const EdgeId> InEdges(NodeId node) const {
    return {in_edges_.data() + in_offsets_[node], in_edges_.data() + in_offsets_[node + 1]};
  }
  std::size_t OutDegree(NodeId node) const { return out_offsets_[node + 1] - out_offsets_[node]; }
  std::size_t InDegree(NodeId node) const { return in_offsets_[node + 1] - in_offsets_[node]; }

  // Per edge id.
  NodeId Target(EdgeId edge) const { return targets_[edge]; }
  NodeId Source(EdgeId edge) const;  // binary search over the offsets: O(log n)
  LinkType LinkTypeOf(EdgeId edge) const { return link_types_[edge]; }
  Day ValidFrom(EdgeId edge) const { return valid_from_[edge]; }
  Day ValidTo(EdgeId edge) const { return valid_to_[edge]; }
  bool ValidOn(EdgeId edge, Day day) const {
    return valid_from_[edge] <= day && day <= valid_to_[edge];
  }
  // 1 for every edge when the graph was built without weights.
  float Weight(EdgeId edge) const { return weights_.empty() ? 1.0f : weights_[edge]; }
  bool HasWeights() const { return !weights_.empty(); }

  // The memory the graph holds (its arrays' sizes, not their capacities) and that figure per edge.
  std::size_t MemoryBytes() const;
  double BytesPerEdge() const;

 private:
  friend class GraphBuilder;

  std::vector<NodeType> node_types_;
  std::vector<EdgeId> out_offsets_;  // n + 1 entries
  std::vector<NodeId> targets_;      // by edge id
  std::vector<LinkType> link_types_;
  std::vector<Day> valid_from_;
  std::vector<Day> valid_to_;
  std::vector<float> weights_;      // empty when every weight is 1
  std::vector<EdgeId> in_offsets_;  // n + 1 entries
  std::vector<NodeId> sources_;     // in-adjacency: tails, grouped by head
  std::vector<EdgeId> in_edges_;    // in-adjacency: the edge id of each entry of sources_
};

// Collects nodes and edges, then builds a Graph. Not thread-safe.
class GraphBuilder {
 public:
  // A graph of `node_count` nodes, all of type 0 until SetNodeType says otherwise.
  explicit GraphBuilder(std::size_t node_count);

  // A node >= node_count makes Build fail.
  void SetNodeType(NodeId node, NodeType type);
  // Parallel edges and self-loops are kept as given. Checked in Build.
  void AddEdge(const EdgeSpec& edge);
  void Reserve(std::size_t edge_count);

  // Builds the graph in O(n + m) and leaves the builder empty. kInvalidArgument when an edge or a
  // SetNodeType names a node >= node_count, has valid_from > valid_to, a negative or non-finite weight, or when there
  // are 2^32 - 1 edges or more.
  Result<Graph> Build();

 private:
  std::vector<NodeType> node_types_;
  std::vector<NodeId> sources_;
  std::vector<NodeId> targets_;
  std::vector<LinkType> link_types_;
  std::vector<Day> valid_from_;
  std::vector<Day> valid_to_;
  std::vector<float> weights_;
  bool weighted_ = false;
  NodeId bad_node_ = kNoNode;  // the first node SetNodeType was given out of range
};

}  // namespace ordo::graph
