// Ordo's graph kernels against igraph's on two generated graphs, one after the other, in the same
// run (issue #5): an R-MAT graph (bench/graph/rmat.h) and one with planted communities
// (bench/graph/planted.h), each ~1M nodes and 10-12M edges:
//   BM_Bfs           breadth-first search from one node along edges   (igraph_bfs_simple)
//   BM_Components    weakly connected components                      (igraph_connected_components)
//   BM_PageRank      PageRank, directed, damping 0.85                 (igraph_pagerank, PRPACK)
//   BM_TwoHop        2-hop neighbourhood of Q random nodes, undirected (igraph_neighborhood)
//   BM_ShortestPath  a fewest-hop path between Q random pairs, undirected (igraph_get_shortest_path)
//   BM_Betweenness   betweenness from the same 4 sources, directed (igraph_betweenness_subset)
//   BM_Communities   Louvain with Leiden's refinement, undirected (igraph_community_leiden with the
//                    modularity objective, 2 iterations as Ordo's, on the graph built undirected,
//                    also setup), once: each takes seconds to tens of seconds
// each as /ordo and /igraph; the latency kernels report p50 and p99 over the Q queries. At the end
// it prints every ratio Ordo/igraph, the checks that both computed the same thing, and the bytes
// per edge. Building either graph is setup and is timed apart, not inside any kernel.
//
// On the planted graph it also prints the adjusted Rand index of both sides' communities against
// the planted ones.
//
//   graph_benchmark [--graphs=rmat,planted] [--scale=20] [--edges=10000000] [--seed=20261201]
//                   [--planted-edges=12000000] [--queries=200] [--benchmark_*]

#include <benchmark/benchmark.h>
#include <igraph.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <thread>
#include <unistd.h>
#include <vector>

#include "bench/graph/planted.h"
#include "bench/graph/rmat.h"
#include "graph/betweenness_centrality.h"
#include "graph/bfs.h"
#include "graph/components.h"
#include "graph/graph.h"
#include "graph/louvain.h"
#include "graph/neighbourhood.h"
#include "graph/pagerank.h"
#include "graph/shortest_path.h"

