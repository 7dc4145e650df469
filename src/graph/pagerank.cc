#include "graph/pagerank.h"

#include <algorithm>
#include <atomic>
#include <barrier>
#include <cmath>
#include <cstdint>
#include <thread>

#include "graph/internal/in_ranges.h"

namespace ordo::graph {
namespace {

// The graph as PageRank pulls it, in its own node numbering: nodes sorted by how many arcs they
// pass rank along (most first, ties by id), so that the ranks read most often -- the hubs' -- sit
// together in a few cache lines and the nodes that pass nothing (dangling) come last. Arc i of
// node v (in the new numbering) brings rank from sources[i]; offsets has n + 1 entries.
struct PullGraph {
  std::vector<NodeId> old_id;   // new -> old
  std::vector<std::uint32_t> offsets;
  std::vector<NodeId> sources;  // new ids
  std::vector<float> weights;   // per arc; empty when every weight is 1
  std::vector<double> inverse;  // 1 / the weight a node passes on; 0 for a dangling node
};

PullGraph MakePullGraph(const Graph& graph, const PageRankOptions& options, std::size_t threads) {
  const std::size_t n = graph.NodeCount();
  const bool along_out = options.direction != Direction::kIn;  // rank flows along out-edges
  const bool along_in = options.direction != Direction::kOut;  // ... or against them
  const bool weighted = options.weighted && graph.HasWeights();
  PullGraph pull;

  // Arcs each node passes rank along, then a counting sort by that number, descending.
  std::vector<std::uint32_t> passes(n, 0);
  std::uint32_t most = 0;
  for (NodeId v = 0; v < n; ++v) {
    passes[v] = static_cast<std::uint32_t>((along_out ? graph.OutDegree(v) : 0) +
                                           (along_in ? graph.InDegree(v) : 0));
    most = std::max(most, passes[v]);
  }
  std::vector<std::uint32_t> start(std::size_t{most} + 2, 0);
  for (NodeId v = 0; v < n; ++v) ++start[most - passes[v] + 1];
  for (std::size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
  pull.old_id.resize(n);
  std::vector<NodeId> new_id(n);
  for (NodeId v = 0; v < n; ++v) {
    const NodeId id = start[most - passes[v]]++;
    new_id[v] = id;
    pull.old_id[id] = v;
  }

  // The arcs into each node, in the new numbering: read in the old order (the graph's arrays
  // front to back, each thread a range), each node's arcs written where its new number puts them.
  pull.offsets.assign(n + 1, 0);
  for (NodeId v = 0; v < n; ++v) {
    pull.offsets[new_id[v] + 1] = static_cast<std::uint32_t>(
        (along_out ? graph.InDegree(v) : 0) + (along_in ? graph.OutDegree(v) : 0));
  }
  for (std::size_t id = 0; id < n; ++id) pull.offsets[id + 1] += pull.offsets[id];
  pull.sources.resize(pull.offsets[n]);
  if (weighted) pull.weights.resize(pull.offsets[n]);
  pull.inverse.resize(n);
  internal::InRanges(n, threads, [&](std::size_t from, std::size_t to) {
    for (auto v = static_cast<NodeId>(from); v < to; ++v) {
      std::uint32_t at = pull.offsets[new_id[v]];
      double passed = 0;  // the weight v passes on
      if (along_out) {
        const auto sources = graph.InSources(v);
        const auto edges = graph.InEdges(v);
        for (std::size_t i = 0; i < sources.size(); ++i, ++at) {
          pull.sources[at] = new_id[sources[i]];
          if (weighted) pull.weights[at] = graph.Weight(edges[i]);
        }
        if (weighted) {
          for (EdgeId edge = graph.OutBegin(v); edge < graph.OutEnd(v); ++edge) {
            passed += graph.Weight(edge);
          }
        }
      }
      if (along_in) {
        for (EdgeId edge = graph.OutBegin(v); edge < graph.OutEnd(v); ++edge, ++at) {
          pull.sources[at] = new_id[graph.Target(edge)];
          if (weighted) pull.weights[at] = graph.Weight(edge);
        }
        if (weighted) {
          for (EdgeId edge : graph.InEdges(v)) passed += graph.Weight(edge);
        }
      }
      const double total = weighted ? passed : static_cast<double>(passes[v]);
      pull.inverse[new_id[v]] = total > 0 ? 1.0 / total : 0.0;
    }
  });
  return pull;
}

// Splits the nodes into `parts` ranges with about the same number of arcs to pull (range p is
// [bounds[p], bounds[p + 1])).
std::vector<NodeId> SplitByWork(const PullGraph& pull, std::size_t parts) {
  const std::size_t n = pull.inverse.size();
  const double total = static_cast<double>(pull.offsets[n]) + static_cast<double>(n);
  std::vector<NodeId> bounds{0};
  for (NodeId v = 0; v < n && bounds.size() < parts; ++v) {
    const double done = static_cast<double>(pull.offsets[v + 1]) + static_cast<double>(v + 1);
    if (done * static_cast<double>(parts) >= total * static_cast<double>(bounds.size())) {
      bounds.push_back(v + 1);
    }
  }
  while (bounds.size() <= parts) bounds.push_back(static_cast<NodeId>(n));
  return bounds;
}

}  // namespace

PageRankResult PageRank(const Graph& graph, const PageRankOptions& options) {
  const std::size_t n = graph.NodeCount();
  PageRankResult result;
  if (n == 0) return result;
  const double d = options.damping;
  const double uniform = 1.0 / static_cast<double>(n);
  const std::size_t parts = std::max<std::size_t>(1, std::min<std::size_t>(options.threads, n));
  const PullGraph pull = MakePullGraph(graph, options, parts);
  const std::vector<NodeId> bounds = SplitByWork(pull, parts);

  // Ranks in the pull numbering. share[u] = rank[u] / (what u passes on): what u passes along one
  // unit of weight, held as a float (the pull reads it at random, and half the bytes keep more of
  // it in cache); every sum is a double.
  std::vector<double> rank(n, uniform);
  std::vector<double> next(n, 0);
  std::vector<float> share(n);
  double dangling = 0;
  for (NodeId u = 0; u < n; ++u) {
    share[u] = static_cast<float>(uniform * pull.inverse[u]);
    if (pull.inverse[u] == 0) dangling += uniform;
  }
  const std::uint32_t* offsets = pull.offsets.data();
  const NodeId* sources = pull.sources.data();
  const float* weights = pull.weights.empty() ? nullptr : pull.weights.data();

  // Per part and iteration: the sum of its next ranks, then its L1 change and dangling rank.
  struct alignas(64) PartSums {
    double sum = 0;
    double change = 0;
    double dangling = 0;
  };
  std::vector<PartSums> sums(parts);
  double base = 0;
  double scale = 1;
  bool done = false;
  double first_change = 0;  // for progress
  // The shares are floats (a relative error of 2^-24 each), so one step's L1 change cannot be
  // expected to fall much below d * 2^-24 (about 5e-8) on a large graph (after_finish).
  constexpr double kRoundingFloor = 1e-7;
  constexpr int kStalled = 5;
  double smallest_change = kRoundingFloor;
  int stalled = 0;
  // The sweeps are Gauss-Seidel's: a node's new share is read by the nodes after it in the same
  // sweep, which converges in fewer sweeps (15 against 21 on the benchmark's R-MAT graph). On
  // several threads each part's sweep also reads the other parts' new shares as they come (so the
  // last digits can differ from run to run). Its change bounds no error, so once it falls below
  // the tolerance the sweeps go on as power iterations (Jacobi, the same on any thread count)
  // until one of those does too: the result is then within tolerance * d / (1 - d) of the fixed
  // point in L1, as plain power iteration's.
  bool gauss_seidel = true;
  // A share another thread may be writing in the same sweep: relaxed atomic access (a plain load
  // or store on x86).
  auto load = [&](NodeId u) {
    return std::atomic_ref<float>(share[u]).load(std::memory_order_relaxed);
  };

  // Pulls next[v] for the part's nodes. Four accumulators: the adds do not wait on each other.
  // A Gauss-Seidel sweep passes the new rank on at once (unnormalised until the sweep ends).
  auto pull_part = [&](std::size_t part) {
    double sum = 0;
    for (NodeId v = bounds[part]; v < bounds[part + 1]; ++v) {
      std::uint32_t i = offsets[v];
      const std::uint32_t end = offsets[v + 1];
      double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
      if (weights == nullptr) {
        for (; i + 4 <= end; i += 4) {
          a0 += load(sources[i]);
          a1 += load(sources[i + 1]);
          a2 += load(sources[i + 2]);
          a3 += load(sources[i + 3]);
        }
        for (; i < end; ++i) a0 += load(sources[i]);
      } else {
        for (; i < end; ++i) a0 += static_cast<double>(load(sources[i])) * weights[i];
      }
      next[v] = base + d * ((a0 + a1) + (a2 + a3));
      if (gauss_seidel) {
        std::atomic_ref<float>(share[v]).store(static_cast<float>(next[v] * pull.inverse[v]),
                                               std::memory_order_relaxed);
      }
      sum += next[v];
    }
    sums[part].sum = sum;
  };
  // Renormalises the part's next ranks against rounding drift, measures the step and prepares the
  // next one's shares.
  auto finish_part = [&](std::size_t part) {
    double change = 0;
    double lost = 0;
    for (NodeId v = bounds[part]; v < bounds[part + 1]; ++v) {
      const double r = next[v] * scale;
      change += std::fabs(r - rank[v]);
      rank[v] = r;
      share[v] = static_cast<float>(r * pull.inverse[v]);
      lost += pull.inverse[v] == 0 ? r : 0;
    }
    sums[part].change = change;
    sums[part].dangling = lost;
  };
  // The serial steps between the phases of an iteration.
  auto before_pull = [&] { base = (1 - d) * uniform + d * dangling * uniform; };
  auto before_finish = [&] {
    double sum = 0;
    for (const PartSums& s : sums) sum += s.sum;
    scale = 1 / sum;
  };
  auto after_finish = [&] {
    double change = 0;
    dangling = 0;
    for (const PartSums& s : sums) {
      change += s.change;
      dangling += s.dangling;
    }
    ++result.iterations;
    // Below kRoundingFloor the change is mostly the floats' rounding, and on a large graph it can
    // stop shrinking before it reaches a small tolerance: a phase also ends once the change has
    // not halved for kStalled steps.
    bool phase_over = change < options.tolerance;
    if (!phase_over && change < kRoundingFloor) {
      if (change < smallest_change / 2) {
        smallest_change = change;
        stalled = 0;
      } else {
        phase_over = ++stalled >= kStalled;
      }
    }
    if (phase_over) {
      if (gauss_seidel) {
        gauss_seidel = false;
        smallest_change = kRoundingFloor;
        stalled = 0;
      } else {
        done = true;
      }
    }
    if (options.progress != nullptr) {  // graph/progress.h: the change shrinks geometrically
      if (result.iterations == 1) first_change = change;
      const double span = std::log(first_change / options.tolerance);
      const double part = span > 0 && change > 0 ? std::log(first_change / change) / span : 1.0;
      options.progress->Report(static_cast<std::uint64_t>(std::clamp(part, 0.0, 1.0) * 1000), 1000);
      if (options.progress->Cancelled()) done = true;
    }
  };
  if (options.max_iterations == 0) done = true;
  if (options.progress != nullptr && options.progress->Cancelled()) done = true;

  if (parts == 1) {
    while (!done) {
      before_pull();
      pull_part(0);
      before_finish();
      finish_part(0);
      after_finish();
      if (result.iterations >= options.max_iterations) done = true;
    }
  } else {
    // Every thread runs the same iterations over its own part; the barrier's completion step
    // (run by one thread while the others wait) does the serial steps between the phases.
    bool at_pull = true;
    bool started = false;
    auto completion = [&]() noexcept {
      if (at_pull) {
        if (started) after_finish();
        started = true;
        if (result.iterations >= options.max_iterations) done = true;
        if (!done) before_pull();
      } else {
        before_finish();
      }
      at_pull = !at_pull;
    };
    std::barrier sync(static_cast<std::ptrdiff_t>(parts), completion);
    auto work = [&](std::size_t part) {
      for (;;) {
        sync.arrive_and_wait();
        if (done) return;
        pull_part(part);
        sync.arrive_and_wait();
        finish_part(part);
      }
    };
    std::vector<std::jthread> helpers;
    for (std::size_t part = 1; part < parts; ++part) helpers.emplace_back(work, part);
    work(0);
  }  // the helpers join here

  if (options.progress != nullptr && !options.progress->Cancelled()) options.progress->Report(1, 1);
  result.rank.resize(n);
  for (NodeId id = 0; id < n; ++id) result.rank[pull.old_id[id]] = rank[id];
  return result;
}

}  // namespace ordo::graph
