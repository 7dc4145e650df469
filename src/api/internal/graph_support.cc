#include "api/internal/graph_support.h"

#include "api/error_response.h"
#include "api/principal.h"
#include "api/visibility_of.h"
#include "core/entity.h"

namespace ordo::api::internal {
namespace {

// Splits "a,b,c" and parses each name; an empty item is an error too.
template <typename Parse>
std::optional<std::string> ParseTypeList(const std::string& text, Parse parse,
                                         graph::TypeSet& set) {
  set = graph::TypeSet::None();
  std::size_t begin = 0;
  while (true) {
    const std::size_t comma = text.find(',', begin);
    const std::string item =
        text.substr(begin, comma == std::string::npos ? std::string::npos : comma - begin);
    if (item.empty()) return "an empty type name in '" + text + "'";
    auto type = parse(item);
    if (!type) return type.error().message();
    set.Add(static_cast<std::uint8_t>(*type));
    if (comma == std::string::npos) return std::nullopt;
    begin = comma + 1;
  }
}

HttpResponse ParameterProblem(std::string_view parameter, const std::string& message) {
  return ErrorResponse(InvalidArgument(std::string(parameter) + ": " + message), parameter);
}

}  // namespace

std::optional<HttpResponse> GraphOf(const RouteRequest& request,
                                    std::shared_ptr<const GraphSnapshot>& graph) {
  auto built = request.links.Get(VisibilityOf(request.principal.get()));
  if (!built) return ErrorResponse(built.error());
  graph = std::move(*built);
  return std::nullopt;
}

std::variant<graph::NodeId, HttpResponse> NodeOf(const GraphSnapshot& graph, const std::string& id,
                                                 std::string_view parameter) {
  const auto found = graph.links.node_of.find(id);
  if (found == graph.links.node_of.end()) {
    return ErrorResponse(NotFound("no entity '" + id + "'"), parameter);
  }
  return found->second;
}

std::vector<ParamSpec> GraphFilterParams() {
  return {TextParam("link_types", "Only links of these types, comma-separated (call,travel)"),
          TextParam("entity_types", "Only through entities of these types, comma-separated"),
          DateParam("as_of", "Only links valid on this day (a year or month means its first day)")};
}

std::variant<GraphFilter, HttpResponse> GraphFilterOf(const RouteRequest& request) {
  GraphFilter filter;
  if (request.params.Has("link_types")) {
    if (auto problem = ParseTypeList(request.params.Text("link_types"), ParseLinkType,
                                     filter.links.link_types)) {
      return ParameterProblem("link_types", *problem);
    }
  }
  if (request.params.Has("entity_types")) {
    if (auto problem = ParseTypeList(request.params.Text("entity_types"), ParseEntityType,
                                     filter.node_types)) {
      return ParameterProblem("entity_types", *problem);
    }
  }
  if (const std::optional<PartialDate> day = request.params.Date("as_of")) {
    filter.links.as_of = static_cast<graph::Day>(day->FirstDay());
  }
  return filter;
}

Json EntityBriefJson(const GraphSnapshot& graph, graph::NodeId node, bool synthetic) {
  Json json = {{"id", graph.links.entity_ids[node]},
               {"name", graph.links.names[node]},
               {"type", std::string(EntityTypeName(graph.links.TypeOf(node)))},
               {"compartment", graph.links.CompartmentOf(node)},
               {"marking", std::string(MarkingName(graph.links.markings[node]))}};
  if (synthetic) json["synthetic"] = static_cast<bool>(graph.links.synthetic[node]);
  return json;
}

Json LinkJson(const GraphSnapshot& graph, graph::EdgeId edge) {
  const analytics::LinkGraph& links = graph.links;
  return {{"id", links.link_ids[edge]},
          {"type", std::string(LinkTypeName(links.LinkTypeOf(edge)))},
          {"from", links.entity_ids[links.graph.Source(edge)]},
          {"to", links.entity_ids[links.graph.Target(edge)]},
          {"start", DateOrNull(links.link_starts[edge])},
          {"end", DateOrNull(links.link_ends[edge])},
          {"compartment", links.LinkCompartmentOf(edge)},
          {"marking", std::string(MarkingName(links.link_markings[edge]))}};
}

}  // namespace ordo::api::internal