namespace {

namespace og = ordo::graph;
using Clock = std::chrono::steady_clock;

// The graph both sides run on, built once in main.
struct Workload {
  og::Graph graph;
  igraph_t peer;
  igraph_t undirected_peer;  // the same edges, undirected (igraph's multilevel needs it)
  og::NodeId bfs_source = 0;
  std::vector<og::NodeId> seeds;                        // 2-hop
  std::vector<std::pair<og::NodeId, og::NodeId>> pairs;  // shortest path
  std::vector<og::NodeId> betweenness_sources;
  // The loosest L1 tolerance that still guarantees the tests' bar (every rank within 1e-6 of
  // igraph's): a step that changes the ranks by c in L1 leaves them within c d / (1 - d) = 5.7 c of
  // the fixed point.
  double pagerank_tolerance = 1e-7;
};
Workload* g_work = nullptr;

// What each side computed, compared after the run.
std::map<std::string, double> g_checks;

void Check(igraph_error_t status, const char* what) {
  if (status != IGRAPH_SUCCESS) {
    std::fprintf(stderr, "graph_benchmark: %s failed\n", what);
    std::exit(1);
  }
}

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// Sets p50 and p99 (milliseconds) of `latencies` (seconds) as counters.
void ReportLatencies(benchmark::State& state, std::vector<double> latencies) {
  std::sort(latencies.begin(), latencies.end());
  auto at = [&](double q) {
    return latencies[std::min(latencies.size() - 1,
                              static_cast<std::size_t>(q * static_cast<double>(latencies.size())))];
  };
  state.counters["p50_ms"] = at(0.50) * 1e3;
  state.counters["p99_ms"] = at(0.99) * 1e3;
}

void BM_Bfs_ordo(benchmark::State& state) {
  for (auto _ : state) {
    auto result = og::BreadthFirstSearch(g_work->graph, g_work->bfs_source, og::Direction::kOut);
    g_checks["bfs reached ordo"] = static_cast<double>(result->order.size());
    benchmark::DoNotOptimize(result);
  }
}

void BM_Bfs_igraph(benchmark::State& state) {
  igraph_vector_int_t order, layers, parents;
  igraph_vector_int_init(&order, 0);
  igraph_vector_int_init(&layers, 0);
  igraph_vector_int_init(&parents, 0);
  for (auto _ : state) {
    Check(igraph_bfs_simple(&g_work->peer, g_work->bfs_source, IGRAPH_OUT, &order, &layers,
                            &parents),
          "igraph_bfs_simple");
  }
  g_checks["bfs reached igraph"] = static_cast<double>(igraph_vector_int_size(&order));
  igraph_vector_int_destroy(&order);
  igraph_vector_int_destroy(&layers);
  igraph_vector_int_destroy(&parents);
}

void BM_Components_ordo(benchmark::State& state) {
  for (auto _ : state) {
    og::ComponentLabels labels = og::FindConnectedComponents(g_work->graph);
    g_checks["components ordo"] = static_cast<double>(labels.Count());
    benchmark::DoNotOptimize(labels);
  }
}

void BM_Components_igraph(benchmark::State& state) {
  igraph_vector_int_t membership, sizes;
  igraph_vector_int_init(&membership, 0);
  igraph_vector_int_init(&sizes, 0);
  igraph_integer_t count = 0;
  for (auto _ : state) {
    Check(igraph_connected_components(&g_work->peer, &membership, &sizes, &count, IGRAPH_WEAK),
          "igraph_connected_components");
  }
  g_checks["components igraph"] = static_cast<double>(count);
  igraph_vector_int_destroy(&membership);
  igraph_vector_int_destroy(&sizes);
}

std::vector<double> g_ordo_rank;
std::vector<double> g_igraph_rank;

void BM_PageRank_ordo(benchmark::State& state) {
  og::PageRankOptions options;
  options.tolerance = g_work->pagerank_tolerance;
  // Both cores (igraph's PRPACK has one), with Gauss-Seidel sweeps on each; the (cpu) column
  // compares the work.
  options.threads = std::max(1u, std::thread::hardware_concurrency());
  for (auto _ : state) {
    og::PageRankResult result = og::PageRank(g_work->graph, options);
    state.counters["iterations"] = static_cast<double>(result.iterations);
    g_ordo_rank = std::move(result.rank);
  }
}

void BM_PageRank_igraph(benchmark::State& state) {
  igraph_vector_t rank;
  igraph_vector_init(&rank, 0);
  igraph_real_t eigenvalue = 0;
  for (auto _ : state) {
    Check(igraph_pagerank(&g_work->peer, IGRAPH_PAGERANK_ALGO_PRPACK, &rank, &eigenvalue,
                          igraph_vss_all(), true, 0.85, nullptr, nullptr),
          "igraph_pagerank");
  }
  g_igraph_rank.assign(VECTOR(rank), VECTOR(rank) + igraph_vector_size(&rank));
  igraph_vector_destroy(&rank);
}

void BM_TwoHop_ordo(benchmark::State& state) {
  og::NeighbourhoodOptions options;
  options.hops = 2;
  options.direction = og::Direction::kBoth;
  for (auto _ : state) {
    std::vector<double> latencies;
    double nodes = 0;
    for (og::NodeId seed : g_work->seeds) {
      const Clock::time_point start = Clock::now();
      auto result = og::ExpandNeighbourhood(g_work->graph, {&seed, 1}, options);
      latencies.push_back(Seconds(start));
      nodes += static_cast<double>(result->total_nodes);
    }
    g_checks["2-hop nodes ordo"] = nodes;
    ReportLatencies(state, latencies);
  }
}

void BM_TwoHop_igraph(benchmark::State& state) {
  igraph_vector_int_list_t result;
  igraph_vector_int_list_init(&result, 0);
  for (auto _ : state) {
    std::vector<double> latencies;
    double nodes = 0;
    for (og::NodeId seed : g_work->seeds) {
      const Clock::time_point start = Clock::now();
      Check(igraph_neighborhood(&g_work->peer, &result, igraph_vss_1(seed), 2, IGRAPH_ALL, 0),
            "igraph_neighborhood");
      latencies.push_back(Seconds(start));
      nodes += static_cast<double>(
          igraph_vector_int_size(igraph_vector_int_list_get_ptr(&result, 0)));
    }
    g_checks["2-hop nodes igraph"] = nodes;
    ReportLatencies(state, latencies);
  }
  igraph_vector_int_list_destroy(&result);
}

void BM_ShortestPath_ordo(benchmark::State& state) {
  og::PathOptions options;
  options.direction = og::Direction::kBoth;
  for (auto _ : state) {
    std::vector<double> latencies;
    double hops = 0;
    for (const auto& [from, to] : g_work->pairs) {
      const Clock::time_point start = Clock::now();
      auto path = og::ShortestPath(g_work->graph, from, to, options);
      latencies.push_back(Seconds(start));
      hops += path.has_value() ? path->length : -1;
    }
    g_checks["path hops ordo"] = hops;
    ReportLatencies(state, latencies);
  }
}

void BM_ShortestPath_igraph(benchmark::State& state) {
  igraph_vector_int_t vertices, edges;
  igraph_vector_int_init(&vertices, 0);
  igraph_vector_int_init(&edges, 0);
  for (auto _ : state) {
    std::vector<double> latencies;
    double hops = 0;
    for (const auto& [from, to] : g_work->pairs) {
      const Clock::time_point start = Clock::now();
      Check(igraph_get_shortest_path(&g_work->peer, &vertices, &edges, from, to, IGRAPH_ALL),
            "igraph_get_shortest_path");
      latencies.push_back(Seconds(start));
      const auto length = igraph_vector_int_size(&vertices);
      hops += length > 0 ? static_cast<double>(length - 1) : -1;
    }
    g_checks["path hops igraph"] = hops;
    ReportLatencies(state, latencies);
  }
  igraph_vector_int_destroy(&vertices);
  igraph_vector_int_destroy(&edges);
}

std::vector<double> g_ordo_betweenness;
std::vector<double> g_igraph_betweenness;

void BM_Betweenness_ordo(benchmark::State& state) {
  og::BetweennessOptions options;
  options.sources = g_work->betweenness_sources;
  for (auto _ : state) g_ordo_betweenness = og::Betweenness(g_work->graph, options).score;
}

void BM_Betweenness_igraph(benchmark::State& state) {
  igraph_vector_int_t sources;
  igraph_vector_int_init(&sources, 0);
  for (og::NodeId source : g_work->betweenness_sources) igraph_vector_int_push_back(&sources, source);
  igraph_vector_t scores;
  igraph_vector_init(&scores, 0);
  for (auto _ : state) {
    Check(igraph_betweenness_subset(&g_work->peer, &scores, igraph_vss_all(), true,
                                    igraph_vss_vector(&sources), igraph_vss_all(), nullptr),
          "igraph_betweenness_subset");
  }
  g_igraph_betweenness.assign(VECTOR(scores), VECTOR(scores) + igraph_vector_size(&scores));
  igraph_vector_destroy(&scores);
  igraph_vector_int_destroy(&sources);
}

double g_ordo_modularity = -1;
double g_igraph_modularity = -1;
std::vector<std::uint32_t> g_ordo_communities;
std::vector<std::uint32_t> g_igraph_communities;

void BM_Communities_ordo(benchmark::State& state) {
  og::CommunityOptions options;
  options.iterations = 2;  // as igraph's Leiden below; the tests use more
  // Both cores share local moving on the large levels (igraph's Leiden has one thread); the
  // communities are the same on one thread. The (cpu) column compares the work.
  options.threads = std::max(1u, std::thread::hardware_concurrency());
  for (auto _ : state) {
    og::Communities communities = og::FindCommunities(g_work->graph, options);
    g_ordo_modularity = communities.modularity;
    state.counters["communities"] = static_cast<double>(communities.count);
    g_ordo_communities = std::move(communities.community);
  }
}

// igraph's Leiden with the modularity objective: node weights are the degrees and the resolution
// 1 / 2m (igraph's documented way to optimise modularity), beta 0.01 (its default), 2 iterations.
void BM_Communities_igraph(benchmark::State& state) {
  igraph_vector_int_t membership;
  igraph_vector_int_init(&membership, 0);
  igraph_vector_t degree;
  igraph_vector_init(&degree, 0);
  igraph_rng_seed(igraph_rng_default(), 1);
  igraph_integer_t clusters = 0;
  for (auto _ : state) {
    Check(igraph_strength(&g_work->undirected_peer, &degree, igraph_vss_all(), IGRAPH_ALL,
                          IGRAPH_LOOPS, nullptr),
          "igraph_strength");
    igraph_real_t quality = 0;
    Check(igraph_community_leiden(
              &g_work->undirected_peer, nullptr, &degree,
              1.0 / (2.0 * static_cast<double>(igraph_ecount(&g_work->undirected_peer))), 0.01,
              false, 2, &membership, &clusters, &quality),
          "igraph_community_leiden");
    state.counters["communities"] = static_cast<double>(clusters);
  }
  Check(igraph_modularity(&g_work->undirected_peer, &membership, nullptr, 1.0, IGRAPH_UNDIRECTED,
                          &g_igraph_modularity),
        "igraph_modularity");
  g_igraph_communities.assign(VECTOR(membership),
                              VECTOR(membership) + igraph_vector_int_size(&membership));
  igraph_vector_destroy(&degree);
  igraph_vector_int_destroy(&membership);
}

BENCHMARK(BM_Bfs_ordo)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_Bfs_igraph)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_Components_ordo)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_Components_igraph)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_PageRank_ordo)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_PageRank_igraph)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_TwoHop_ordo)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_TwoHop_igraph)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_ShortestPath_ordo)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_ShortestPath_igraph)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_Betweenness_ordo)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_Betweenness_igraph)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_Communities_ordo)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(1)->UseRealTime();
BENCHMARK(BM_Communities_igraph)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(1)->UseRealTime();

