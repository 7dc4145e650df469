#include "graph/testing/igraph_oracle.h"

#include <igraph.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ordo::graph::testing {
namespace {

void Check(igraph_error_t status, const char* what) {
  if (status != IGRAPH_SUCCESS) throw std::runtime_error(what);
}

// Owns an igraph_t built from an arc list.
class IgraphGraph {
 public:
  IgraphGraph(std::size_t vertex_count,
              const std::vector<std::pair<std::size_t, std::size_t>>& arcs,
              bool directed = true) {
    igraph_vector_int_t edges;
    Check(igraph_vector_int_init(&edges, static_cast<igraph_integer_t>(2 * arcs.size())),
          "igraph_vector_int_init");
    for (std::size_t i = 0; i < arcs.size(); ++i) {
      VECTOR(edges)[2 * i] = static_cast<igraph_integer_t>(arcs[i].first);
      VECTOR(edges)[2 * i + 1] = static_cast<igraph_integer_t>(arcs[i].second);
    }
    const igraph_error_t created = igraph_create(
        &graph_, &edges, static_cast<igraph_integer_t>(vertex_count),
        directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&edges);
    Check(created, "igraph_create");
  }
  ~IgraphGraph() { igraph_destroy(&graph_); }
  IgraphGraph(const IgraphGraph&) = delete;
  IgraphGraph& operator=(const IgraphGraph&) = delete;

  const igraph_t* get() const { return &graph_; }

 private:
  igraph_t graph_;
};

igraph_neimode_t ToIgraph(Mode mode) {
  switch (mode) {
    case Mode::kOut:
      return IGRAPH_OUT;
    case Mode::kIn:
      return IGRAPH_IN;
    case Mode::kAll:
      return IGRAPH_ALL;
  }
  return IGRAPH_ALL;
}

// Owns an initialised igraph vector of each kind.
struct IntVector {
  IntVector() { Check(igraph_vector_int_init(&v, 0), "igraph_vector_int_init"); }
  ~IntVector() { igraph_vector_int_destroy(&v); }
  IntVector(const IntVector&) = delete;
  IntVector& operator=(const IntVector&) = delete;
  igraph_vector_int_t v;
};

struct RealVector {
  explicit RealVector(const std::vector<double>& values = {}) {
    Check(igraph_vector_init(&v, static_cast<igraph_integer_t>(values.size())),
          "igraph_vector_init");
    for (std::size_t i = 0; i < values.size(); ++i) VECTOR(v)[i] = values[i];
  }
  ~RealVector() { igraph_vector_destroy(&v); }
  RealVector(const RealVector&) = delete;
  RealVector& operator=(const RealVector&) = delete;
  igraph_vector_t v;
};

struct RealMatrix {
  RealMatrix() { Check(igraph_matrix_init(&m, 0, 0), "igraph_matrix_init"); }
  ~RealMatrix() { igraph_matrix_destroy(&m); }
  RealMatrix(const RealMatrix&) = delete;
  RealMatrix& operator=(const RealMatrix&) = delete;
  igraph_matrix_t m;
};

struct IntVectorList {
  IntVectorList() { Check(igraph_vector_int_list_init(&l, 0), "igraph_vector_int_list_init"); }
  ~IntVectorList() { igraph_vector_int_list_destroy(&l); }
  IntVectorList(const IntVectorList&) = delete;
  IntVectorList& operator=(const IntVectorList&) = delete;
  igraph_vector_int_list_t l;
};

igraph_integer_t Id(std::size_t node) { return static_cast<igraph_integer_t>(node); }

}  // namespace

double IgraphMaxFlowValue(std::size_t vertex_count, const std::vector<Arc>& arcs,
                          std::size_t source, std::size_t sink) {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (const Arc& arc : arcs) pairs.emplace_back(arc.from, arc.to);
  IgraphGraph graph(vertex_count, pairs);
  igraph_vector_t capacity;
  Check(igraph_vector_init(&capacity, static_cast<igraph_integer_t>(arcs.size())),
        "igraph_vector_init");
  for (std::size_t i = 0; i < arcs.size(); ++i) VECTOR(capacity)[i] = arcs[i].capacity;
  igraph_real_t value = 0;
  const igraph_error_t status =
      igraph_maxflow_value(graph.get(), &value, static_cast<igraph_integer_t>(source),
                           static_cast<igraph_integer_t>(sink), &capacity, nullptr);
  igraph_vector_destroy(&capacity);
  Check(status, "igraph_maxflow_value");
  return value;
}

