#include "graph/louvain.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <numeric>
#include <random>
#include <thread>

#include "graph/internal/in_ranges.h"
#include "graph/internal/raw_array.h"
#include "graph/internal/spin_barrier.h"
#include "graph/internal/visiting_order.h"

namespace ordo::graph {
namespace {

// The graph of one level: undirected, weighted, parallel edges merged, self-loops apart.
// The arrays proportional to the arcs are RawArrays: left unzeroed and on huge pages, where
// vectors were zeroed on one thread and, made to fit, copied again. (On the benchmark's planted
// graph a call took some 520,000 page faults, 4 s of system time against 13 s of user time; most
// of them zeroing and copying the arcs of each level; with RawArrays, 600-5,000 faults, and the
// call 12.6 -> 7.2 s, mean of 3 alternating runs in one process; R-MAT 9.8 -> 5.1 s.)
struct LevelGraph {
  internal::RawArray<std::uint32_t> offsets;  // n + 1
  internal::RawArray<std::uint32_t> neighbours;
  // Arc weights as floats: exact for whole numbers up to 2^24 (an aggregate's arcs count edges),
  // seven digits otherwise, and half the bytes that local moving reads per arc. On the benchmark's
  // planted graph: level 0's local moving 4.9-5.9 s -> 4.2-4.5 s, aggregation 0.76-0.90 s ->
  // 0.63-0.66 s. Sums of them are doubles.
  internal::RawArray<float> weights;
  std::vector<double> loops;   // self-loop weight w (A_ii = 2w)
  std::vector<double> degree;  // sum of incident weights, loops twice
  double total = 0;            // 2m: the sum of the degrees
  // Whether the graph had edges this level leaves out (weights of 0 or less): its modularity is
  // then measured on the graph itself.
  bool partial = false;