// The console output as usual; besides, keeps every repetition's time and counters per benchmark.
class RatioReporter final : public benchmark::ConsoleReporter {
 public:
  RatioReporter() : ConsoleReporter(OO_Tabular) {}

  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      if (run.error_occurred || run.run_type != Run::RT_Iteration || run.iterations == 0) continue;
      const std::string name = run.run_name.function_name;
      values_[name + " time"].push_back(run.real_accumulated_time /
                                        static_cast<double>(run.iterations) * 1e3);
      values_[name + " cpu"].push_back(run.cpu_accumulated_time /
                                       static_cast<double>(run.iterations) * 1e3);
      for (const auto& [counter, value] : run.counters) {
        values_[name + " " + counter].push_back(value.value);
      }
    }
    ConsoleReporter::ReportRuns(runs);
  }

  // The median over repetitions of BM_<kernel>_<side> <measure>, or -1.
  double Median(const std::string& kernel, const std::string& side,
                const std::string& measure) const {
    const auto found = values_.find("BM_" + kernel + "_" + side + " " + measure);
    if (found == values_.end()) return -1;
    std::vector<double> v = found->second;
    std::sort(v.begin(), v.end());
    const std::size_t middle = v.size() / 2;
    return v.size() % 2 == 1 ? v[middle] : (v[middle - 1] + v[middle]) / 2.0;
  }

 private:
  std::map<std::string, std::vector<double>> values_;
};

