#include "api/internal/graph_support.h"

#include <cmath>
#include <set>

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

constexpr int kMaxBodyDepth = 8;

// The deepest nesting of arrays and objects in `text`, counted without parsing, so that a body of
// thousands of '[' is refused before the parser recurses into it.
int NestingDepth(const std::string& text) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

}  // namespace

HttpResponse FieldProblem(const std::string& field, const std::string& message) {
  return ErrorResponse(InvalidArgument(field + ": " + message), field);
}

std::variant<Json, HttpResponse> ParseJsonBody(const std::string& body, std::string_view shape) {
  if (body.empty()) return FieldProblem("body", "required: " + std::string(shape));
  if (NestingDepth(body) > kMaxBodyDepth) {
    return FieldProblem("body", "nested deeper than " + std::to_string(kMaxBodyDepth) + " levels");
  }
  // The parser keeps the last of two equal keys; a body that names a field twice is refused
  // instead.
  std::vector<std::set<std::string>> keys;
  std::string repeated;
  const Json::parser_callback_t check_keys = [&](int, Json::parse_event_t event, Json& parsed) {
    if (event == Json::parse_event_t::object_start) keys.emplace_back();
    if (event == Json::parse_event_t::object_end && !keys.empty()) keys.pop_back();
    if (event == Json::parse_event_t::key && !keys.empty() &&
        !keys.back().insert(parsed.get<std::string>()).second && repeated.empty()) {
      repeated = parsed.get<std::string>();
    }
    return true;
  };
  Json parsed = Json::parse(body, check_keys, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return FieldProblem("body", "not valid JSON");
  if (!repeated.empty()) return FieldProblem(repeated.substr(0, 64), "given more than once");
  if (!parsed.is_object()) return FieldProblem("body", "must be a JSON object");
  return parsed;
}

Json DuplicateReportJson(const analytics::DuplicateReport& report) {
  auto rounded = [](double score) { return std::round(score * 1000) / 1000; };
  Json candidates = Json::array();
  for (const analytics::DuplicateCandidate& candidate : report.candidates) {
    candidates.push_back({{"score", rounded(candidate.score)},
                          {"name_score", rounded(candidate.name_score)},
                          {"type", std::string(EntityTypeName(candidate.type))},
                          {"first", {{"id", candidate.first}, {"name", candidate.first_name}}},
                          {"second", {{"id", candidate.second}, {"name", candidate.second_name}}},
                          {"explanation", candidate.explanation}});
  }
  return {{"candidates", std::move(candidates)},
          {"entities", report.entities},
          {"pairs_scored", report.pairs_scored},
          {"pairs_found", report.pairs_found},
          {"blocks_skipped", report.blocks_skipped}};
}

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
