#include "graph/louvain.h"

#include <algorithm>
#include <barrier>
#include <numeric>
#include <random>
#include <thread>

namespace ordo::graph {
namespace {


// The graph of one level: undirected, weighted, parallel edges merged, self-loops apart.
struct LevelGraph {
  std::vector<std::uint32_t> offsets;  // n + 1
  std::vector<std::uint32_t> neighbours;
  std::vector<double> weights;
  std::vector<double> loops;   // self-loop weight w (A_ii = 2w)
  std::vector<double> degree;  // sum of incident weights, loops twice
  double total = 0;            // 2m: the sum of the degrees

  std::size_t size() const { return loops.size(); }
};

// Sums weights per (node, neighbour) with a dense accumulator; `arcs(u, emit)` calls emit(v, w)
// for each arc leaving u (both directions of each undirected edge are given), at most `arc_bound`
// in all. Neighbours are listed in the order first met, which is deterministic.
template <typename Arcs>
LevelGraph MakeLevel(std::size_t n, std::vector<double> loops, std::size_t arc_bound, Arcs&& arcs) {
  LevelGraph level;
  level.loops = std::move(loops);
  level.offsets.assign(n + 1, 0);
  level.neighbours.resize(arc_bound + 1);  // + 1: emit writes one past the last neighbour
  level.weights.resize(arc_bound);
  std::vector<double> sum(n, 0);
  std::uint32_t* neighbours = level.neighbours.data();
  double* weights = level.weights.data();
  std::uint32_t end = 0;
  level.degree.assign(n, 0);
  for (std::uint32_t u = 0; u < n; ++u) {
    const std::uint32_t begin = end;
    arcs(u, [&](std::uint32_t v, double w) {  // no branch on sum[v]: the loads can overlap
      neighbours[end] = v;
      end += sum[v] == 0 ? 1 : 0;
      sum[v] += w;
    });
    double degree = 2 * level.loops[u];
    for (std::uint32_t i = begin; i < end; ++i) {
      weights[i] = sum[neighbours[i]];
      sum[neighbours[i]] = 0;
      degree += weights[i];
    }
    level.offsets[u + 1] = end;
    level.degree[u] = degree;
    level.total += degree;
  }
  level.neighbours.resize(end);
  level.neighbours.shrink_to_fit();
  level.weights.resize(end);
  level.weights.shrink_to_fit();
  return level;
}

LevelGraph FromGraph(const Graph& graph) {
  const std::size_t n = graph.NodeCount();
  std::vector<double> loops(n, 0);
  for (NodeId u = 0; u < n; ++u) {
    for (EdgeId e = graph.OutBegin(u); e < graph.OutEnd(u); ++e) {
      if (graph.Target(e) == u) loops[u] += graph.Weight(e);
    }
  }
  return MakeLevel(n, std::move(loops), 2 * graph.EdgeCount(), [&](std::uint32_t u, auto&& emit) {
    for (EdgeId e = graph.OutBegin(u); e < graph.OutEnd(u); ++e) {
      if (graph.Target(e) != u && graph.Weight(e) > 0) emit(graph.Target(e), graph.Weight(e));
    }
    const auto sources = graph.InSources(u);
    const auto edges = graph.InEdges(u);
    for (std::size_t i = 0; i < edges.size(); ++i) {
      if (sources[i] != u && graph.Weight(edges[i]) > 0) emit(sources[i], graph.Weight(edges[i]));
    }
  });
}

// How many queued nodes local moving weighs at once, against the communities as they stood before
// the batch, so that threads can share the weighing. Small levels move one node at a time (exact
// sequential local moving); on large ones a batch is at most 1/512 of the nodes, so a node's view
// is at most that stale. It depends on the level's size only, never on the thread count: the
// communities found are the same on one thread and on many.
std::size_t BatchFor(std::size_t n) { return std::clamp<std::size_t>(n / 512, 1, 2048); }

// Batches smaller than this are weighed on the calling thread alone (waking the others would
// cost more than it saves); the result is the same either way.
constexpr std::size_t kSharedBatch = 64;

// What one thread needs to weigh a node's moves: the weight from the node to each community
// (zero between uses), and the communities of its neighbours and those met, in the order met.
struct MoveScratch {
  std::vector<double> weight_to;
  std::vector<std::uint32_t> around;
  std::vector<std::uint32_t> touched;
};

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
  const std::size_t batch_size = repeat ? BatchFor(n) : 1;
  if (batch_size < kSharedBatch) threads = 1;
  threads = std::max<std::size_t>(1, threads);
  std::vector<MoveScratch> scratch(threads);
  for (MoveScratch& s : scratch) {
    s.weight_to.assign(n, 0);
    s.around.resize(widest);
    s.touched.resize(std::size_t{widest} + 1);
  }