// Prints the medians and Ordo/igraph of `measure`, against `target` (none when <= 0); for a
// "time" also the ratio of the CPU times, which a loaded machine disturbs less than the wall time.
void PrintRatio(const RatioReporter& reporter, const char* label, const std::string& kernel,
                const std::string& measure, double target) {
  const double ours = reporter.Median(kernel, "ordo", measure);
  const double theirs = reporter.Median(kernel, "igraph", measure);
  if (ours < 0 || theirs <= 0) {
    std::printf("%-26s %12s\n", label, "not run");
    return;
  }
  const double ratio = ours / theirs;
  char cpu[32] = "-";
  if (measure == "time") {
    const double cpu_ours = reporter.Median(kernel, "ordo", "cpu");
    const double cpu_theirs = reporter.Median(kernel, "igraph", "cpu");
    if (cpu_ours >= 0 && cpu_theirs > 0) {
      std::snprintf(cpu, sizeof cpu, "%.3f", cpu_ours / cpu_theirs);
    }
  }
  if (target <= 0) {  // shown, with no target
    std::printf("%-26s %12.3f %12.3f %12.3f %10s %10s\n", label, ours, theirs, ratio, cpu, "");
    return;
  }
  std::printf("%-26s %12.3f %12.3f %12.3f %10s %10.2f %s\n", label, ours, theirs, ratio, cpu,
              target, ratio <= target ? "met" : "MISSED");
}

// Resident memory of this process, in bytes.
double ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  double pages = 0;
  double resident = 0;
  statm >> pages >> resident;
  return resident * static_cast<double>(sysconf(_SC_PAGESIZE));
}

