#include "graph/betweenness_centrality.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <random>
#include <thread>

#include "core/assert.h"

namespace ordo::graph {
namespace {

// One thread's Brandes state, reused from source to source.
class BrandesWorker {
 public:
  BrandesWorker(const Graph& graph, Direction direction)
      : graph_(graph),
        direction_(direction),
        score_(graph.NodeCount(), 0),
        hops_(graph.NodeCount(), -1),
        paths_(graph.NodeCount(), 0),
        dependency_(graph.NodeCount(), 0) {
    order_.reserve(graph.NodeCount());
  }

  // Adds the dependencies of every node on paths from `source`.
  void Accumulate(NodeId source) {
    order_.clear();
    order_.push_back(source);
    hops_[source] = 0;
    paths_[source] = 1;
    for (std::size_t next = 0; next < order_.size(); ++next) {
      const NodeId v = order_[next];
      ForEachNeighbour(v, direction_, [&](NodeId w) {
        if (hops_[w] < 0) {
          hops_[w] = hops_[v] + 1;
          order_.push_back(w);
        }
        if (hops_[w] == hops_[v] + 1) paths_[w] += paths_[v];
      });
    }
    // Back from the farthest: each node passes its share to its predecessors, found as the
    // neighbours one hop nearer along the reverse direction.
    const Direction back = direction_ == Direction::kBoth ? Direction::kBoth
                           : direction_ == Direction::kOut ? Direction::kIn
                                                           : Direction::kOut;
    for (std::size_t i = order_.size(); i-- > 1;) {
      const NodeId w = order_[i];
      const double carried = (1 + dependency_[w]) / paths_[w];
      ForEachNeighbour(w, back, [&](NodeId v) {
        if (hops_[v] == hops_[w] - 1) dependency_[v] += paths_[v] * carried;
      });
      score_[w] += dependency_[w];
    }
    for (NodeId v : order_) {
      hops_[v] = -1;
      paths_[v] = 0;
      dependency_[v] = 0;
    }
  }

  const std::vector<double>& score() const { return score_; }

 private:
  template <typename Visit>
  void ForEachNeighbour(NodeId node, Direction direction, Visit&& visit) const {
    if (direction != Direction::kIn) {
      for (NodeId w : graph_.OutTargets(node)) visit(w);
    }
    if (direction != Direction::kOut) {
      for (NodeId w : graph_.InSources(node)) visit(w);
    }
  }

  const Graph& graph_;
  Direction direction_;
  std::vector<double> score_;
  std::vector<std::int32_t> hops_;
  std::vector<double> paths_;       // shortest paths from the source (sigma)
  std::vector<double> dependency_;  // delta
  std::vector<NodeId> order_;       // nodes by hops from the source
};

std::vector<NodeId> ChooseSources(const Graph& graph, const BetweennessOptions& options) {
  const std::size_t n = graph.NodeCount();
  if (!options.sources.empty()) return {options.sources.begin(), options.sources.end()};
  std::vector<NodeId> all(n);
  std::iota(all.begin(), all.end(), NodeId{0});
  if (options.sample_size == 0 || options.sample_size >= n) return all;
  // A partial Fisher-Yates shuffle: the first k are a uniform sample without replacement.
  std::mt19937_64 random(options.seed);
  for (std::size_t i = 0; i < options.sample_size; ++i) {
    std::uniform_int_distribution<std::size_t> pick(i, n - 1);
    std::swap(all[i], all[pick(random)]);
  }
  all.resize(options.sample_size);
  return all;
}

}  // namespace

BetweennessResult Betweenness(const Graph& graph, const BetweennessOptions& options) {
  const std::size_t n = graph.NodeCount();
  BetweennessResult result;
  result.sources = ChooseSources(graph, options);
  for (NodeId source : result.sources) ORDO_ASSERT(source < n, "betweenness source not a node");
  const Direction direction =
      options.direction == Direction::kIn ? Direction::kOut : options.direction;

  // Sources are dealt round-robin so that each thread gets a similar mix.
  const std::size_t threads =
      std::max<std::size_t>(1, std::min(options.threads, result.sources.size()));
  std::vector<BrandesWorker> workers;
  for (std::size_t t = 0; t < threads; ++t) workers.emplace_back(graph, direction);
  std::atomic<std::uint64_t> searched{0};
  auto run = [&](std::size_t t) {
    for (std::size_t i = t; i < result.sources.size(); i += threads) {
      if (options.progress != nullptr) {
        if (options.progress->Cancelled()) break;
        options.progress->Report(searched++, result.sources.size());
      }
      workers[t].Accumulate(result.sources[i]);
    }
  };
  {
    std::vector<std::jthread> helpers;
    for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(run, t);
    run(0);
  }
  result.score.assign(n, 0);
  for (const BrandesWorker& worker : workers) {
    for (std::size_t v = 0; v < n; ++v) result.score[v] += worker.score()[v];
  }

  double scale = direction == Direction::kBoth ? 0.5 : 1.0;
  const bool sampled = options.sources.empty() && options.sample_size > 0 &&
                       options.sample_size < n;
  if (sampled) {
    const auto k = static_cast<double>(result.sources.size());
    const auto nodes = static_cast<double>(n);
    scale *= nodes / k;
    result.error_bound = (direction == Direction::kBoth ? 0.5 : 1.0) * nodes * (nodes - 2) *
                         std::sqrt(std::log(2 * nodes / options.failure_probability) / (2 * k));
  }
  if (scale != 1.0) {
    for (double& score : result.score) score *= scale;
  }
  return result;
}

}  // namespace ordo::graph
