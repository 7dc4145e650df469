#include "graph/pagerank.h"

#include <cmath>

namespace ordo::graph {
namespace {

// The total weight each node passes on: its out-edges (kOut), in-edges (kIn) or both (kBoth).
std::vector<double> OutgoingWeight(const Graph& graph, const PageRankOptions& options) {
  const std::size_t n = graph.NodeCount();
  std::vector<double> total(n, 0);
  for (NodeId v = 0; v < n; ++v) {
    if (options.direction != Direction::kIn) {
      for (EdgeId edge = graph.OutBegin(v); edge < graph.OutEnd(v); ++edge) {
        total[v] += options.weighted ? graph.Weight(edge) : 1.0;
      }
    }
    if (options.direction != Direction::kOut) {
      for (EdgeId edge : graph.InEdges(v)) total[v] += options.weighted ? graph.Weight(edge) : 1.0;
    }
  }
  return total;
}

}  // namespace

PageRankResult PageRank(const Graph& graph, const PageRankOptions& options) {
  const std::size_t n = graph.NodeCount();
  PageRankResult result;
  if (n == 0) return result;
  const double d = options.damping;
  const double uniform = 1.0 / static_cast<double>(n);
  const std::vector<double> outgoing = OutgoingWeight(graph, options);
  const bool pull_in = options.direction != Direction::kIn;    // rank arrives along in-edges
  const bool pull_out = options.direction != Direction::kOut;  // rank arrives along out-edges
  const bool unit_weights = !options.weighted || !graph.HasWeights();

  std::vector<double> rank(n, uniform);
  std::vector<double> share(n);  // rank[u] / outgoing[u]: what u passes along one unit of weight
  std::vector<double> next(n);
  for (result.iterations = 0; result.iterations < options.max_iterations; ++result.iterations) {
    double dangling = 0;
    for (std::size_t u = 0; u < n; ++u) {
      if (outgoing[u] > 0) {
        share[u] = rank[u] / outgoing[u];
      } else {
        share[u] = 0;
        dangling += rank[u];
      }
    }
    const double base = (1 - d) * uniform + d * dangling * uniform;
    double change = 0;
    double sum = 0;
    for (NodeId v = 0; v < n; ++v) {
      double incoming = 0;
      if (pull_in) {
        const auto sources = graph.InSources(v);
        if (unit_weights) {
          for (NodeId u : sources) incoming += share[u];
        } else {
          const auto edges = graph.InEdges(v);
          for (std::size_t i = 0; i < sources.size(); ++i) {
            incoming += share[sources[i]] * graph.Weight(edges[i]);
          }
        }
      }
      if (pull_out) {
        for (EdgeId edge = graph.OutBegin(v); edge < graph.OutEnd(v); ++edge) {
          incoming += share[graph.Target(edge)] * (unit_weights ? 1.0 : graph.Weight(edge));
        }
      }
      next[v] = base + d * incoming;
      sum += next[v];
    }
    // Renormalise against rounding drift, then measure the step.
    for (std::size_t v = 0; v < n; ++v) {
      next[v] /= sum;
      change += std::fabs(next[v] - rank[v]);
    }
    rank.swap(next);
    if (change < options.tolerance) {
      ++result.iterations;
      break;
    }
  }
  result.rank = std::move(rank);
  return result;
}

}  // namespace ordo::graph
