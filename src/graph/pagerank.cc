#include "graph/pagerank.h"

#include <algorithm>
#include <atomic>
#include <barrier>
#include <cmath>
#include <cstdint>
#include <thread>

#include "graph/internal/in_ranges.h"
#include "graph/internal/raw_array.h"

namespace ordo::graph {
namespace {

// The graph as PageRank pulls it, in its own node numbering: nodes sorted by how many arcs they
// pass rank along (most first), so that the ranks read most often -- the hubs' -- sit together in
// a few cache lines and the nodes that pass nothing (dangling) come last; among equals by how many
// they pull from (most first, then by id), so that the sweeps meet runs of nodes with the same
// number of arcs and the branches of their loops are predicted. Arc i of node v (in the new
// numbering) brings rank from sources[i]; offsets has n + 1 entries. The sweeps cut the nodes into
// chunks [bounds[c], bounds[c + 1]) with about the same number of arcs each, which the threads
// take in turn.
struct PullGraph {
  std::vector<NodeId> new_id;  // old -> new
  internal::RawArray<std::uint32_t> offsets;
  internal::RawArray<NodeId> sources;  // new ids
  internal::RawArray<float> weights;   // per arc; empty when every weight is 1
  internal::RawArray<double> inverse;  // 1 / the weight a node passes on; 0 for a dangling node
  std::vector<NodeId> bounds;
  // Nodes with no arcs at all come last, from `active` on: every one of them has the same rank,
  // which the sweeps work out once instead of node by node.
  NodeId active = 0;
};

// Cuts the first n nodes into `parts` ranges with about the same number of arcs to pull plus nodes
// to visit each: bound k is the first node where k / parts of that work is done.
std::vector<NodeId> SplitByWork(const internal::RawArray<std::uint32_t>& offsets, NodeId n,
                                std::size_t parts) {
  const double total = static_cast<double>(offsets[n]) + static_cast<double>(n);
  std::vector<NodeId> bounds{0};
  for (std::size_t k = 1; k < parts; ++k) {
    const double share = total * static_cast<double>(k) / static_cast<double>(parts);
    NodeId low = bounds.back();  // the work done before node v is offsets[v] + v
    NodeId high = n;
    while (low < high) {
      const NodeId mid = low + (high - low) / 2;
      if (static_cast<double>(offsets[mid]) + static_cast<double>(mid) < share) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    bounds.push_back(low);
  }
  bounds.push_back(n);
  return bounds;
}

// Chunks of a sweep: enough for the threads to share the work evenly whatever else the machine
// is doing, few enough that taking one costs nothing next to it. Their number depends only on the
// graph, so a power iteration's sums are the same on any number of threads.
std::size_t ChunkCount(NodeId active) {
  constexpr std::size_t kNodesPerChunk = 4096;
  constexpr std::size_t kMostChunks = 256;
  return std::clamp<std::size_t>(active / kNodesPerChunk, 1, kMostChunks);
}

PullGraph MakePullGraph(const Graph& graph, const PageRankOptions& options, std::size_t threads) {
  const std::size_t n = graph.NodeCount();
  const bool along_out = options.direction != Direction::kIn;  // rank flows along out-edges
  const bool along_in = options.direction != Direction::kOut;  // ... or against them
  const bool weighted = options.weighted && graph.HasWeights();
  PullGraph pull;

  // The arcs each node passes rank along and pulls rank from.
  std::vector<std::uint32_t> passes(n);
  std::vector<std::uint32_t> pulls(n);
  std::uint32_t most_passed = 0;
  std::uint32_t most_pulled = 0;
  NodeId isolated = 0;
  for (NodeId v = 0; v < n; ++v) {
    passes[v] = static_cast<std::uint32_t>((along_out ? graph.OutDegree(v) : 0) +
                                           (along_in ? graph.InDegree(v) : 0));
    pulls[v] = static_cast<std::uint32_t>((along_out ? graph.InDegree(v) : 0) +
                                          (along_in ? graph.OutDegree(v) : 0));
    most_passed = std::max(most_passed, passes[v]);
    most_pulled = std::max(most_pulled, pulls[v]);
    isolated += passes[v] == 0 && pulls[v] == 0;
  }
  // Two counting sorts, both descending: by arcs pulled, then (stable) by arcs passed.
  std::vector<NodeId> by_pulls(n);
  {
    std::vector<std::uint32_t> start(std::size_t{most_pulled} + 2, 0);
    for (NodeId v = 0; v < n; ++v) ++start[most_pulled - pulls[v] + 1];
    for (std::size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
    for (NodeId v = 0; v < n; ++v) by_pulls[start[most_pulled - pulls[v]]++] = v;
  }
  std::vector<NodeId> old_id(n);
  std::vector<NodeId>& new_id = pull.new_id;
  new_id.resize(n);
  {
    std::vector<std::uint32_t> start(std::size_t{most_passed} + 2, 0);
    for (NodeId v = 0; v < n; ++v) ++start[most_passed - passes[v] + 1];
    for (std::size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
    for (const NodeId v : by_pulls) {
      const NodeId id = start[most_passed - passes[v]]++;
      new_id[v] = id;
      old_id[id] = v;
    }
  }

  pull.offsets = internal::RawArray<std::uint32_t>(n + 1);
  pull.offsets[0] = 0;
  for (NodeId id = 0; id < n; ++id) pull.offsets[id + 1] = pull.offsets[id] + pulls[old_id[id]];
  pull.active = static_cast<NodeId>(n - isolated);
  pull.bounds = SplitByWork(pull.offsets, pull.active, ChunkCount(pull.active));

  // The arcs into each node, in the new numbering: each thread reads a range of the graph's nodes
  // front to back and writes each node's arcs where its new number puts them.
  pull.sources = internal::RawArray<NodeId>(pull.offsets[n]);
  if (weighted) pull.weights = internal::RawArray<float>(pull.offsets[n]);
  pull.inverse = internal::RawArray<double>(n);
  internal::InRanges(n, threads, [&](std::size_t from, std::size_t to) {
    for (auto v = static_cast<NodeId>(from); v < to; ++v) {
      const NodeId id = new_id[v];
      std::uint32_t at = pull.offsets[id];
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
      pull.inverse[id] = total > 0 ? 1.0 / total : 0.0;
    }
  });
  return pull;
}

}  // namespace

PageRankResult PageRank(const Graph& graph, const PageRankOptions& options) {
  const std::size_t n = graph.NodeCount();
  PageRankResult result;
  if (n == 0) return result;
  const double d = options.damping;
  const double uniform = 1.0 / static_cast<double>(n);
  const PullGraph pull = MakePullGraph(graph, options, std::max<std::size_t>(1, options.threads));
  const std::vector<NodeId>& bounds = pull.bounds;
  const std::size_t chunks = bounds.size() - 1;
  const std::size_t threads = std::clamp<std::size_t>(options.threads, 1, chunks);

  // Ranks in the pull numbering. share[u] = rank[u] / (what u passes on): what u passes along one
  // unit of weight, held as a float (the pull reads it at random, and half the bytes keep more of
  // it in cache); every sum is a double.
  internal::RawArray<double> rank(n);
  internal::RawArray<double> next(n);  // written by each power iteration before it is read
  internal::RawArray<float> share(n);
  double dangling = 0;
  for (NodeId u = 0; u < n; ++u) {
    rank[u] = uniform;
    share[u] = static_cast<float>(uniform * pull.inverse[u]);
    if (pull.inverse[u] == 0) dangling += uniform;
  }
  const std::uint32_t* offsets = pull.offsets.data();
  const NodeId* sources = pull.sources.data();
  const float* weights = pull.weights.empty() ? nullptr : pull.weights.data();

  // Per chunk and iteration: the sum of its next ranks, its L1 change and its dangling rank. The
  // serial steps add them up in chunk order.
  struct alignas(64) ChunkSums {
    double sum = 0;
    double change = 0;
    double dangling = 0;
  };
  std::vector<ChunkSums> sums(chunks);
  double base = 0;
  double scale = 1;
  // The ranks are held unnormalised between Gauss-Seidel sweeps: rank / held is the normalised
  // one. A sweep's nodes all read and write in that same scale.
  double held = 1;
  double unheld = 1;
  const double isolated = static_cast<double>(n - pull.active);
  double isolated_rank = uniform;  // the rank of each node from pull.active on, held as above
  bool done = false;
  double first_change = 0;  // for progress
  // The shares are floats (a relative error of 2^-24 each), so one step's L1 change cannot be
  // expected to fall much below d * 2^-24 (about 5e-8) on a large graph (after_finish).
  constexpr double kRoundingFloor = 1e-7;
  constexpr int kStalled = 5;
  double smallest_change = kRoundingFloor;
  int stalled = 0;
  double last_change = 0;  // the change of the step before
  // The sweeps are Gauss-Seidel's: a node's new share is read by the nodes after it in the same
  // sweep, which converges in fewer sweeps (14 against 21 on the benchmark's R-MAT graph). On
  // several threads a chunk also reads the new shares of chunks that other threads are sweeping,
  // as they come (so the last digits can differ from run to run). Its change bounds no error, so
  // once it falls below the tolerance the sweeps go on as power iterations (Jacobi, whose sums
  // are the same on any thread count) until one of those does too: the result is then within
  // tolerance * d / (1 - d) of the fixed point in L1, as plain power iteration's.
  bool gauss_seidel = true;
  // A share another thread may be writing in the same sweep: relaxed atomic access (a plain load
  // or store on x86).
  float* const shares = share.data();
  auto load = [shares](NodeId u) {
    return std::atomic_ref<float>(shares[u]).load(std::memory_order_relaxed);
  };

  // What node v pulls: the shares of its sources, weighted. Four accumulators, so that the adds do
  // not wait on each other.
  auto gather = [&](NodeId v) {
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
    return (a0 + a1) + (a2 + a3);
  };
  double* const ranks = rank.data();
  double* const nexts = next.data();
  const double* const inverse = pull.inverse.data();
  // One sweep over the chunk's nodes. A Gauss-Seidel sweep is whole in one pass: it passes each new
  // rank on at once and measures its change and dangling rank as it goes, unnormalised (the
  // equations it solves keep the sum at 1; the power iterations after it renormalise). A power
  // iteration only pulls next[v] and sums it here; finish_chunk does the rest.
  auto pull_chunk = [&](std::size_t chunk) {
    const NodeId first = bounds[chunk];
    const NodeId last = bounds[chunk + 1];
    const double b = base;
    if (gauss_seidel) {
      double sum = 0;
      double change = 0;
      double lost = 0;
      for (NodeId v = first; v < last; ++v) {
        const double r = b + d * gather(v);
        const double inv = inverse[v];
        change += std::fabs(r - ranks[v]);
        ranks[v] = r;
        std::atomic_ref<float>(shares[v]).store(static_cast<float>(r * inv),
                                                std::memory_order_relaxed);
        lost += inv == 0 ? r : 0;
        sum += r;
      }
      sums[chunk].sum = sum;
      sums[chunk].change = change;
      sums[chunk].dangling = lost;
      return;
    }
    double sum = 0;
    for (NodeId v = first; v < last; ++v) {
      const double r = b + d * gather(v);
      nexts[v] = r;
      sum += r;
    }
    sums[chunk].sum = sum;
  };
  // After a power iteration's pull: renormalises the chunk's next ranks against rounding drift,
  // measures the step and prepares the next one's shares.
  auto finish_chunk = [&](std::size_t chunk) {
    double change = 0;
    double lost = 0;
    for (NodeId v = bounds[chunk]; v < bounds[chunk + 1]; ++v) {
      const double r = nexts[v] * scale;
      change += std::fabs(r - ranks[v] * unheld);
      ranks[v] = r;
      shares[v] = static_cast<float>(r * inverse[v]);
      lost += inverse[v] == 0 ? r : 0;
    }
    sums[chunk].change = change;
    sums[chunk].dangling = lost;
  };
  // The serial steps between the phases of an iteration.
  auto before_pull = [&] { base = held * (1 - d) * uniform + d * dangling * uniform; };
  auto before_finish = [&] {
    if (gauss_seidel) return;
    double sum = isolated * base;
    for (const ChunkSums& s : sums) sum += s.sum;
    scale = 1 / sum;
  };
  auto after_finish = [&] {
    double change = 0;
    dangling = 0;
    double sum = 0;
    for (const ChunkSums& s : sums) {
      change += s.change;
      dangling += s.dangling;
      sum += s.sum;
    }
    if (gauss_seidel) {
      change += isolated * std::fabs(base - isolated_rank);
      isolated_rank = base;
      dangling += isolated * base;
      sum += isolated * base;
      change *= unheld;
      held = sum;
    } else {
      const double r = base * scale;
      change += isolated * std::fabs(r - isolated_rank * unheld);
      isolated_rank = r;
      dangling += isolated * r;
      held = 1;
    }
    unheld = 1 / held;
    ++result.iterations;
    // Below kRoundingFloor the change is mostly the floats' rounding, and on a large graph it can
    // stop shrinking before it reaches a small tolerance: a phase also ends once the change has
    // not halved for kStalled steps.
    bool phase_over = change < options.tolerance;
    // The Gauss-Seidel sweeps also end one early, when the next one is bound to bring the change
    // under the tolerance at their present rate: the power iteration that follows measures the
    // error either way, and its change was 0.24 and 0.31 of the last sweep's on the benchmark's
    // two graphs (13 sweeps instead of 14 on R-MAT, 15 instead of 16 on the planted graph; the
    // final step was 7.3e-8 and 4.1e-8 against the tolerance of 1e-7). Should it miss, the power
    // iterations go on until one passes.
    if (gauss_seidel && last_change > 0 && change * (change / last_change) < options.tolerance) {
      phase_over = true;
    }
    last_change = change;
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

  if (threads == 1) {
    while (!done) {
      before_pull();
      for (std::size_t chunk = 0; chunk < chunks; ++chunk) pull_chunk(chunk);
      before_finish();
      if (!gauss_seidel) {
        for (std::size_t chunk = 0; chunk < chunks; ++chunk) finish_chunk(chunk);
      }
      after_finish();
      if (result.iterations >= options.max_iterations) done = true;
    }
  } else {
    // Every thread runs the same iterations, taking the phase's chunks in turn from `cursor`, so
    // that a thread the machine holds up leaves its share to the others; the barrier's completion
    // step (run by one thread while the others wait) does the serial steps between the phases.
    std::atomic<std::size_t> cursor{0};
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
      cursor.store(0, std::memory_order_relaxed);
      at_pull = !at_pull;
    };
    std::barrier sync(static_cast<std::ptrdiff_t>(threads), completion);
    auto work = [&] {
      for (;;) {
        sync.arrive_and_wait();
        if (done) return;
        for (std::size_t c; (c = cursor.fetch_add(1, std::memory_order_relaxed)) < chunks;) {
          pull_chunk(c);
        }
        sync.arrive_and_wait();
        if (gauss_seidel) continue;
        for (std::size_t c; (c = cursor.fetch_add(1, std::memory_order_relaxed)) < chunks;) {
          finish_chunk(c);
        }
      }
    };
    std::vector<std::jthread> helpers;
    for (std::size_t thread = 1; thread < threads; ++thread) helpers.emplace_back(work);
    work();
  }  // the helpers join here

  if (options.progress != nullptr && !options.progress->Cancelled()) options.progress->Report(1, 1);
  result.rank.resize(n);
  internal::InRanges(n, threads, [&](std::size_t from, std::size_t to) {
    for (std::size_t v = from; v < to; ++v) {
      const NodeId id = pull.new_id[v];
      result.rank[v] = (id < pull.active ? rank[id] : isolated_rank) * unheld;
    }
  });
  return result;
}

}  // namespace ordo::graph
