#pragma once
// MaxFlow: the maximum flow and a minimum cut between two vertices of a small directed network with
// real capacities (Dinic's algorithm: breadth-first levels, then blocking flows by depth-first
// search; O(V^2 E)). Used by interdiction planning (analytics/interdiction.h) on route networks of
// tens to thousands of vertices; not meant for the million-vertex entity graph.

#include <cstddef>
#include <limits>
#include <vector>

namespace ordo::graph {

// A capacity that no finite cut reaches: an arc that may not be cut.
inline constexpr double kUnlimited = std::numeric_limits<double>::infinity();

struct MaxFlowResult;
class FlowNetwork;
MaxFlowResult MaxFlow(const FlowNetwork& network, std::size_t source, std::size_t sink);

class FlowNetwork {
 public:
  explicit FlowNetwork(std::size_t vertex_count);

  std::size_t vertex_count() const { return adjacency_.size(); }
  std::size_t arc_count() const { return heads_.size() / 2; }

  // Adds the arc from -> to with `capacity` (>= 0, or kUnlimited) and returns its index (0, 1,
  // ... in the order added). Parallel arcs and self-loops are allowed (a self-loop carries
  // nothing).
  std::size_t AddArc(std::size_t from, std::size_t to, double capacity);

  std::size_t ArcTail(std::size_t arc) const { return heads_[2 * arc + 1]; }
  std::size_t ArcHead(std::size_t arc) const { return heads_[2 * arc]; }
  double ArcCapacity(std::size_t arc) const { return capacities_[2 * arc]; }

 private:
  friend struct MaxFlowSolver;
  friend MaxFlowResult MaxFlow(const FlowNetwork& network, std::size_t source, std::size_t sink);
  // Arc 2k is arc k as added; 2k + 1 is its residual twin. heads_[i] is where arc i points.
  std::vector<std::size_t> heads_;
  std::vector<double> capacities_;
  std::vector<std::vector<std::size_t>> adjacency_;  // arc indices leaving each vertex
};

struct MaxFlowResult {
  double value = 0;                   // kUnlimited when an uncuttable path joins the two
  std::vector<double> arc_flow;       // per arc, in AddArc order
  std::vector<bool> source_side;      // per vertex: reachable from the source in the residual
  std::vector<std::size_t> cut_arcs;  // saturated arcs from the source side to the other side
};

// The maximum flow from `source` to `sink` (distinct, both < vertex_count) and the minimum cut
// nearest the source. Capacities below 1e-12 of the largest finite one count as saturated.
MaxFlowResult MaxFlow(const FlowNetwork& network, std::size_t source, std::size_t sink);

}  // namespace ordo::graph
