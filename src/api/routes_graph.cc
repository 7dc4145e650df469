// /api/v1/graph/summary, search, entities/{id}, expand, path and central: the entity graph of link
// analysis as `ordo graph expand|path|central` reads it (analytics/link_graph.h on src/graph),
// answered from the graph of the request's generation (link_graph_slot.h). Entities are named by
// their entity_id as imported.

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <variant>

#include "analytics/country_directory.h"
#include "api/error_response.h"
#include "api/internal/answer_marking.h"
#include "api/internal/graph_support.h"
#include "api/routes.h"
#include "graph/neighbourhood.h"
#include "graph/shortest_path.h"

namespace ordo::api {
namespace {

using internal::Json;

constexpr std::int64_t kMaxListed = 500;

HttpResponse MissingParameter(std::string_view parameter, std::string_view what) {
  return ErrorResponse(InvalidArgument(std::string(parameter) + ": required; " + std::string(what)),
                       parameter);
}

HttpResponse Summary(const RouteRequest& request) {
  std::shared_ptr<const GraphSnapshot> held;
  if (auto problem = internal::GraphOf(request, held)) return *problem;
  const GraphSnapshot& graph = *held;
  // Counts of the whole graph: every record went into them.
  return internal::MarkedJsonResponse(
      {{"entities", graph.links.graph.NodeCount()}, {"links", graph.links.graph.EdgeCount()}},
      graph.highest);
}

HttpResponse Search(const RouteRequest& request) {
  if (!request.params.Has("q")) return MissingParameter("q", "the text to look for");
  std::shared_ptr<const GraphSnapshot> held;
  if (auto problem = internal::GraphOf(request, held)) return *problem;
  const GraphSnapshot& graph = *held;
  const std::string& text = request.params.Text("q");
  const std::string folded = analytics::FoldForMatching(text);
  const auto limit = static_cast<std::size_t>(request.params.Integer("limit", 20));
  std::vector<graph::NodeId> found;
  const auto exact = graph.links.node_of.find(text);
  if (!folded.empty()) {
    for (std::size_t node = 0; node < graph.folded_names.size(); ++node) {
      if (graph.folded_names[node].find(folded) != std::string::npos) {
        found.push_back(static_cast<graph::NodeId>(node));
      }
    }
  }
  // The entity with exactly this id first, then the best connected.
  const graph::NodeId first =
      exact == graph.links.node_of.end() ? graph::kNoNode : exact->second;
  if (first != graph::kNoNode && std::find(found.begin(), found.end(), first) == found.end()) {
    found.push_back(first);
  }
  auto better = [&](graph::NodeId a, graph::NodeId b) {
    if ((a == first) != (b == first)) return a == first;
    if (graph.degree[a] != graph.degree[b]) return graph.degree[a] > graph.degree[b];
    return a < b;
  };
  const std::size_t shown = std::min(limit, found.size());
  std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(shown), found.end(),
                    better);
  Json entities = Json::array();
  internal::GraphMarking marking(graph);
  for (std::size_t i = 0; i < shown; ++i) {
    Json entity = internal::EntityBriefJson(graph, found[i], true);
    entity["degree"] = graph.degree[found[i]];
    entities.push_back(std::move(entity));
    marking.AddNode(found[i]);
  }
  return internal::MarkedJsonResponse({{"entities", std::move(entities)}, {"total", found.size()}},
                                      marking.highest());
}

HttpResponse EntityDetail(const RouteRequest& request) {
  std::shared_ptr<const GraphSnapshot> held;
  if (auto problem = internal::GraphOf(request, held)) return *problem;
  const GraphSnapshot& graph = *held;
  const std::string& id = request.path_args[0];
  auto node = internal::NodeOf(graph, id, "id");
  if (auto* problem = std::get_if<HttpResponse>(&node)) return *problem;
  auto store = request.links.OpenStore();
  if (!store) return ErrorResponse(store.error());
  auto entity = (*store)->FindEntity(id);
  if (!entity) return ErrorResponse(entity.error());
  // Deleted since the graph was built: the next generation will not list it either.
  if (!entity->has_value()) return ErrorResponse(NotFound("no entity '" + id + "'"), "id");
  const Entity& found = **entity;
  Json properties = Json::object();
  for (const EntityProperty& property : found.properties) {
    properties[property.name].push_back(property.value);
  }
  const graph::NodeId at = std::get<graph::NodeId>(node);
  // The node's marking covers the entities merged into it too.
  internal::GraphMarking marking(graph);
  marking.AddNode(at);
  marking.Add(found.marking);
  return internal::MarkedJsonResponse({{"id", found.entity_id},
                                 {"name", found.name},
                                 {"type", std::string(EntityTypeName(found.type))},
                                 {"schema", internal::TextOrNull(found.schema)},
                                 {"properties", std::move(properties)},
                                 {"source", internal::TextOrNull(found.source)},
                                 {"case", internal::TextOrNull(found.case_id)},
                                 {"synthetic", found.synthetic},
                                 {"compartment", found.compartment},
                                 {"degree", graph.degree[at]}},
                                marking.highest());
}

HttpResponse Expand(const RouteRequest& request) {
  const std::vector<std::string> seed_ids = request.params.All("seed");
  if (seed_ids.empty()) return MissingParameter("seed", "the entity id to expand from");
  auto filter = internal::GraphFilterOf(request);
  if (auto* problem = std::get_if<HttpResponse>(&filter)) return *problem;
  std::shared_ptr<const GraphSnapshot> held;
  if (auto problem = internal::GraphOf(request, held)) return *problem;
  const GraphSnapshot& graph = *held;
  std::vector<graph::NodeId> seeds;
  for (const std::string& id : seed_ids) {
    auto node = internal::NodeOf(graph, id, "seed");
    if (auto* problem = std::get_if<HttpResponse>(&node)) return *problem;
    seeds.push_back(std::get<graph::NodeId>(node));
  }
  graph::NeighbourhoodOptions options;
  options.hops = static_cast<std::size_t>(request.params.Integer("hops", 1));
  options.links = std::get<internal::GraphFilter>(filter).links;
  options.node_types = std::get<internal::GraphFilter>(filter).node_types;
  options.max_links_per_node = static_cast<std::size_t>(request.params.Integer("cap", 50));
  options.offset = static_cast<std::size_t>(request.params.Integer("offset", 0));
  options.limit = static_cast<std::size_t>(request.params.Integer("limit", 200));
  auto found = graph::ExpandNeighbourhood(graph.links.graph, seeds, options);
  if (!found) return ErrorResponse(found.error());
  Json nodes = Json::array();
  Json hidden = Json::array();
  internal::GraphMarking marking(graph);
  for (const graph::NeighbourhoodNode& node : found->nodes) {
    marking.AddNode(node.node);
    Json entry = internal::EntityBriefJson(graph, node.node, true);
    entry["hops"] = node.hops;
    // The ids merged into this entity (docs/names.md, "Merge and unmerge"): its provenance.
    Json merged_ids = Json::array();
    if (const auto merged = graph.links.merged_ids.find(node.node);
        merged != graph.links.merged_ids.end()) {
      merged_ids = merged->second;
    }
    entry["merged_ids"] = std::move(merged_ids);
    nodes.push_back(std::move(entry));
    if (node.hidden_links > 0) {
      hidden.push_back({{"id", graph.links.entity_ids[node.node]}, {"more", node.hidden_links}});
    }
  }
  Json links = Json::array();
  for (const graph::NeighbourhoodLink& link : found->links) {
    links.push_back(internal::LinkJson(graph, link.edge));
    marking.AddEdge(link.edge);
  }
  const std::size_t next = options.offset + found->nodes.size();
  return internal::MarkedJsonResponse(
      {{"nodes", std::move(nodes)},
       {"links", std::move(links)},
       {"hidden", std::move(hidden)},
       {"total", found->total_nodes},
       {"next_offset", next < found->total_nodes ? Json(next) : Json(nullptr)}},
      marking.highest());
}

HttpResponse Path(const RouteRequest& request) {
  if (!request.params.Has("from")) return MissingParameter("from", "the entity id to start at");
  if (!request.params.Has("to")) return MissingParameter("to", "the entity id to reach");
  auto filter = internal::GraphFilterOf(request);
  if (auto* problem = std::get_if<HttpResponse>(&filter)) return *problem;
  std::shared_ptr<const GraphSnapshot> held;
  if (auto problem = internal::GraphOf(request, held)) return *problem;
  const GraphSnapshot& graph = *held;
  auto from = internal::NodeOf(graph, request.params.Text("from"), "from");
  if (auto* problem = std::get_if<HttpResponse>(&from)) return *problem;
  auto to = internal::NodeOf(graph, request.params.Text("to"), "to");
  if (auto* problem = std::get_if<HttpResponse>(&to)) return *problem;
  graph::PathOptions options;
  options.links = std::get<internal::GraphFilter>(filter).links;
  options.node_types = std::get<internal::GraphFilter>(filter).node_types;
  const graph::NodeId a = std::get<graph::NodeId>(from);
  const graph::NodeId b = std::get<graph::NodeId>(to);
  const std::string mode = request.params.Has("mode") ? request.params.Text("mode") : "hops";
  std::vector<graph::Path> paths;
  std::optional<double> total;
  if (mode == "all") {
    const auto max_paths = static_cast<std::size_t>(request.params.Integer("max_paths", 10));
    auto all = graph::FindAllShortestPaths(graph.links.graph, a, b, max_paths, options);
    if (all) {
      paths = std::move(all->paths);
      total = all->total;
    } else if (all.error().code() != ErrorCode::kNotFound) {
      return ErrorResponse(all.error());
    }
  } else {
    auto path = mode == "weighted" ? graph::WeightedShortestPath(graph.links.graph, a, b, options)
                                   : graph::ShortestPath(graph.links.graph, a, b, options);
    if (path) {
      paths.push_back(std::move(*path));
    } else if (path.error().code() != ErrorCode::kNotFound) {
      return ErrorResponse(path.error());
    }
  }
  Json path_list = Json::array();
  std::set<graph::NodeId> node_set;
  std::set<graph::EdgeId> edge_set;
  for (const graph::Path& path : paths) {
    Json node_ids = Json::array();
    Json link_ids = Json::array();
    for (graph::NodeId node : path.nodes) {
      node_ids.push_back(graph.links.entity_ids[node]);
      node_set.insert(node);
    }
    for (graph::EdgeId edge : path.edges) {
      link_ids.push_back(graph.links.link_ids[edge]);
      edge_set.insert(edge);
    }
    path_list.push_back(
        {{"nodes", std::move(node_ids)}, {"links", std::move(link_ids)}, {"length", path.length}});
  }
  internal::GraphMarking marking(graph);
  Json nodes = Json::array();
  for (graph::NodeId node : node_set) {
    nodes.push_back(internal::EntityBriefJson(graph, node, true));
    marking.AddNode(node);
  }
  Json links = Json::array();
  for (graph::EdgeId edge : edge_set) {
    links.push_back(internal::LinkJson(graph, edge));
    marking.AddEdge(edge);
  }
  Json answer = {{"paths", std::move(path_list)},
                 {"nodes", std::move(nodes)},
                 {"links", std::move(links)},
                 {"total", nullptr}};
  if (total) answer["total"] = *total;
  return internal::MarkedJsonResponse(std::move(answer), marking.highest());
}

HttpResponse Central(const RouteRequest& request) {
  std::shared_ptr<const GraphSnapshot> held;
  if (auto problem = internal::GraphOf(request, held)) return *problem;
  const GraphSnapshot& graph = *held;
  const auto limit = static_cast<std::size_t>(request.params.Integer("limit", 20));
  const std::size_t n = graph.links.graph.NodeCount();
  std::vector<graph::NodeId> order(n);
  std::iota(order.begin(), order.end(), graph::NodeId{0});
  const std::size_t shown = std::min(limit, n);
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(shown), order.end(),
                    [&](graph::NodeId a, graph::NodeId b) {
                      if (graph.degree[a] != graph.degree[b]) {
                        return graph.degree[a] > graph.degree[b];
                      }
                      return a < b;
                    });
  Json entities = Json::array();
  for (std::size_t i = 0; i < shown; ++i) {
    Json entity = internal::EntityBriefJson(graph, order[i], true);
    entity["score"] = graph.degree[order[i]];
    entities.push_back(std::move(entity));
  }
  // The ranking compares every entity's degree: the whole graph went into it.
  return internal::MarkedJsonResponse(
      {{"measure", "degree"}, {"entities", std::move(entities)}, {"total", n}}, graph.highest);
}

}  // namespace