// Whether the communities in `community` induce connected subgraphs: the components of the graph
// restricted to the edges inside communities number as many as the communities.
bool CommunitiesConnected(const og::Graph& graph, const std::vector<std::uint32_t>& community) {
  og::GraphBuilder builder(graph.NodeCount());
  for (og::NodeId u = 0; u < graph.NodeCount(); ++u) {
    for (og::NodeId v : graph.OutTargets(u)) {
      if (community[u] == community[v]) builder.AddEdge({.source = u, .target = v});
    }
  }
  const og::Graph inside = *builder.Build();
  const std::uint32_t labels = *std::max_element(community.begin(), community.end()) + 1;
  std::vector<char> used(labels, 0);
  std::size_t count = 0;
  for (std::uint32_t c : community) count += used[c] ? 0 : (used[c] = 1);
  return og::FindConnectedComponents(inside).Count() == count;
}

// Builds one graph on both sides, runs every selected kernel on it, prints the ratios and checks.
// `truth` (may be empty) is the planted community of each node.
void RunOn(const char* name, std::size_t n,
           const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges,
           const std::vector<std::uint32_t>& truth, std::size_t queries, std::uint64_t seed) {
  Workload work;
  ordo::bench::SplitMix64 random(seed + 1);
  // Ordo's graph carries what the link-analysis graph carries: node types, and per edge a link
  // type and a validity interval (some ends open). No weights (they would add 4 B per edge).
  double before = ResidentBytes();
  Clock::time_point start = Clock::now();
  {
    og::GraphBuilder builder(n);
    builder.Reserve(edges.size());
    for (std::size_t v = 0; v < n; ++v) {
      builder.SetNodeType(static_cast<og::NodeId>(v), static_cast<og::NodeType>(random.Below(7)));
    }
    for (const auto& [from, to] : edges) {
      const auto day = static_cast<og::Day>(18000 + random.Below(3000));
      builder.AddEdge({.source = from,
                       .target = to,
                       .type = static_cast<og::LinkType>(random.Below(11)),
                       .valid_from = random.Below(4) == 0 ? og::kOpenStart : day,
                       .valid_to = random.Below(2) == 0 ? og::kOpenEnd : day + 365});
    }
    work.graph = std::move(*builder.Build());
  }
  const double ordo_build = Seconds(start);
  const double ordo_rss = ResidentBytes() - before;

  igraph_vector_int_t pairs;
  igraph_vector_int_init(&pairs, static_cast<igraph_integer_t>(2 * edges.size()));
  for (std::size_t i = 0; i < edges.size(); ++i) {
    VECTOR(pairs)[2 * i] = edges[i].first;
    VECTOR(pairs)[2 * i + 1] = edges[i].second;
  }
  before = ResidentBytes();
  start = Clock::now();
  Check(igraph_create(&work.peer, &pairs, static_cast<igraph_integer_t>(n), IGRAPH_DIRECTED),
        "igraph_create");
  const double igraph_build = Seconds(start);
  const double igraph_rss = ResidentBytes() - before;
  Check(igraph_create(&work.undirected_peer, &pairs, static_cast<igraph_integer_t>(n),
                      IGRAPH_UNDIRECTED),
        "igraph_create");
  igraph_vector_int_destroy(&pairs);
  std::printf("[%s] built: Ordo %.2f s, igraph (igraph_create from its edge vector) %.2f s\n",
              name, ordo_build, igraph_build);

  // The BFS source: the node with the most out-edges, so that the search reaches the giant part.
  for (og::NodeId v = 0; v < n; ++v) {
    if (work.graph.OutDegree(v) > work.graph.OutDegree(work.bfs_source)) work.bfs_source = v;
  }
  // Query nodes: uniform over the largest connected component, as an analyst asks about entities
  // that are linked to something (R-MAT leaves many nodes isolated, and a query on one of those
  // measures nothing).
  std::vector<og::NodeId> giant;
  {
    const og::ComponentLabels labels = og::FindConnectedComponents(work.graph);
    const auto largest = static_cast<std::uint32_t>(
        std::max_element(labels.sizes.begin(), labels.sizes.end()) - labels.sizes.begin());
    for (og::NodeId v = 0; v < n; ++v) {
      if (labels.component[v] == largest) giant.push_back(v);
    }
    std::printf("[%s] largest component: %zu nodes (%.1f%%); query nodes drawn from it\n", name,
                giant.size(), 100.0 * static_cast<double>(giant.size()) / static_cast<double>(n));
  }
  for (std::size_t q = 0; q < queries; ++q) {
    work.seeds.push_back(giant[random.Below(giant.size())]);
    work.pairs.emplace_back(giant[random.Below(giant.size())], giant[random.Below(giant.size())]);
  }
  // Betweenness sources: from the largest component too, so that each search covers it.
  for (int s = 0; s < 4; ++s) work.betweenness_sources.push_back(giant[random.Below(giant.size())]);
  g_work = &work;
  g_checks.clear();
  g_ordo_rank.clear();
  g_igraph_rank.clear();
  g_ordo_betweenness.clear();
  g_igraph_betweenness.clear();
  g_ordo_modularity = g_igraph_modularity = -1;
  g_ordo_communities.clear();
  g_igraph_communities.clear();

  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);

  std::printf("\n[%s] %-21s %12s %12s %12s %10s %10s\n", name, "median of repetitions, ms",
              "Ordo", "igraph", "Ordo/igraph", "(cpu)", "target");
  PrintRatio(reporter, "BFS from one node", "Bfs", "time", 0.1);
  PrintRatio(reporter, "connected components", "Components", "time", 0.1);
  PrintRatio(reporter, "PageRank", "PageRank", "time", 0.1);
  PrintRatio(reporter, "2-hop expansion p50", "TwoHop", "p50_ms", 0.5);
  PrintRatio(reporter, "2-hop expansion p99", "TwoHop", "p99_ms", 0);
  PrintRatio(reporter, "shortest path p50", "ShortestPath", "p50_ms", 0.1);
  PrintRatio(reporter, "shortest path p99", "ShortestPath", "p99_ms", 0.1);
  PrintRatio(reporter, "betweenness, 4 sources", "Betweenness", "time", 0.5);
  PrintRatio(reporter, "communities (Leiden)", "Communities", "time", 0.2);
  if (const double p50 = reporter.Median("TwoHop", "ordo", "p50_ms"); p50 >= 0) {
    std::printf("2-hop p50 under 1 ms: %s\n", p50 < 1.0 ? "met" : "MISSED");
  }

  std::printf("\n[%s] same answers (Ordo | igraph):\n", name);
  for (const char* what : {"bfs reached", "components", "2-hop nodes", "path hops"}) {
    const std::string ours = std::string(what) + " ordo";
    const std::string theirs = std::string(what) + " igraph";
    if (!g_checks.count(ours) || !g_checks.count(theirs)) continue;
    std::printf("  %-12s %14.0f | %14.0f  %s\n", what, g_checks[ours], g_checks[theirs],
                g_checks[ours] == g_checks[theirs] ? "equal" : "DIFFERENT");
  }
  if (!g_ordo_rank.empty() && g_ordo_rank.size() == g_igraph_rank.size()) {
    double worst = 0;
    for (std::size_t v = 0; v < g_ordo_rank.size(); ++v) {
      worst = std::max(worst, std::fabs(g_ordo_rank[v] - g_igraph_rank[v]));
    }
    std::printf("  PageRank     max |Ordo - igraph| = %.2e (Ordo's L1 tolerance %.0e)\n", worst,
                work.pagerank_tolerance);
  }
  if (!g_ordo_betweenness.empty() && g_ordo_betweenness.size() == g_igraph_betweenness.size()) {
    double worst = 0;
    for (std::size_t v = 0; v < g_ordo_betweenness.size(); ++v) {
      worst = std::max(worst, std::fabs(g_ordo_betweenness[v] - g_igraph_betweenness[v]) /
                                  std::max(1.0, std::fabs(g_igraph_betweenness[v])));
    }
    std::printf("  betweenness  max relative |Ordo - igraph| = %.2e\n", worst);
  }
  if (g_ordo_modularity >= 0 && g_igraph_modularity >= 0) {
    std::printf("  modularity   Ordo %.4f | igraph Leiden %.4f  (target: within 0.005: %s)\n",
                g_ordo_modularity, g_igraph_modularity,
                g_ordo_modularity >= g_igraph_modularity - 0.005 ? "met" : "MISSED");
  }
  if (!g_ordo_communities.empty()) {
    std::printf("  every Ordo community connected: %s\n",
                CommunitiesConnected(work.graph, g_ordo_communities) ? "yes" : "NO");
  }
  if (!truth.empty() && !g_ordo_communities.empty() && !g_igraph_communities.empty()) {
    std::vector<std::uint32_t> igraph_labels(g_igraph_communities.begin(),
                                             g_igraph_communities.end());
    std::printf("  adjusted Rand index against the planted communities: Ordo %.4f | igraph %.4f\n",
                ordo::bench::AdjustedRandIndex(g_ordo_communities, truth),
                ordo::bench::AdjustedRandIndex(igraph_labels, truth));
  }
  const double m = static_cast<double>(edges.size());
  std::printf("\n[%s] bytes per edge: Ordo %.2f (node types, link types, validity days, in- and "
              "out-adjacency; %.0f MiB); resident growth while building: Ordo %.1f, igraph %.1f "
              "(igraph_create, no types or days)\n",
              name, work.graph.BytesPerEdge(),
              static_cast<double>(work.graph.MemoryBytes()) / 1048576.0, ordo_rss / m,
              igraph_rss / m);
  std::printf("bytes per edge target <= 24: %s\n\n", work.graph.BytesPerEdge() <= 24 ? "met" : "MISSED");
  igraph_destroy(&work.peer);
  igraph_destroy(&work.undirected_peer);
  g_work = nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  ordo::bench::RmatParameters rmat;
  ordo::bench::PlantedParameters planted;
  std::size_t queries = 200;
  std::string graphs = "rmat,planted";
  std::string repetitions = "--benchmark_repetitions=3";
  std::vector<char*> rest = {argv[0], repetitions.data()};
  for (int index = 1; index < argc; ++index) {
    const std::string_view arg = argv[index];
    auto value = [&](std::string_view flag) { return std::stoull(std::string(arg.substr(flag.size()))); };
    if (arg.starts_with("--scale=")) {
      rmat.scale = static_cast<int>(value("--scale="));
    } else if (arg.starts_with("--edges=")) {
      rmat.edge_count = value("--edges=");
    } else if (arg.starts_with("--planted-edges=")) {
      planted.edge_count = value("--planted-edges=");
    } else if (arg.starts_with("--seed=")) {
      rmat.seed = value("--seed=");
      planted.seed = rmat.seed + 1;
    } else if (arg.starts_with("--queries=")) {
      queries = value("--queries=");
    } else if (arg.starts_with("--graphs=")) {
      graphs = std::string(arg.substr(9));
    } else {
      rest.push_back(argv[index]);
    }
  }
  if (rmat.scale < 4 || rmat.scale > 30 || rmat.edge_count == 0 || planted.edge_count == 0 ||
      queries == 0) {
    std::fprintf(stderr, "graph_benchmark: --scale must be in [4, 30], --edges, --planted-edges "
                         "and --queries > 0\n");
    return 2;
  }
  igraph_set_warning_handler(igraph_warning_handler_ignore);
  int rest_count = static_cast<int>(rest.size());
  benchmark::Initialize(&rest_count, rest.data());
  if (benchmark::ReportUnrecognizedArguments(rest_count, rest.data())) return 2;

  const std::size_t n = std::size_t{1} << rmat.scale;
  if (graphs.find("rmat") != std::string::npos) {
    std::printf("R-MAT: scale %d (%zu nodes), %zu edges, a=%.2f b=%.2f c=%.2f d=%.2f, seed %llu, "
                "%zu queries; ids shuffled; self-loops and parallel edges kept\n",
                rmat.scale, n, rmat.edge_count, rmat.a, rmat.b, rmat.c,
                1 - rmat.a - rmat.b - rmat.c, static_cast<unsigned long long>(rmat.seed), queries);
    const Clock::time_point start = Clock::now();
    const auto edges = ordo::bench::GenerateRmat(rmat);
    std::printf("generated in %.2f s\n", Seconds(start));
    RunOn("rmat", n, edges, {}, queries, rmat.seed);
  }
  if (graphs.find("planted") != std::string::npos) {
    planted.node_count = static_cast<std::uint32_t>(n);
    const Clock::time_point start = Clock::now();
    const ordo::bench::PlantedGraph generated = ordo::bench::GeneratePlanted(planted);
    std::printf("planted communities (synthetic): %u nodes, %zu edges, %zu communities of %u to %u "
                "nodes (power law, exponent 2), mixing %.2f, seed %llu; generated in %.2f s\n",
                planted.node_count, planted.edge_count, generated.community_count,
                planted.min_size, planted.max_size, planted.mixing,
                static_cast<unsigned long long>(planted.seed), Seconds(start));
    RunOn("planted", n, generated.edges, generated.community, queries, planted.seed);
  }
  benchmark::Shutdown();
  return 0;
}
