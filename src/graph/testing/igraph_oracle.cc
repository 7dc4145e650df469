#include "graph/testing/igraph_oracle.h"

#include <igraph.h>

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
              const std::vector<std::pair<std::size_t, std::size_t>>& arcs) {
    igraph_vector_int_t edges;
    Check(igraph_vector_int_init(&edges, static_cast<igraph_integer_t>(2 * arcs.size())),
          "igraph_vector_int_init");
    for (std::size_t i = 0; i < arcs.size(); ++i) {
      VECTOR(edges)[2 * i] = static_cast<igraph_integer_t>(arcs[i].first);
      VECTOR(edges)[2 * i + 1] = static_cast<igraph_integer_t>(arcs[i].second);
    }
    const igraph_error_t created = igraph_create(
        &graph_, &edges, static_cast<igraph_integer_t>(vertex_count), IGRAPH_DIRECTED);
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

}  // namespace ordo::graph::testing