std::vector<double> IgraphDirectedBetweenness(const std::vector<std::vector<std::size_t>>& out) {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t v = 0; v < out.size(); ++v) {
    for (std::size_t w : out[v]) pairs.emplace_back(v, w);
  }
  IgraphGraph graph(out.size(), pairs);
  igraph_vector_t scores;
  Check(igraph_vector_init(&scores, 0), "igraph_vector_init");
  const igraph_error_t status =
      igraph_betweenness(graph.get(), &scores, igraph_vss_all(), IGRAPH_DIRECTED, nullptr);
  std::vector<double> result;
  if (status == IGRAPH_SUCCESS) {
    for (igraph_integer_t i = 0; i < igraph_vector_size(&scores); ++i) {
      result.push_back(VECTOR(scores)[i]);
    }
  }
  igraph_vector_destroy(&scores);
  Check(status, "igraph_betweenness");
  return result;
}

std::vector<std::size_t> IgraphWeakComponents(std::size_t node_count, const ArcList& arcs) {
  IgraphGraph graph(node_count, arcs);
  IntVector membership;
  igraph_integer_t count = 0;
  Check(igraph_connected_components(graph.get(), &membership.v, nullptr, &count, IGRAPH_WEAK),
        "igraph_connected_components");
  std::vector<std::size_t> result;
  for (igraph_integer_t i = 0; i < igraph_vector_int_size(&membership.v); ++i) {
    result.push_back(static_cast<std::size_t>(VECTOR(membership.v)[i]));
  }
  return result;
}

std::vector<long> IgraphHopDistances(std::size_t node_count, const ArcList& arcs,
                                     std::size_t source, Mode mode) {
  IgraphGraph graph(node_count, arcs);
  RealMatrix distances;
  Check(igraph_distances(graph.get(), &distances.m, igraph_vss_1(Id(source)), igraph_vss_all(),
                         ToIgraph(mode)),
        "igraph_distances");
  std::vector<long> result;
  for (std::size_t v = 0; v < node_count; ++v) {
    const double d = MATRIX(distances.m, 0, Id(v));
    result.push_back(std::isfinite(d) ? static_cast<long>(d) : -1);
  }
  return result;
}

std::vector<double> IgraphWeightedDistances(std::size_t node_count, const ArcList& arcs,
                                            const std::vector<double>& weights,
                                            std::size_t source, Mode mode) {
  IgraphGraph graph(node_count, arcs);
  RealVector igraph_weights(weights);
  RealMatrix distances;
  Check(igraph_distances_dijkstra(graph.get(), &distances.m, igraph_vss_1(Id(source)),
                                  igraph_vss_all(), &igraph_weights.v, ToIgraph(mode)),
        "igraph_distances_dijkstra");
  std::vector<double> result;
  for (std::size_t v = 0; v < node_count; ++v) result.push_back(MATRIX(distances.m, 0, Id(v)));
  return result;
}

std::vector<double> IgraphShortestPathCounts(std::size_t node_count, const ArcList& arcs,
                                             std::size_t source, Mode mode) {
  IgraphGraph graph(node_count, arcs);
  IntVector counts;
  Check(igraph_get_all_shortest_paths(graph.get(), nullptr, nullptr, &counts.v, Id(source),
                                      igraph_vss_all(), ToIgraph(mode)),
        "igraph_get_all_shortest_paths");
  std::vector<double> result;
  for (std::size_t v = 0; v < node_count; ++v) {
    result.push_back(static_cast<double>(VECTOR(counts.v)[Id(v)]));
  }
  return result;
}

std::vector<std::size_t> IgraphNeighbourhood(std::size_t node_count, const ArcList& arcs,
                                             std::size_t node, std::size_t order, Mode mode) {
  IgraphGraph graph(node_count, arcs);
  IntVectorList neighbourhoods;
  Check(igraph_neighborhood(graph.get(), &neighbourhoods.l, igraph_vss_1(Id(node)), Id(order),
                            ToIgraph(mode), 0),
        "igraph_neighborhood");
  const igraph_vector_int_t* members = igraph_vector_int_list_get_ptr(&neighbourhoods.l, 0);
  std::vector<std::size_t> result;
  for (igraph_integer_t i = 0; i < igraph_vector_int_size(members); ++i) {
    result.push_back(static_cast<std::size_t>(VECTOR(*members)[i]));
  }
  std::sort(result.begin(), result.end());
  return result;
}