void AddGraphRoutes(Router& router) {
  using internal::ChoiceParam;
  using internal::IntegerParam;
  using internal::Paging;
  using internal::RouteParams;
  using internal::TextParam;
  router.Add({"/api/v1/graph/summary", RouteParams({}, Paging::kNone), Summary});
  router.Add({"/api/v1/graph/search",
              RouteParams({TextParam("q", "Text in the name (any case), or an exact entity id"),
                           IntegerParam("limit", 1, kMaxListed, "At most this many entities")},
                          Paging::kNone),
              Search});
  router.Add({"/api/v1/graph/entities/{id}", RouteParams({}, Paging::kNone), EntityDetail});

  std::vector<ParamSpec> expand = {
      TextParam("seed", "Entity id to expand from; repeat for several"),
      IntegerParam("hops", 1, 5, "How many links away"),
      IntegerParam("cap", 0, 100000,
                   "Each expanded entity follows at most this many of its links, the strongest; "
                   "0 = all"),
      IntegerParam("offset", 0, 1000000000, "Entities to skip (paging)"),
      IntegerParam("limit", 1, 5000, "At most this many entities")};
  expand.front().repeatable = true;
  for (ParamSpec& spec : internal::GraphFilterParams()) expand.push_back(std::move(spec));
  router.Add({"/api/v1/graph/expand", RouteParams(std::move(expand), Paging::kNone), Expand});

  std::vector<ParamSpec> path = {
      TextParam("from", "Entity id the paths start at"),
      TextParam("to", "Entity id the paths end at"),
      ChoiceParam("mode", {"hops", "weighted", "all"},
                  "hops: one path of fewest links; weighted: one of least total weight; all: "
                  "every path of fewest links, up to max_paths"),
      IntegerParam("max_paths", 1, 1000, "mode=all: at most this many paths")};
  for (ParamSpec& spec : internal::GraphFilterParams()) path.push_back(std::move(spec));
  router.Add({"/api/v1/graph/path", RouteParams(std::move(path), Paging::kNone), Path});

  router.Add({"/api/v1/graph/central",
              RouteParams({ChoiceParam("measure", {"degree"},
                                       "degree; the whole-graph measures run as jobs"),
                           IntegerParam("limit", 1, kMaxListed, "At most this many entities")},
                          Paging::kNone),
              Central});
}

}  // namespace ordo::api
