#include "graph/louvain.h"

#include <algorithm>
#include <numeric>
#include <random>

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
  level.neighbours.resize(arc_bound);
  level.weights.resize(arc_bound);
  std::vector<double> sum(n, 0);
  std::uint32_t* neighbours = level.neighbours.data();
  double* weights = level.weights.data();
  std::uint32_t end = 0;
  level.degree.assign(n, 0);
  for (std::uint32_t u = 0; u < n; ++u) {
    const std::uint32_t begin = end;
    arcs(u, [&](std::uint32_t v, double w) {
      if (sum[v] == 0) neighbours[end++] = v;
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

// Moves nodes, visited in `order`, between communities while the modularity rises. `allowed(v, c)` limits the moves
// (the refinement keeps each node inside its Louvain community); `only_singletons` moves only
// nodes still alone (the refinement's merge). Returns whether anything moved.
template <typename Allowed>
bool MoveNodes(const LevelGraph& level, double resolution, const std::vector<std::uint32_t>& order,
               std::vector<std::uint32_t>& community, bool only_singletons, bool repeat,
               Allowed&& allowed) {
  const std::size_t n = level.size();
  std::vector<double> total(n, 0);
  std::vector<std::uint32_t> members(n, 0);
  for (std::size_t v = 0; v < n; ++v) {
    total[community[v]] += level.degree[v];
    ++members[community[v]];
  }
  std::vector<double> weight_to(n, 0);
  std::vector<std::uint32_t> touched;
  bool any_move = false;
  // Moves v to the neighbouring community with the largest gain; returns whether it moved.
  auto consider = [&](std::uint32_t v) {
    const std::uint32_t own = community[v];
    if (only_singletons && members[own] != 1) return false;
    for (std::uint32_t i = level.offsets[v]; i < level.offsets[v + 1]; ++i) {
      const std::uint32_t c = community[level.neighbours[i]];
      if (!allowed(v, level.neighbours[i])) continue;
      if (weight_to[c] == 0) touched.push_back(c);
      weight_to[c] += level.weights[i];
    }
    const double k = level.degree[v];
    total[own] -= k;
    const double scale = resolution * k / level.total;
    std::uint32_t best = own;
    double best_gain = weight_to[own] - scale * total[own];
    for (std::uint32_t c : touched) {
      const double gain = weight_to[c] - scale * total[c];
      if (gain > best_gain + 1e-12 || (gain > best_gain - 1e-12 && c < best && best != own)) {
        best = c;
        best_gain = gain;
      }
    }
    for (std::uint32_t c : touched) weight_to[c] = 0;
    touched.clear();
    total[best] += k;
    if (best == own) return false;
    --members[own];
    ++members[best];
    community[v] = best;
    any_move = true;
    return true;
  };
  if (!repeat) {
    for (std::uint32_t v : order) consider(v);
    return any_move;
  }
  // Leiden's fast local moving: a queue holding every node once; a node that moves puts back its
  // neighbours outside its new community, instead of sweeping every node again.
  std::vector<std::uint32_t> ring(order);
  std::vector<char> queued(n, 1);
  std::size_t head = 0;
  for (std::size_t count = n; count > 0; --count) {
    const std::uint32_t v = ring[head];
    head = head + 1 == n ? 0 : head + 1;
    queued[v] = 0;
    if (!consider(v)) continue;
    for (std::uint32_t i = level.offsets[v]; i < level.offsets[v + 1]; ++i) {
      const std::uint32_t u = level.neighbours[i];
      if (queued[u] || community[u] == community[v]) continue;
      queued[u] = 1;
      ring[(head + count - 1) % n] = u;
      ++count;
    }
  }
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
                      std::vector<std::uint32_t> start, std::mt19937_64& random) {
  const std::size_t n = graph.NodeCount();
  Communities result;
  result.community.resize(n);
  // The current level: `base` at first, then each aggregate graph (owned here).
  const LevelGraph* current = &base;
  LevelGraph owned;
  // node_of[v]: the aggregate node that original node v is part of at the current level.
  std::vector<std::uint32_t> node_of(n);
  std::iota(node_of.begin(), node_of.end(), 0u);
  std::vector<std::uint32_t> partition = std::move(start);
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
        MoveNodes(level, options.resolution, order, partition, false, true, anywhere);
    // The aggregates: Leiden's refinement inside each community, or the communities themselves.
    std::vector<std::uint32_t> refined(level.size());
    if (options.refine) {
      std::iota(refined.begin(), refined.end(), 0u);
      MoveNodes(level, options.resolution, order, refined, true, false,
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
    LevelGraph next = MakeLevel(
        aggregates, std::move(loops), level.neighbours.size(), [&](std::uint32_t a, auto&& emit) {
          for (std::uint32_t j = first[a]; j < first[a + 1]; ++j) {
            const std::uint32_t v = members[j];
            for (std::uint32_t i = level.offsets[v]; i < level.offsets[v + 1]; ++i) {
              const std::uint32_t b = refined[level.neighbours[i]];
              if (b != a) emit(b, level.weights[i]);
            }
          }
        });
    // Arcs inside an aggregate: each undirected edge is seen from both ends, so half of each.
    for (std::uint32_t v = 0; v < level.size(); ++v) {
      for (std::uint32_t i = level.offsets[v]; i < level.offsets[v + 1]; ++i) {
        if (refined[level.neighbours[i]] == refined[v]) {
          next.loops[refined[v]] += level.weights[i] / 2;
          next.degree[refined[v]] += level.weights[i];
          next.total += level.weights[i];
        }
      }
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
