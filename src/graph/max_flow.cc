#include "graph/max_flow.h"

#include <algorithm>
#include <cmath>
#include <deque>

#include "core/assert.h"

namespace ordo::graph {

FlowNetwork::FlowNetwork(std::size_t vertex_count) : adjacency_(vertex_count) {}

std::size_t FlowNetwork::AddArc(std::size_t from, std::size_t to, double capacity) {
  ORDO_ASSERT(from < adjacency_.size() && to < adjacency_.size(), "arc end out of range");
  ORDO_ASSERT(capacity >= 0, "negative capacity");
  const std::size_t arc = heads_.size();
  heads_.push_back(to);
  capacities_.push_back(capacity);
  heads_.push_back(from);
  capacities_.push_back(0);
  adjacency_[from].push_back(arc);
  adjacency_[to].push_back(arc + 1);
  return arc / 2;
}

struct MaxFlowSolver {
  MaxFlowSolver(const FlowNetwork& network, std::size_t source, std::size_t sink)
      : net(network),
        s(source),
        t(sink),
        residual(network.capacities_),
        level(network.vertex_count()),
        next(network.vertex_count()) {
    double largest = 0;
    for (double capacity : residual) {
      if (std::isfinite(capacity)) largest = std::max(largest, capacity);
    }
    epsilon = largest * 1e-12;
  }

  bool Levels() {
    std::fill(level.begin(), level.end(), -1);
    std::deque<std::size_t> queue{s};
    level[s] = 0;
    while (!queue.empty()) {
      const std::size_t v = queue.front();
      queue.pop_front();
      for (std::size_t arc : net.adjacency_[v]) {
        const std::size_t w = net.heads_[arc];
        if (level[w] < 0 && residual[arc] > epsilon) {
          level[w] = level[v] + 1;
          queue.push_back(w);
        }
      }
    }
    return level[t] >= 0;
  }

  // Pushes at most `limit` from v towards t along level-increasing arcs. The recursion is as deep
  // as the level of t, at most the vertex count: fine for route networks.
  double Push(std::size_t v, double limit) {
    if (v == t) return limit;
    for (std::size_t& i = next[v]; i < net.adjacency_[v].size(); ++i) {
      const std::size_t arc = net.adjacency_[v][i];
      const std::size_t w = net.heads_[arc];
      if (level[w] != level[v] + 1 || residual[arc] <= epsilon) continue;
      const double pushed = Push(w, std::min(limit, residual[arc]));
      if (pushed > 0) {
        if (std::isfinite(residual[arc])) residual[arc] -= pushed;
        if (std::isfinite(residual[arc ^ 1])) residual[arc ^ 1] += pushed;
        return pushed;
      }
    }
    return 0;
  }

  const FlowNetwork& net;
  std::size_t s;
  std::size_t t;
  std::vector<double> residual;
  std::vector<int> level;
  std::vector<std::size_t> next;
  double epsilon = 0;
};

MaxFlowResult MaxFlow(const FlowNetwork& network, std::size_t source, std::size_t sink) {
  ORDO_ASSERT(source < network.vertex_count() && sink < network.vertex_count(),
              "source or sink out of range");
  ORDO_ASSERT(source != sink, "source equals sink");
  MaxFlowSolver solver(network, source, sink);
  MaxFlowResult result;
  while (solver.Levels()) {
    std::fill(solver.next.begin(), solver.next.end(), 0);
    while (true) {
      const double pushed = solver.Push(source, kUnlimited);
      if (pushed <= 0) break;
      if (std::isinf(pushed)) {
        result.value = kUnlimited;
        break;
      }
      result.value += pushed;
    }
    if (std::isinf(result.value)) break;
  }
  const std::size_t arcs = network.arc_count();
  result.arc_flow.assign(arcs, 0);
  for (std::size_t k = 0; k < arcs; ++k) {
    const double capacity = network.capacities_[2 * k];
    result.arc_flow[k] =
        std::isfinite(capacity) ? capacity - solver.residual[2 * k] : solver.residual[2 * k + 1];
  }
  // The source side: what the final residual network still reaches from the source.
  result.source_side.assign(network.vertex_count(), false);
  std::deque<std::size_t> queue{source};
  result.source_side[source] = true;
  while (!queue.empty()) {
    const std::size_t v = queue.front();
    queue.pop_front();
    for (std::size_t arc : network.adjacency_[v]) {
      const std::size_t w = network.heads_[arc];
      if (!result.source_side[w] && solver.residual[arc] > solver.epsilon) {
        result.source_side[w] = true;
        queue.push_back(w);
      }
    }
  }
  if (std::isfinite(result.value)) {
    for (std::size_t k = 0; k < arcs; ++k) {
      if (result.source_side[network.ArcTail(k)] && !result.source_side[network.ArcHead(k)]) {
        result.cut_arcs.push_back(k);
      }
    }
  }
  return result;
}

}  // namespace ordo::graph