std::vector<double> IgraphPageRank(std::size_t node_count, const ArcList& arcs, bool directed,
                                   double damping, const std::vector<double>& weights) {
  IgraphGraph graph(node_count, arcs);
  RealVector igraph_weights(weights);
  RealVector ranks;
  igraph_real_t eigenvalue = 0;
  Check(igraph_pagerank(graph.get(), IGRAPH_PAGERANK_ALGO_PRPACK, &ranks.v, &eigenvalue,
                        igraph_vss_all(), directed, damping,
                        weights.empty() ? nullptr : &igraph_weights.v, nullptr),
        "igraph_pagerank");
  std::vector<double> result;
  for (std::size_t v = 0; v < node_count; ++v) result.push_back(VECTOR(ranks.v)[Id(v)]);
  return result;
}

std::vector<long> IgraphCoreness(std::size_t node_count, const ArcList& arcs) {
  IgraphGraph graph(node_count, arcs);
  IntVector cores;
  Check(igraph_coreness(graph.get(), &cores.v, IGRAPH_ALL), "igraph_coreness");
  std::vector<long> result;
  for (std::size_t v = 0; v < node_count; ++v) {
    result.push_back(static_cast<long>(VECTOR(cores.v)[Id(v)]));
  }
  return result;
}

std::vector<double> IgraphBetweenness(std::size_t node_count, const ArcList& arcs, bool directed) {
  IgraphGraph graph(node_count, arcs);
  RealVector scores;
  Check(igraph_betweenness(graph.get(), &scores.v, igraph_vss_all(), directed, nullptr),
        "igraph_betweenness");
  return {VECTOR(scores.v), VECTOR(scores.v) + igraph_vector_size(&scores.v)};
}

std::vector<double> IgraphBetweennessFrom(std::size_t node_count, const ArcList& arcs,
                                          bool directed, const std::vector<std::size_t>& sources) {
  IgraphGraph graph(node_count, arcs);
  IntVector source_ids;
  for (std::size_t source : sources) {
    Check(igraph_vector_int_push_back(&source_ids.v, Id(source)), "igraph_vector_int_push_back");
  }
  RealVector scores;
  Check(igraph_betweenness_subset(graph.get(), &scores.v, igraph_vss_all(), directed,
                                  igraph_vss_vector(&source_ids.v), igraph_vss_all(), nullptr),
        "igraph_betweenness_subset");
  return {VECTOR(scores.v), VECTOR(scores.v) + igraph_vector_size(&scores.v)};
}

double IgraphModularity(std::size_t node_count, const ArcList& arcs,
                        const std::vector<double>& weights,
                        const std::vector<std::uint32_t>& membership, double resolution) {
  IgraphGraph graph(node_count, arcs, false);
  RealVector igraph_weights(weights);
  IntVector igraph_membership;
  for (std::uint32_t c : membership) {
    Check(igraph_vector_int_push_back(&igraph_membership.v, c), "igraph_vector_int_push_back");
  }
  igraph_real_t q = 0;
  Check(igraph_modularity(graph.get(), &igraph_membership.v,
                          weights.empty() ? nullptr : &igraph_weights.v, resolution, false, &q),
        "igraph_modularity");
  return q;
}

double IgraphMultilevelModularity(std::size_t node_count, const ArcList& arcs,
                                  const std::vector<double>& weights) {
  IgraphGraph graph(node_count, arcs, false);
  RealVector igraph_weights(weights);
  IntVector membership;
  RealVector modularity;
  Check(igraph_community_multilevel(graph.get(), weights.empty() ? nullptr : &igraph_weights.v,
                                    1.0, &membership.v, nullptr, &modularity.v),
        "igraph_community_multilevel");
  double best = -1;
  for (igraph_integer_t i = 0; i < igraph_vector_size(&modularity.v); ++i) {
    best = std::max(best, VECTOR(modularity.v)[i]);
  }
  return best;
}

std::vector<std::size_t> IgraphArticulationPoints(std::size_t node_count, const ArcList& arcs) {
  IgraphGraph graph(node_count, arcs, false);
  IntVector points;
  Check(igraph_articulation_points(graph.get(), &points.v), "igraph_articulation_points");
  std::vector<std::size_t> result;
  for (igraph_integer_t i = 0; i < igraph_vector_int_size(&points.v); ++i) {
    result.push_back(static_cast<std::size_t>(VECTOR(points.v)[i]));
  }
  std::sort(result.begin(), result.end());
  return result;
}

}  // namespace ordo::graph::testing