  // The community v gains most by joining (its own when none gains more); reads the shared
  // state only.
  auto weigh = [&](std::uint32_t v, MoveScratch& s) {
    const std::uint32_t own = community[v];
    if (only_singletons && members[own] != 1) return own;
    const std::uint32_t begin = level.offsets[v];
    const std::uint32_t degree = level.offsets[v + 1] - begin;
    const std::uint32_t* neighbours = level.neighbours.data() + begin;
    const double* weights = level.weights.data() + begin;
    double* weight_to = s.weight_to.data();
    // Two passes: the first's loads do not depend on one another, so they overlap (local moving
    // mostly waits on memory); the second adds up without a data-dependent branch.
    for (std::uint32_t i = 0; i < degree; ++i) {
      const std::uint32_t c = community[neighbours[i]];
      s.around[i] = allowed(v, neighbours[i]) ? c : kNone;
      __builtin_prefetch(&weight_to[c], 1);
      __builtin_prefetch(&total[c]);
    }
    std::size_t met = 0;
    for (std::uint32_t i = 0; i < degree; ++i) {
      const std::uint32_t c = s.around[i];
      if (c == kNone) continue;
      s.touched[met] = c;
      met += weight_to[c] == 0 ? 1 : 0;
      weight_to[c] += weights[i];
    }
    const double k = level.degree[v];
    const double own_total = total[own] - k;  // v's community without v
    const double scale = resolution * k / level.total;
    std::uint32_t best = own;
    double best_gain = weight_to[own] - scale * own_total;
    for (std::size_t j = 0; j < met; ++j) {
      const std::uint32_t c = s.touched[j];
      const double gain = weight_to[c] - scale * (c == own ? own_total : total[c]);
      if (gain > best_gain + 1e-12 || (gain > best_gain - 1e-12 && c < best && best != own)) {
        best = c;
        best_gain = gain;
      }
    }
    for (std::size_t j = 0; j < met; ++j) weight_to[s.touched[j]] = 0;
    return best;
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
  if (!repeat) {
    for (std::uint32_t v : order) move(v, weigh(v, scratch[0]));
    return any_move;
  }

  // Leiden's fast local moving: a queue holding every node once; a node that moves puts back its
  // neighbours outside its new community, instead of sweeping every node again. The queue is
  // taken a batch at a time: every node of the batch is weighed (by the threads, each a slice),
  // then the moves are made in queue order.
  std::vector<std::uint32_t> ring(order);
  std::vector<char> queued(n, 1);
  std::size_t head = 0;
  std::size_t count = n;
  std::vector<std::uint32_t> batch;
  std::vector<std::uint32_t> best(batch_size);
  // changed_in[c]: the number of the batch in which community c last gained or lost a member.
  std::vector<std::uint32_t> changed_in(batch_size > 1 ? n : 0, 0);
  std::uint32_t batches = 0;
  auto weigh_slice = [&](std::size_t part) {
    const std::size_t from = batch.size() * part / threads;
    const std::size_t to = batch.size() * (part + 1) / threads;
    for (std::size_t j = from; j < to; ++j) best[j] = weigh(batch[j], scratch[part]);
  };
  bool stop = false;
  std::barrier sync(static_cast<std::ptrdiff_t>(threads));
  std::vector<std::jthread> helpers;
  for (std::size_t part = 1; part < threads; ++part) {
    helpers.emplace_back([&, part] {
      for (;;) {
        sync.arrive_and_wait();
        if (stop) return;
        weigh_slice(part);
        sync.arrive_and_wait();
      }
    });
  }
  while (count > 0) {
    batch.clear();
    for (std::size_t taken = std::min(batch_size, count); taken > 0; --taken, --count) {
      const std::uint32_t v = ring[head];
      head = head + 1 == n ? 0 : head + 1;
      queued[v] = 0;
      batch.push_back(v);
    }
    if (threads > 1) {
      sync.arrive_and_wait();
      weigh_slice(0);
      sync.arrive_and_wait();
    } else {
      for (std::size_t j = 0; j < batch.size(); ++j) best[j] = weigh(batch[j], scratch[0]);
    }
    ++batches;
    for (std::size_t j = 0; j < batch.size(); ++j) {
      const std::uint32_t v = batch[j];
      std::uint32_t to = best[j];
      // A move weighed on what has changed since is weighed again, now: when a neighbour of v
      // has moved, or v's community or the one it would join has gained or lost a member. So
      // every move made raises the modularity, as in sequential local moving, and the queue
      // empties (two neighbours acting on each other's old places could swap for ever).
      if (to != community[v] && batch.size() > 1) {
        bool stale = changed_in[to] == batches || changed_in[community[v]] == batches;
        for (std::uint32_t i = level.offsets[v]; !stale && i < level.offsets[v + 1]; ++i) {
          stale = changed_in[community[level.neighbours[i]]] == batches;
        }
        if (stale) to = weigh(v, scratch[0]);
      }
      const std::uint32_t from = community[v];
      if (!move(v, to)) continue;
      if (batch.size() > 1) changed_in[from] = changed_in[to] = batches;
      for (std::uint32_t i = level.offsets[v]; i < level.offsets[v + 1]; ++i) {
        const std::uint32_t u = level.neighbours[i];
        if (queued[u] || community[u] == community[v]) continue;
        queued[u] = 1;
        std::size_t tail = head + count;
        if (tail >= n) tail -= n;
        ring[tail] = u;
        ++count;
      }
    }
  }
  stop = true;
  if (threads > 1) sync.arrive_and_wait();
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
    // A random visiting order, as igraph's multilevel uses: a fixed one gets stuck more often.
    std::vector<std::uint32_t> order(level.size());
    std::iota(order.begin(), order.end(), 0u);
    std::shuffle(order.begin(), order.end(), random);
    const bool moved =
        MoveNodes(level, options.resolution, order, partition, false, true, options.threads, anywhere);
    // The aggregates: Leiden's refinement inside each community, or the communities themselves.
    std::vector<std::uint32_t> refined(level.size());
    if (options.refine) {
      std::iota(refined.begin(), refined.end(), 0u);
      MoveNodes(level, options.resolution, order, refined, true, false, 1,
                [&](std::uint32_t v, std::uint32_t u) { return partition[v] == partition[u]; });
    } else {
      refined = partition;
    }
    const std::size_t aggregates = Compact(refined);
    if (!moved && aggregates == level.size()) break;
    if (aggregates == level.size() && !options.refine) break;

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
    std::vector<std::uint32_t> ends;  // a member's neighbours' aggregates, gathered first
    LevelGraph next = MakeLevel(
        aggregates, std::move(loops), level.neighbours.size(), [&](std::uint32_t a, auto&& emit) {
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
  for (std::size_t v = 0; v < n; ++v) result.community[v] = partition[node_of[v]];
  result.count = SplitDisconnected(graph, result.community);
  result.modularity = Modularity(graph, result.community, options.resolution);
  return result;
}

}  // namespace

Communities FindCommunities(const Graph& graph, const CommunityOptions& options) {
  const LevelGraph base = FromGraph(graph);
  std::vector<std::uint32_t> singletons(graph.NodeCount());
  std::iota(singletons.begin(), singletons.end(), 0u);
  std::mt19937_64 random(options.seed);
  Communities best = RunLevels(graph, base, options, std::move(singletons), random);
  // As Leiden iterates: start again from the best communities found, in a new order, keeping the
  // better; stop after two runs in a row that do not improve.
  std::size_t levels = best.levels;
  for (std::size_t iteration = 1, idle = 0; iteration < options.iterations && idle < 2;
       ++iteration) {
    if (options.progress != nullptr) {
      if (options.progress->Cancelled()) break;
      options.progress->Report(iteration, options.iterations);
    }
    Communities again = RunLevels(graph, base, options, best.community, random);
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
