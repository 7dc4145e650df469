#pragma once
// Helpers shared by the entity-graph routes (routes_graph.cc, routes_graph_jobs.cc): the graph of
// the request's generation, the type filters, and the JSON form of entities and links
// (docs/api/README.md, "Entity graph").

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "analytics/duplicate_candidates.h"
#include "api/internal/route_support.h"
#include "api/link_graph_slot.h"
#include "graph/link_filter.h"

namespace ordo::api::internal {

// Sets `graph` to the request's graph and returns nothing, or returns the error answer (409
// without an entity graph, 503 when it cannot be read).
std::optional<HttpResponse> GraphOf(const RouteRequest& request,
                                    std::shared_ptr<const GraphSnapshot>& graph);

// The node with entity id `id`, or a 404 answer naming `parameter` ("no entity 'x'").
std::variant<graph::NodeId, HttpResponse> NodeOf(const GraphSnapshot& graph, const std::string& id,
                                                 std::string_view parameter);

// The `link_types`, `entity_types` and `as_of` parameters (comma-separated type names), or a 400
// answer naming the parameter.
struct GraphFilter {
  graph::LinkFilter links;
  graph::TypeSet node_types;
};
std::variant<GraphFilter, HttpResponse> GraphFilterOf(const RouteRequest& request);
std::vector<ParamSpec> GraphFilterParams();

// {"id", "name", "type", "compartment", "marking"}; `synthetic` adds "synthetic". A node of a
// merge group shows the kept entity's compartment and the highest marking of the group.
Json EntityBriefJson(const GraphSnapshot& graph, graph::NodeId node, bool synthetic);
// {"id", "type", "from", "to", "start", "end", "compartment", "marking"}: from and to as stored,
// dates as stored or null.
Json LinkJson(const GraphSnapshot& graph, graph::EdgeId edge);

// A 400 answer naming a field of a JSON body: "kept: required".
HttpResponse FieldProblem(const std::string& field, const std::string& message);

// The JSON object in a POST body, or a 400 naming `body` (empty: "required; `shape`", not JSON,
// nested deeper than 8 levels, not an object) or the field given twice.
std::variant<Json, HttpResponse> ParseJsonBody(const std::string& body, std::string_view shape);

// {"candidates": [{"score", "name_score", "type", "first": {"id", "name"}, "second": {...},
// "explanation"}], "entities", "pairs_scored", "pairs_found", "blocks_skipped"}: the answer of
// GET /api/v1/graph/duplicates and the result of a duplicates job.
Json DuplicateReportJson(const analytics::DuplicateReport& report);

}  // namespace ordo::api::internal