  std::size_t size() const { return loops.size(); }
};

// Debug builds (the tests) check Leiden's guarantee after every refinement: each aggregate is
// connected. Without it, the communities of the last level may not be (RunLevels).
#ifdef NDEBUG
constexpr bool kCheckAggregates = false;
#else
constexpr bool kCheckAggregates = true;
#endif

// Levels with fewer arcs than this are made on one thread.
constexpr std::size_t kSharedArcs = std::size_t{1} << 16;

// Sums weights per (node, neighbour) with a dense accumulator; `arcs(u, emit, part)` calls
// emit(v, w) for each arc leaving u (both directions of each undirected edge are given), at most
// room[u + 1] - room[u] of them, on behalf of thread `part` (below `threads`). Neighbours are
// listed in the order first met. Each thread makes a range of nodes with about the same room,
// written in place, and the ranges are then moved together; the level is the same on any number
// of threads.
template <typename Arcs>
LevelGraph MakeLevel(std::size_t n, std::vector<double> loops, const std::vector<std::size_t>& room,
                     std::size_t threads, Arcs&& arcs) {
  LevelGraph level;
  level.loops = std::move(loops);
  level.offsets = internal::RawArray<std::uint32_t>(n + 1);
  level.offsets[0] = 0;
  // Room for every arc given; the arcs made are moved together below, and the arrays truncated.
  level.neighbours = internal::RawArray<std::uint32_t>(room[n] + 1);  // + 1: emit writes one past
  level.weights = internal::RawArray<float>(room[n]);
  level.degree.assign(n, 0);
  if (room[n] < kSharedArcs) threads = 1;
  threads = std::max<std::size_t>(1, std::min(threads, n));
  // Part p makes nodes [bounds[p], bounds[p + 1]).
  std::vector<std::uint32_t> bounds(threads + 1, static_cast<std::uint32_t>(n));
  bounds[0] = 0;
  for (std::size_t p = 1; p < threads; ++p) {
    const std::size_t goal = room[n] / threads * p;
    bounds[p] = static_cast<std::uint32_t>(
        std::lower_bound(room.begin(), room.begin() + static_cast<std::ptrdiff_t>(n), goal) -
        room.begin());
  }
  auto make = [&](std::size_t part) {
    internal::RawArray<double> sum(n);  // zeroed here, on the thread that uses it
    std::fill(sum.data(), sum.data() + n, 0.0);
    std::uint32_t* neighbours = level.neighbours.data();
    float* weights = level.weights.data();
    auto end = static_cast<std::uint32_t>(room[bounds[part]]);
    for (std::uint32_t u = bounds[part]; u < bounds[part + 1]; ++u) {
      const std::uint32_t begin = end;
      arcs(
          u,
          [&](std::uint32_t v, double w) {  // no branch on sum[v]: the loads can overlap
            neighbours[end] = v;
            end += sum[v] == 0 ? 1 : 0;
            sum[v] += w;
          },
          part);
      double degree = 2 * level.loops[u];
      for (std::uint32_t i = begin; i < end; ++i) {
        weights[i] = static_cast<float>(sum[neighbours[i]]);
        sum[neighbours[i]] = 0;
        degree += weights[i];
      }
      level.offsets[u + 1] = end;
      level.degree[u] = degree;
    }
  };
  {
    std::vector<std::jthread> helpers;
    for (std::size_t part = 1; part < threads; ++part) helpers.emplace_back(make, part);
    make(0);
  }
  // Each later range moves down to where the one before it ended.
  std::uint32_t end = level.offsets[bounds[1]];
  for (std::size_t part = 1; part < threads; ++part) {
    const auto from = static_cast<std::uint32_t>(room[bounds[part]]);
    if (bounds[part] == bounds[part + 1]) continue;
    const std::uint32_t count = level.offsets[bounds[part + 1]] - from;
    std::memmove(level.neighbours.data() + end, level.neighbours.data() + from,
                 count * sizeof(std::uint32_t));
    std::memmove(level.weights.data() + end, level.weights.data() + from, count * sizeof(float));
    for (std::uint32_t u = bounds[part]; u < bounds[part + 1]; ++u) {
      level.offsets[u + 1] = level.offsets[u + 1] - from + end;
    }
    end += count;
  }
  for (std::size_t u = 0; u < n; ++u) level.total += level.degree[u];  // in node order
  level.neighbours.Truncate(end);
  level.weights.Truncate(end);
  return level;
}

LevelGraph FromGraph(const Graph& graph, std::size_t threads) {
  const std::size_t n = graph.NodeCount();
  std::vector<std::size_t> room(n + 1, 0);
  for (NodeId u = 0; u < n; ++u) room[u + 1] = room[u] + graph.OutDegree(u) + graph.InDegree(u);
  std::vector<double> loops(n, 0);
  for (NodeId u = 0; u < n; ++u) {
    for (EdgeId e = graph.OutBegin(u); e < graph.OutEnd(u); ++e) {
      if (graph.Target(e) == u) loops[u] += graph.Weight(e);
    }
  }
  std::vector<char> partial(threads, 0);
  LevelGraph level = MakeLevel(
      n, std::move(loops), room, threads, [&](std::uint32_t u, auto&& emit, std::size_t part) {
        for (EdgeId e = graph.OutBegin(u); e < graph.OutEnd(u); ++e) {
          if (graph.Target(e) == u) continue;
          if (graph.Weight(e) > 0) {
            emit(graph.Target(e), graph.Weight(e));
          } else {
            partial[part] = 1;
          }
        }
        const auto sources = graph.InSources(u);
        const auto edges = graph.InEdges(u);
        for (std::size_t i = 0; i < edges.size(); ++i) {
          if (sources[i] != u && graph.Weight(edges[i]) > 0) emit(sources[i], graph.Weight(edges[i]));
        }
      });
  level.partial = std::find(partial.begin(), partial.end(), 1) != partial.end();
  return level;
}

// How many queued nodes local moving weighs at once, against the communities as they stood before
// the batch, so that threads can share the weighing. Small levels move one node at a time (exact
// sequential local moving); on large ones a batch is at most 1/512 of the nodes, so a node's view
// is at most that stale. It depends on the level's size only, never on the thread count: the
// communities found are the same on one thread and on many.
std::size_t BatchFor(std::size_t n) { return std::clamp<std::size_t>(n / 512, 1, 2048); }

// Batches of fewer arcs than this (on average) are weighed on the calling thread alone (meeting
// the others would cost more than it saves); the result is the same either way. Counted in arcs,
// not nodes, so that the small but dense levels of the end (the planted graph's 10,000-20,000
// nodes of some 600 arcs each, batches of 20-40 nodes) are shared too: mean of 8 alternating
// runs in one process 11.0 -> 10.2 s, R-MAT unchanged (6.4 against 6.3 s).
constexpr std::size_t kSharedBatchArcs = 2048;

// What one thread needs to weigh a node's moves: the communities of its neighbours; and the
// weight from the node to each community met, in a small open-addressing table (a power of two
// at least twice the node's degree, so that it stays in the first level of cache for most
// nodes; empty keys are kNoCommunity between uses) with the slots filled, in the order met.
constexpr std::uint32_t kNoCommunity = ~std::uint32_t{0};
struct MoveScratch {
  std::vector<std::uint32_t> around;
  std::vector<std::uint32_t> keys;
  std::vector<double> weight;
  std::vector<std::uint32_t> filled;
  double chosen = 0;  // the weight from the node weighed last to the community it chose
};

// The slot of community c in a table of 2^bits slots: Fibonacci hashing, then linear probing.
inline std::uint32_t SlotOf(const std::uint32_t* keys, std::uint32_t c, unsigned bits) {
  const std::uint32_t mask = (std::uint32_t{1} << bits) - 1;
  std::uint32_t slot = (c * 0x9E3779B1u) >> (32 - bits);
  while (keys[slot] != c && keys[slot] != kNoCommunity) slot = (slot + 1) & mask;
  return slot;
}

// Moves nodes, visited in `order`, between communities while the modularity rises. `allowed(v, u)`
// limits the moves (the refinement keeps each node inside its Louvain community);
// `only_singletons` moves only nodes still alone (the refinement's merge); `repeat` runs Leiden's
// fast local moving (a queue) rather than one sweep. Returns whether anything moved.
template <typename Allowed>
bool MoveNodes(const LevelGraph& level, double resolution, const std::vector<std::uint32_t>& order,
               std::vector<std::uint32_t>& community, bool only_singletons, bool repeat,
               std::size_t threads, Allowed&& allowed) {
  const std::size_t n = level.size();
  std::vector<double> total(n, 0);
  std::vector<std::uint32_t> members(n, 0);
  for (std::size_t v = 0; v < n; ++v) {
    total[community[v]] += level.degree[v];
    ++members[community[v]];
  }
  constexpr std::uint32_t kNone = ~std::uint32_t{0};
  std::uint32_t widest = 0;
  for (std::size_t v = 0; v < n; ++v) {
    widest = std::max(widest, level.offsets[v + 1] - level.offsets[v]);
  }
  const std::size_t batch_size = BatchFor(n);
  if (batch_size < 2 || batch_size * level.neighbours.size() < kSharedBatchArcs * n) threads = 1;
  threads = std::max<std::size_t>(1, threads);
  std::vector<MoveScratch> scratch(threads);
  unsigned widest_bits = 4;
  while ((std::size_t{1} << widest_bits) < 2 * std::size_t{widest}) ++widest_bits;
  for (MoveScratch& s : scratch) {
    s.around.resize(widest);
    s.keys.assign(std::size_t{1} << widest_bits, kNoCommunity);
    s.weight.resize(std::size_t{1} << widest_bits);
    s.filled.resize(std::size_t{widest} + 1);
  }

  // The community v gains most by joining (its own when none gains more); reads the shared
  // state only.
  // Raw pointers, so that the stores into the scratch arrays do not make the compiler load the
  // vectors' data pointers again in every iteration.
  const std::uint32_t* const offsets = level.offsets.data();
  const std::uint32_t* const all_neighbours = level.neighbours.data();
  const float* const all_weights = level.weights.data();
  const double* const node_degree = level.degree.data();
  std::uint32_t* const label = community.data();
  double* const community_total = total.data();
  auto weigh = [&](std::uint32_t v, MoveScratch& s) {
    const std::uint32_t own = label[v];
    if (only_singletons && members[own] != 1) return own;
    const std::uint32_t begin = offsets[v];
    const std::uint32_t degree = offsets[v + 1] - begin;
    const std::uint32_t* const neighbours = all_neighbours + begin;
    const float* const weights = all_weights + begin;
    std::uint32_t* const around = s.around.data();
    std::uint32_t* const keys = s.keys.data();
    double* const weight = s.weight.data();
    std::uint32_t* const filled = s.filled.data();
    // Two passes: the first's loads do not depend on one another, so they overlap (local moving
    // mostly waits on memory), and it asks early for the labels of neighbours further on and for
    // the totals of the communities met; the second adds up the weights in the table.
    constexpr std::uint32_t kAhead = 16;
    for (std::uint32_t i = 0; i < degree; ++i) {
      if (i + kAhead < degree) __builtin_prefetch(&label[neighbours[i + kAhead]]);
      const std::uint32_t c = label[neighbours[i]];
      around[i] = allowed(v, neighbours[i]) ? c : kNone;
      __builtin_prefetch(&community_total[c]);
    }
    unsigned bits = 4;
    while ((std::uint32_t{1} << bits) < 2 * degree) ++bits;
    std::size_t met = 0;
    for (std::uint32_t i = 0; i < degree; ++i) {
      const std::uint32_t c = around[i];
      if (c == kNone) continue;
      const std::uint32_t slot = SlotOf(keys, c, bits);
      if (keys[slot] == kNoCommunity) {
        keys[slot] = c;
        weight[slot] = weights[i];
        filled[met++] = slot;
      } else {
        weight[slot] += weights[i];
      }
    }
    const std::uint32_t own_slot = SlotOf(keys, own, bits);
    const double to_own = keys[own_slot] == own ? weight[own_slot] : 0.0;
    const double k = node_degree[v];
    const double own_total = community_total[own] - k;  // v's community without v
    const double scale = resolution * k / level.total;
    std::uint32_t best = own;
    double best_gain = to_own - scale * own_total;
    s.chosen = to_own;
    for (std::size_t j = 0; j < met; ++j) {
      const std::uint32_t c = keys[filled[j]];
      const double gain = weight[filled[j]] - scale * (c == own ? own_total : community_total[c]);
      if (gain > best_gain + 1e-12 || (gain > best_gain - 1e-12 && c < best && best != own)) {
        best = c;
        best_gain = gain;
        s.chosen = weight[filled[j]];
      }
    }
    for (std::size_t j = 0; j < met; ++j) keys[filled[j]] = kNoCommunity;
    return best;
  };
  // Asks for what weighing v will read first (its arcs, up to their second cache line, and its
  // own label and degree), a few nodes before it is weighed: these reads would otherwise wait one
  // after the other. (The second line: the planted graph's communities 11.3 -> 10.6 s, median of
  // 5 alternating runs.)
  auto prefetch_node = [&](std::uint32_t v) {
    const std::uint32_t begin = offsets[v];
    const std::uint32_t end = offsets[v + 1];
    __builtin_prefetch(&all_neighbours[begin]);
    __builtin_prefetch(&all_weights[begin]);
    if (begin + 16 < end) {
      __builtin_prefetch(&all_neighbours[begin + 16]);
      __builtin_prefetch(&all_weights[begin + 16]);
    }
    __builtin_prefetch(&label[v]);
    __builtin_prefetch(&node_degree[v]);
  };
  // Weighs batch[from, to) into best[from, to), and the weight to each choice into
  // joined[from, to): the offsets of a node 8 ahead and the arcs of one 4 ahead are asked for
  // early.
  std::vector<double> joined(batch_size);
  auto weigh_range = [&](const std::vector<std::uint32_t>& batch, std::vector<std::uint32_t>& best,
                         std::size_t from, std::size_t to, MoveScratch& s) {
    for (std::size_t j = from; j < to; ++j) {
      if (j + 8 < to) __builtin_prefetch(&offsets[batch[j + 8]]);
      if (j + 4 < to) prefetch_node(batch[j + 4]);
      best[j] = weigh(batch[j], s);
      joined[j] = s.chosen;
    }
  };
  bool any_move = false;
  // Moves v to `best`; returns whether that is a move.
  auto move = [&](std::uint32_t v, std::uint32_t best) {
    const std::uint32_t own = community[v];
    if (best == own) return false;
    const double k = level.degree[v];
    total[own] -= k;
    total[best] += k;
    --members[own];
    ++members[best];
    community[v] = best;
    any_move = true;
    return true;
  };
  // Leiden's fast local moving: a queue holding every node once; a node that moves puts back its
  // neighbours outside its new community, instead of sweeping every node again (without
  // `repeat`, the queue is one sweep). The queue is taken a batch at a time: every node of the
  // batch is weighed (by the threads, each a slice), then the moves are made in queue order.
  // The queue is a bit per place in `order`, taken by a cursor that goes round and round: a node
  // put back is weighed when the cursor next passes its place, not after everything queued
  // before it. Nodes close in `order` are close in memory (internal/visiting_order.h), so the
  // nodes put back are weighed in runs that read neighbouring arcs, where a first-in first-out
  // queue would jump about. (On the benchmark's planted graph: 15.9-20.5 s -> 12.3-14.2 s,
  // 3 alternating runs of one binary; modularity the same, 0.7017.)
  std::vector<std::uint32_t> place_of(repeat ? n : 0);
  for (std::size_t p = 0; p < place_of.size(); ++p) place_of[order[p]] = static_cast<std::uint32_t>(p);
  const std::size_t words = (n + 63) / 64;
  std::vector<std::uint64_t> waiting(words, ~std::uint64_t{0});
  if (n % 64 != 0) waiting[words - 1] = (std::uint64_t{1} << (n % 64)) - 1;
  std::size_t cursor = 0;  // the place the next node is looked for from
  std::size_t count = n;   // nodes waiting
  std::vector<std::uint32_t> batch;
  std::vector<std::uint32_t> best(batch_size);
  // changed_in[c]: the number of the batch in which community c last gained or lost a member.
  // mark[v]: kQueued while v is in the queue, or-ed with the number of the batch in which a
  // neighbour of v last moved (one word, so that requeueing reads one place per neighbour).
  // kQueued mirrors v's bit in `waiting`, kept here too so that a neighbour already queued is
  // passed over without reading its place.
  constexpr std::uint32_t kQueued = std::uint32_t{1} << 31;
  std::vector<std::uint32_t> changed_in(batch_size > 1 ? n : 0, 0);
  std::vector<std::uint32_t> mark(n, kQueued);
  std::uint32_t batches = 0;
  auto weigh_slice = [&](std::size_t part) {
    const std::size_t from = batch.size() * part / threads;
    const std::size_t to = batch.size() * (part + 1) / threads;
    weigh_range(batch, best, from, to, scratch[part]);
  };
  bool stop = false;
  internal::SpinBarrier sync(threads);
  std::vector<std::jthread> helpers;
  for (std::size_t part = 1; part < threads; ++part) {
    helpers.emplace_back([&, part] {
      for (;;) {
        sync.ArriveAndWait();
        if (stop) return;
        weigh_slice(part);
        sync.ArriveAndWait();
      }
    });
  }
  while (count > 0) {
    batch.clear();
    for (std::size_t taken = std::min(batch_size, count); taken > 0; --taken, --count) {
      std::size_t word = cursor / 64;
      std::uint64_t bits = waiting[word] & (~std::uint64_t{0} << (cursor % 64));
      while (bits == 0) {  // some bit is set: count > 0
        word = word + 1 == words ? 0 : word + 1;
        bits = waiting[word];
      }
      const std::size_t p = word * 64 + static_cast<std::size_t>(__builtin_ctzll(bits));
      waiting[word] &= ~(std::uint64_t{1} << (p % 64));
      cursor = p + 1 == n ? 0 : p + 1;
      const std::uint32_t v = order[p];
      mark[v] &= ~kQueued;
      batch.push_back(v);
    }
    if (threads > 1) {
      sync.ArriveAndWait();
      weigh_slice(0);
      sync.ArriveAndWait();
    } else {
      weigh_range(batch, best, 0, batch.size(), scratch[0]);
    }
    ++batches;
    for (std::size_t j = 0; j < batch.size(); ++j) {
      const std::uint32_t v = batch[j];
      std::uint32_t to = best[j];
      // A move weighed on what has changed since is weighed again, now: when a neighbour of v
      // has moved, or v's community or the one it would join has gained or lost a member. The
      // weights and totals the move's gain is made of are then those of now, so every move made
      // raises the modularity, as in sequential local moving, and the queue empties (two
      // neighbours acting on each other's old places could swap for ever). Another community's
      // total may have changed meanwhile, so the move is not always the best one now.
      //
      // In the refinement's merge, a stale choice stands while it still gains, without weighing
      // v again: v is still alone (its community is unchanged), the community it chose has kept
      // every member it had (a community there loses a member only by emptying, and an emptied
      // one is never joined again), so the weight from v to it is at least `joined[j]`; and with
      // the community's total of now, joining it still raises the modularity. Leiden's own
      // refinement takes any merge that gains, not only the best. (The planted graph's
      // communities visit aggregated levels in blocks of one community, where most merges of a
      // batch aim at a few communities: level 1's serial re-weighs 280,827 -> 83,472 of 408,264;
      // the refinement's time, summed over 6 runs alternating in one process, 25.3 -> 18.0 s,
      // though the smaller levels' local moving, which the merges change, went 4.9 -> 6.6 s.)
      if (to != community[v] && batch.size() > 1 &&
          ((mark[v] & ~kQueued) == batches || changed_in[to] == batches ||
           changed_in[community[v]] == batches)) {
        const bool still_gains =
            only_singletons && changed_in[community[v]] != batches && members[to] != 0 &&
            joined[j] - resolution * level.degree[v] / level.total * total[to] > 1e-12;
        if (!still_gains) to = weigh(v, scratch[0]);
      }
      const std::uint32_t from = community[v];
      if (!move(v, to)) continue;
      if (batch.size() > 1) changed_in[from] = changed_in[to] = batches;
      for (std::uint32_t i = level.offsets[v]; i < level.offsets[v + 1]; ++i) {
        const std::uint32_t u = level.neighbours[i];
        const std::uint32_t queued = mark[u] & kQueued;
        if (!repeat || queued != 0 || community[u] == community[v]) {
          mark[u] = queued | batches;
          continue;
        }
        mark[u] = kQueued | batches;
        const std::uint32_t p = place_of[u];
        waiting[p / 64] |= std::uint64_t{1} << (p % 64);
        ++count;
      }
    }
  }
  stop = true;
  if (threads > 1) sync.ArriveAndWait();
  return any_move;
}

// Renumbers `labels` 0, 1, ... in order of first appearance; returns how many there are.
std::size_t Compact(std::vector<std::uint32_t>& labels) {
  std::uint32_t largest = 0;
  for (std::uint32_t label : labels) largest = std::max(largest, label);
  std::vector<std::uint32_t> renamed(std::size_t{largest} + 1, ~std::uint32_t{0});
  std::uint32_t next = 0;
  for (std::uint32_t& label : labels) {
    if (renamed[label] == ~std::uint32_t{0}) renamed[label] = next++;
    label = renamed[label];
  }
  return next;
}

// Splits every community into its connected parts in `graph` (undirected) and numbers them in
// order of their lowest node.
std::size_t SplitDisconnected(const Graph& graph, std::vector<std::uint32_t>& community) {
  const std::size_t n = graph.NodeCount();
  std::vector<std::uint32_t> part(n, ~std::uint32_t{0});
  std::vector<NodeId> queue;
  std::uint32_t parts = 0;
  for (NodeId start = 0; start < n; ++start) {
    if (part[start] != ~std::uint32_t{0}) continue;
    part[start] = parts;
    queue.assign(1, start);
    for (std::size_t next = 0; next < queue.size(); ++next) {
      const NodeId u = queue[next];
      auto visit = [&](NodeId v) {
        if (part[v] != ~std::uint32_t{0} || community[v] != community[start]) return;
        part[v] = parts;
        queue.push_back(v);
      };
      for (NodeId v : graph.OutTargets(u)) visit(v);
      for (NodeId v : graph.InSources(u)) visit(v);
    }
    ++parts;
  }
  community = std::move(part);
  return parts;
}

// `level` with node v numbered new_of[v] (a permutation), each node's arcs in the same order.
LevelGraph Renumbered(const LevelGraph& level, const std::vector<std::uint32_t>& new_of,
                      std::size_t threads) {
  const std::size_t n = level.size();
  std::vector<std::uint32_t> old_of(n);
  for (std::uint32_t v = 0; v < n; ++v) old_of[new_of[v]] = v;
  LevelGraph out;
  out.total = level.total;
  out.partial = level.partial;
  out.loops.resize(n);
  out.degree.resize(n);
  out.offsets = internal::RawArray<std::uint32_t>(n + 1);
  out.offsets[0] = 0;
  for (std::size_t x = 0; x < n; ++x) {
    out.offsets[x + 1] = out.offsets[x] + level.offsets[old_of[x] + 1] - level.offsets[old_of[x]];
  }
  out.neighbours = internal::RawArray<std::uint32_t>(level.neighbours.size());
  out.weights = internal::RawArray<float>(level.weights.size());
  internal::InRanges(n, threads, [&](std::size_t from, std::size_t to) {
    for (std::size_t x = from; x < to; ++x) {
      const std::uint32_t v = old_of[x];
      out.loops[x] = level.loops[v];
      out.degree[x] = level.degree[v];
      std::uint32_t at = out.offsets[x];
      for (std::uint32_t i = level.offsets[v]; i < level.offsets[v + 1]; ++i, ++at) {
        out.neighbours[at] = new_of[level.neighbours[i]];
        out.weights[at] = level.weights[i];
      }
    }
  });
  return out;
}

// Renumbers the aggregates (`refined`, labels 0 .. aggregates - 1, each inside one community of
// `partition`) so that those of one community are numbered together, in the order of their
// communities' labels and then of their own: most arcs of the next level then join nearby
// numbers, and local moving there reads the same few cache lines again.
void GroupByCommunity(const std::vector<std::uint32_t>& partition, std::size_t aggregates,
                      std::vector<std::uint32_t>& refined) {
  std::vector<std::uint32_t> community_of(aggregates);
  std::uint32_t largest = 0;
  for (std::size_t v = 0; v < refined.size(); ++v) {
    community_of[refined[v]] = partition[v];
    largest = std::max(largest, partition[v]);
  }
  std::vector<std::uint32_t> next(std::size_t{largest} + 2, 0);
  for (std::uint32_t c : community_of) ++next[c + 1];
  for (std::size_t c = 1; c < next.size(); ++c) next[c] += next[c - 1];
  std::vector<std::uint32_t> renamed(aggregates);
  for (std::size_t a = 0; a < aggregates; ++a) renamed[a] = next[community_of[a]]++;
  for (std::uint32_t& a : refined) a = renamed[a];
}

// Splits every community of `level`'s nodes into its connected parts in `level`; returns the part
// of each node (numbered in no particular order).
std::vector<std::uint32_t> SplitOnLevel(const LevelGraph& level,
                                        const std::vector<std::uint32_t>& community) {
  const std::size_t n = level.size();
  std::vector<std::uint32_t> part(n, ~std::uint32_t{0});
  std::vector<std::uint32_t> queue;
  std::uint32_t parts = 0;
  for (std::uint32_t start = 0; start < n; ++start) {
    if (part[start] != ~std::uint32_t{0}) continue;
    part[start] = parts;
    queue.assign(1, start);
    for (std::size_t next = 0; next < queue.size(); ++next) {
      const std::uint32_t u = queue[next];
      for (std::uint32_t i = level.offsets[u]; i < level.offsets[u + 1]; ++i) {
        const std::uint32_t v = level.neighbours[i];
        if (part[v] != ~std::uint32_t{0} || community[v] != community[start]) continue;
        part[v] = parts;
        queue.push_back(v);
      }
    }
    ++parts;
  }
  return part;
}

// The modularity of a partition of `level`'s nodes (labels below the level's size), which is that
// of the same partition of the graph's nodes: aggregation keeps every weight, the weight inside an
// aggregate as its loop.
double LevelModularity(const LevelGraph& level, const std::vector<std::uint32_t>& community,
                       double resolution) {
  const std::size_t n = level.size();
  if (level.total == 0) return 0;
  std::vector<double> total(n, 0);
  double inside = 0;
  for (std::uint32_t u = 0; u < n; ++u) {
    total[community[u]] += level.degree[u];
    inside += 2 * level.loops[u];
    for (std::uint32_t i = level.offsets[u]; i < level.offsets[u + 1]; ++i) {
      if (community[level.neighbours[i]] == community[u]) inside += level.weights[i];
    }
  }
  double spread = 0;
  for (double t : total) spread += (t / level.total) * (t / level.total);
  return inside / level.total - resolution * spread;
}

// One run of the levels from `start` (a partition of the nodes): the communities found, split
// into connected parts.
Communities RunLevels(const Graph& graph, const LevelGraph& base, const CommunityOptions& options,
                      const std::vector<std::uint32_t>& start, std::mt19937_64& random) {
  const std::size_t n = graph.NodeCount();
  Communities result;
  result.community.resize(n);
  // The current level: `base` at first, then each aggregate graph (owned here).
  const LevelGraph* current = &base;
  LevelGraph owned;
  // node_of[v]: the aggregate node that original node v is part of at the current level.
  std::vector<std::uint32_t> node_of(n);
  std::iota(node_of.begin(), node_of.end(), 0u);
  std::vector<std::uint32_t> partition(start.begin(), start.end());
  auto anywhere = [](std::uint32_t, std::uint32_t) { return true; };

  for (result.levels = 0; result.levels < options.max_levels && current->size() > 0;) {
    if (options.progress != nullptr && options.progress->Cancelled()) break;
    const LevelGraph& level = *current;
    ++result.levels;
    const std::vector<std::uint32_t> order = internal::VisitingOrder(level.size(), random);
    const bool moved = MoveNodes(level, options.resolution, order, partition, false, true, options.threads, anywhere);
    // The aggregates: Leiden's refinement inside each community, or the communities themselves.
    std::vector<std::uint32_t> refined(level.size());
    if (options.refine) {
      std::iota(refined.begin(), refined.end(), 0u);
      MoveNodes(level, options.resolution, order, refined, true, false, options.threads,
                [&](std::uint32_t v, std::uint32_t u) { return partition[v] == partition[u]; });
    } else {
      refined = partition;
    }
    const std::size_t aggregates = Compact(refined);
    if (kCheckAggregates && options.refine) {
      std::vector<std::uint32_t> parts = SplitOnLevel(level, refined);
      if (Compact(parts) != aggregates) {
        std::fprintf(stderr, "graph/louvain.cc: a refined aggregate is not connected\n");
        std::abort();
      }
    }
    if (!moved && aggregates == level.size()) break;
    if (aggregates == level.size() && !options.refine) break;
    if (options.refine) GroupByCommunity(partition, aggregates, refined);

    // The next level: one node per aggregate, starting in its community. The members of each
    // aggregate, grouped by a counting sort; an arc inside an aggregate becomes half its loop.
    std::vector<double> loops(aggregates, 0);
    std::vector<std::uint32_t> next_partition(aggregates);
    std::vector<std::uint32_t> first(aggregates + 1, 0);
    for (std::size_t v = 0; v < level.size(); ++v) {
      loops[refined[v]] += level.loops[v];
      next_partition[refined[v]] = partition[v];
      ++first[refined[v] + 1];
    }
    for (std::size_t a = 0; a < aggregates; ++a) first[a + 1] += first[a];
    std::vector<std::uint32_t> members(level.size());
    {
      std::vector<std::uint32_t> at(first.begin(), first.end() - 1);
      for (std::uint32_t v = 0; v < level.size(); ++v) members[at[refined[v]]++] = v;
    }
    // The weight of the arcs inside each aggregate; each undirected edge is seen from both ends,
    // so it becomes half of that in the aggregate's loop.
    std::vector<double> inside(aggregates, 0);
    std::vector<std::size_t> room(aggregates + 1, 0);  // the members' arcs
    for (std::uint32_t a = 0; a < aggregates; ++a) {
      room[a + 1] = room[a];
      for (std::uint32_t j = first[a]; j < first[a + 1]; ++j) {
        room[a + 1] += level.offsets[members[j] + 1] - level.offsets[members[j]];
      }
    }
    // Per thread: a member's neighbours' aggregates, gathered first.
    std::vector<std::vector<std::uint32_t>> gathered(std::max<std::size_t>(1, options.threads));
    LevelGraph next = MakeLevel(
        aggregates, std::move(loops), room, options.threads,
        [&](std::uint32_t a, auto&& emit, std::size_t part) {
          std::vector<std::uint32_t>& ends = gathered[part];
          for (std::uint32_t j = first[a]; j < first[a + 1]; ++j) {
            const std::uint32_t v = members[j];
            const std::uint32_t begin = level.offsets[v];
            const std::uint32_t degree = level.offsets[v + 1] - begin;
            ends.resize(degree);
            for (std::uint32_t i = 0; i < degree; ++i) {
              ends[i] = refined[level.neighbours[begin + i]];
            }
            for (std::uint32_t i = 0; i < degree; ++i) {
              if (ends[i] != a) {
                emit(ends[i], level.weights[begin + i]);
              } else {
                inside[a] += level.weights[begin + i];
              }
            }
          }
        });
    for (std::uint32_t a = 0; a < aggregates; ++a) {
      next.loops[a] += inside[a] / 2;
      next.degree[a] += inside[a];
      next.total += inside[a];
    }
    for (std::uint32_t& node : node_of) node = refined[node];
    Compact(next_partition);
    partition = std::move(next_partition);
    owned = std::move(next);
    current = &owned;
  }
  if (options.refine && !base.partial) {
    // Each aggregate of the last level is connected in the graph: the refinement only ever adds
    // a node to an aggregate holding one of its neighbours. So a community is connected in the
    // graph when its aggregates are in the last level, and the split and the modularity are
    // measured there, on a graph of a few thousand nodes rather than the whole one.
    const std::vector<std::uint32_t> part = SplitOnLevel(*current, partition);
    result.modularity = LevelModularity(*current, part, options.resolution);
    for (std::size_t v = 0; v < n; ++v) result.community[v] = part[node_of[v]];
    result.count = Compact(result.community);  // numbered in the order of their lowest node
    return result;
  }
  for (std::size_t v = 0; v < n; ++v) result.community[v] = partition[node_of[v]];
  result.count = SplitDisconnected(graph, result.community);
  result.modularity = Modularity(graph, result.community, options.resolution);
  return result;
}

}  // namespace

Communities FindCommunities(const Graph& graph, const CommunityOptions& options) {
  LevelGraph base = FromGraph(graph, std::max<std::size_t>(1, options.threads));
  std::vector<std::uint32_t> singletons(graph.NodeCount());
  std::iota(singletons.begin(), singletons.end(), 0u);
  std::mt19937_64 random(options.seed);
  Communities best = RunLevels(graph, base, options, std::move(singletons), random);
  // As Leiden iterates: start again from the best communities found, in a new order, keeping the
  // better; stop after two runs in a row that do not improve.
  std::size_t levels = best.levels;
  // The later runs start from communities, and read mostly arcs inside them: they run on the
  // nodes renumbered so that each community's are numbered together (a counting sort by
  // community), which keeps those reads in a few cache lines. Only where the split and the
  // modularity are measured on the levels (RunLevels), which never read the graph itself.
  std::vector<std::uint32_t> new_of;  // empty: the runs use the graph's own numbering
  if (options.iterations > 1 && options.refine && !base.partial && graph.NodeCount() > 0) {
    new_of.resize(graph.NodeCount());
    std::vector<std::uint32_t> next(best.count + 1, 0);
    for (std::uint32_t c : best.community) ++next[c + 1];
    for (std::size_t c = 1; c < next.size(); ++c) next[c] += next[c - 1];
    for (std::size_t v = 0; v < new_of.size(); ++v) new_of[v] = next[best.community[v]]++;
    base = Renumbered(base, new_of, std::max<std::size_t>(1, options.threads));
  }
  std::vector<std::uint32_t> start(graph.NodeCount());
  for (std::size_t iteration = 1, idle = 0; iteration < options.iterations && idle < 2;
       ++iteration) {
    if (options.progress != nullptr) {
      if (options.progress->Cancelled()) break;
      options.progress->Report(iteration, options.iterations);
    }
    for (std::size_t v = 0; v < start.size(); ++v) {
      start[new_of.empty() ? v : new_of[v]] = best.community[v];
    }
    Communities again = RunLevels(graph, base, options, start, random);
    if (!new_of.empty()) {  // back to the graph's numbering, communities in order of lowest node
      std::vector<std::uint32_t> renumbered(again.community.size());
      for (std::size_t v = 0; v < renumbered.size(); ++v) {
        renumbered[v] = again.community[new_of[v]];
      }
      Compact(renumbered);
      again.community = std::move(renumbered);
    }
    levels += again.levels;
    if (again.modularity > best.modularity + 1e-12) {
      best = std::move(again);
      idle = 0;
    } else {
      ++idle;
    }
  }
  best.levels = levels;
  if (options.progress != nullptr && !options.progress->Cancelled()) options.progress->Report(1, 1);
  return best;
}

double Modularity(const Graph& graph, const std::vector<std::uint32_t>& community,
                  double resolution) {
  const std::size_t n = graph.NodeCount();
  std::uint32_t largest = 0;
  for (std::uint32_t c : community) largest = std::max(largest, c);
  const std::size_t labels = std::size_t{largest} + 1;
  std::vector<double> inside(labels, 0);
  std::vector<double> total(labels, 0);
  double two_m = 0;
  for (NodeId u = 0; u < n; ++u) {
    for (EdgeId e = graph.OutBegin(u); e < graph.OutEnd(u); ++e) {
      const NodeId v = graph.Target(e);
      const double w = graph.Weight(e);
      total[community[u]] += w;
      total[community[v]] += w;
      two_m += 2 * w;
      if (community[u] == community[v]) inside[community[u]] += 2 * w;
    }
  }
  if (two_m == 0) return 0;
  double q = 0;
  for (std::size_t c = 0; c < labels; ++c) {
    q += inside[c] / two_m - resolution * (total[c] / two_m) * (total[c] / two_m);
  }
  return q;
}

}  // namespace ordo::graph
