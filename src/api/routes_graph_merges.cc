// /api/v1/graph/duplicates and /api/v1/graph/merges: candidate duplicates with score and
// explanation (analytics/duplicate_candidates.h, as `ordo graph dedupe`), and the merges that
// record an analyst's decision (`ordo graph merge|unmerge|merges`, docs/names.md). A reader sees
// only the entities and merges of the compartments granted to it; an entity or merge of another
// answers as a missing one. Merging and unmerging take an analyst or an admin.

#include <algorithm>
#include <chrono>
#include <ctime>
#include <string>
#include <variant>
#include <vector>

#include "analytics/duplicate_candidates.h"
#include "api/error_response.h"
#include "api/internal/answer_marking.h"
#include "api/internal/graph_support.h"
#include "api/principal.h"
#include "api/routes.h"
#include "api/snapshot_provider.h"
#include "api/visibility_of.h"

namespace ordo::api {
namespace {

using internal::FieldProblem;
using internal::Json;

// A GET of duplicates answers at once on a graph of at most this many entities; a larger one is
// 409 and the search runs as a job (kind "duplicates"), which reports progress and can be stopped.
constexpr std::size_t kMaxDirectEntities = 20000;
constexpr std::size_t kMaxMerged = 100;

Visibility VisibilityOfRequest(const RouteRequest& request) {
  return VisibilityOf(request.principal.get());
}

// Analysts and admins write; a viewer reads only (core/account.h). A request without a principal
// comes from a handler test or a server without sign-in.
std::optional<HttpResponse> RefuseViewer(const RouteRequest& request) {
  if (request.principal == nullptr || request.principal->role != Role::kViewer) return std::nullopt;
  return ProtocolErrorResponse(403,
                               "a viewer may not merge or unmerge entities; an analyst or an "
                               "admin may");
}

std::string Who(const RouteRequest& request) {
  return request.principal == nullptr ? std::string("anonymous") : request.principal->account;
}

// Now, in UTC, to the second, as `ordo graph merge` writes it: "2026-12-01T14:05:09Z".
std::string UtcNow() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

Json MergeJson(const storage::EntityMerge& merge) {
  return {{"merge_id", merge.merge_id},
          {"kept", merge.kept},
          {"merged", merge.merged},
          {"note", merge.note},
          {"merged_by", merge.merged_by},
          {"merged_at", merge.merged_at},
          {"in_force", merge.InForce()},
          {"undone_by", internal::TextOrNull(merge.undone_by)},
          {"undone_at", internal::TextOrNull(merge.undone_at)}};
}

// The marking of the entity `id` when the reader sees it (stored, in a granted compartment), else
// nullopt.
Result<std::optional<Marking>> VisibleMarking(storage::LinkStore& store,
                                              const Visibility& visibility, const std::string& id) {
  ORDO_TRY(found, store.FindEntity(id));
  if (!found.has_value() || !visibility.Sees(found->compartment)) {
    return std::optional<Marking>();
  }
  return std::optional<Marking>(found->marking);
}

// A merge with the highest marking of its entities: what an answer naming them carries.
struct SeenMerge {
  storage::EntityMerge merge;
  Marking marking = Marking::kUnmarked;
};

// The merges whose every entity the reader sees, in merge_id order.
Result<std::vector<SeenMerge>> VisibleMerges(storage::LinkStore& store,
                                             const Visibility& visibility) {
  std::vector<storage::EntityMerge> all;
  ORDO_RETURN_IF_ERROR(store.ForEachMerge([&](const storage::EntityMerge& merge) {
    all.push_back(merge);
    return OkStatus();
  }));
  std::vector<SeenMerge> seen;
  for (storage::EntityMerge& merge : all) {
    SeenMerge entry;
    bool visible = true;
    for (std::size_t i = 0; visible && i <= merge.merged.size(); ++i) {
      ORDO_TRY(marking,
               VisibleMarking(store, visibility, i == 0 ? merge.kept : merge.merged[i - 1]));
      visible = marking.has_value();
      if (visible) entry.marking = MaxMarking(entry.marking, *marking);
    }
    if (!visible) continue;
    entry.merge = std::move(merge);
    seen.push_back(std::move(entry));
  }
  return seen;
}

HttpResponse NoSuchMerge(const std::string& id) {
  return ErrorResponse(NotFound("no merge '" + id.substr(0, 64) + "'"), "id");
}

// The visible merge named by the path, or the 404 answer.
std::variant<SeenMerge, HttpResponse> MergeOf(const RouteRequest& request,
                                                         storage::LinkStore& store) {
  const std::string& text = request.path_args[0];
  if (text.empty() || text.size() > 18 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return NoSuchMerge(text);
  }
  const std::int64_t merge_id = std::stoll(text);
  auto merges = VisibleMerges(store, VisibilityOfRequest(request));
  if (!merges) return ErrorResponse(merges.error());
  for (SeenMerge& seen : *merges) {
    if (seen.merge.merge_id == merge_id) return std::move(seen);
  }
  return NoSuchMerge(text);
}

void DataChanged(const RouteRequest& request) {
  if (request.snapshots != nullptr) request.snapshots->CheckSoon();
}

HttpResponse Duplicates(const RouteRequest& request) {
  analytics::DuplicateOptions options;
  if (request.params.Has("type")) {
    Result<EntityType> type = ParseEntityType(request.params.Text("type"));
    if (!type) return ErrorResponse(InvalidArgument("type: " + type.error().message()), "type");
    options.type = *type;
  }
  if (request.params.Has("min_score")) options.min_score = request.params.Number("min_score", 0.8);
  options.limit = static_cast<std::size_t>(request.params.Integer("limit", 100));
  options.max_block = static_cast<std::size_t>(request.params.Integer("max_block", 1000));
  options.cross_script = !request.params.Has("cross_script") || request.params.Flag("cross_script");
  options.visibility = VisibilityOfRequest(request);
  std::shared_ptr<const GraphSnapshot> graph;
  if (auto problem = internal::GraphOf(request, graph)) return *problem;
  if (graph->links.graph.NodeCount() > kMaxDirectEntities) {
    return ErrorResponse(
        FailedPrecondition("the graph holds " + std::to_string(graph->links.graph.NodeCount()) +
                           " entities; search for duplicates with a job: POST /api/v1/graph/jobs "
                           "{\"kind\": \"duplicates\", \"params\": {...}}"));
  }
  auto store = request.links.OpenStore();
  if (!store) return ErrorResponse(store.error());
  auto report = analytics::FindDuplicateCandidates(**store, options);
  if (!report) return ErrorResponse(report.error());
  Json answer = internal::DuplicateReportJson(*report);
  answer["cross_script"] = options.cross_script;
  answer["min_score"] = options.min_score;
  // The highest marking of the entities listed (their nodes: a merged group's is its highest).
  internal::GraphMarking marking(*graph);
  for (const analytics::DuplicateCandidate& candidate : report->candidates) {
    for (const std::string* id : {&candidate.first, &candidate.second}) {
      const auto node = graph->links.node_of.find(*id);
      if (node != graph->links.node_of.end()) marking.AddNode(node->second);
    }
  }
  return internal::MarkedJsonResponse(std::move(answer), marking.highest());
}

HttpResponse ListMerges(const RouteRequest& request) {
  auto store = request.links.OpenStore();
  if (!store) return ErrorResponse(store.error());
  auto merges = VisibleMerges(**store, VisibilityOfRequest(request));
  if (!merges) return ErrorResponse(merges.error());
  Json list = Json::array();
  std::size_t in_force = 0;
  Marking highest = Marking::kUnmarked;
  for (const SeenMerge& seen : *merges) {
    if (seen.merge.InForce()) ++in_force;
    highest = MaxMarking(highest, seen.marking);
    list.push_back(MergeJson(seen.merge));
  }
  return internal::MarkedJsonResponse(
      {{"merges", std::move(list)}, {"total", merges->size()}, {"in_force", in_force}}, highest);
}

// Reads {"kept": ID, "merged": [ID, ...], "note": TEXT} into `merge`, or the 400 naming the field.
std::optional<HttpResponse> ReadMergeBody(const Json& body, storage::EntityMerge& merge) {
  for (const auto& [name, value] : body.items()) {
    if (name != "kept" && name != "merged" && name != "note") {
      return FieldProblem(name.substr(0, 64),
                          "unknown field; the body takes kept, merged and note");
    }
  }
  if (!body.contains("kept")) return FieldProblem("kept", "required: the entity id to keep");
  if (!body.at("kept").is_string() || body.at("kept").get<std::string>().empty()) {
    return FieldProblem("kept", "must be a non-empty string (an entity id)");
  }
  merge.kept = body.at("kept").get<std::string>();
  if (!body.contains("merged")) {
    return FieldProblem("merged", "required: the entity ids to read as the kept one");
  }
  const Json& merged = body.at("merged");
  if (!merged.is_array() || merged.empty()) {
    return FieldProblem("merged", "must be a non-empty array of entity ids");
  }
  if (merged.size() > kMaxMerged) {
    return FieldProblem("merged", "at most " + std::to_string(kMaxMerged) + " entities at once");
  }
  for (const Json& id : merged) {
    if (!id.is_string() || id.get<std::string>().empty()) {
      return FieldProblem("merged", "must hold non-empty strings (entity ids)");
    }
    merge.merged.push_back(id.get<std::string>());
  }
  if (body.contains("note")) {
    if (!body.at("note").is_string()) return FieldProblem("note", "must be a string");
    merge.note = body.at("note").get<std::string>();
    if (merge.note.size() > 2000) return FieldProblem("note", "at most 2000 bytes");
  }
  return std::nullopt;
}

HttpResponse RecordMerge(const RouteRequest& request) {
  if (auto refused = RefuseViewer(request)) return *refused;
  auto parsed = internal::ParseJsonBody(request.body,
                                        "{\"kept\": ID, \"merged\": [ID, ...], \"note\": TEXT}");
  if (auto* problem = std::get_if<HttpResponse>(&parsed)) return *problem;
  storage::EntityMerge merge;
  if (auto problem = ReadMergeBody(std::get<Json>(parsed), merge)) return *problem;
  merge.merged_by = Who(request);
  merge.merged_at = UtcNow();
  auto store = request.links.OpenStore();
  if (!store) return ErrorResponse(store.error());
  // An entity the reader does not see answers exactly as one never stored.
  const Visibility visibility = VisibilityOfRequest(request);
  Marking highest = Marking::kUnmarked;
  for (std::size_t i = 0; i <= merge.merged.size(); ++i) {
    const std::string& id = i == 0 ? merge.kept : merge.merged[i - 1];
    auto marking = VisibleMarking(**store, visibility, id);
    if (!marking) return ErrorResponse(marking.error());
    if (marking->has_value()) highest = MaxMarking(highest, **marking);
    if (!marking->has_value()) {
      return ErrorResponse(NotFound("no entity '" + id.substr(0, 200) + "'"),
                           i == 0 ? "kept" : "merged");
    }
  }
  auto merge_id = (*store)->RecordMerge(merge);
  if (!merge_id) {
    // "entity 'K' is already merged into ..." is about the kept one; the rest name the others.
    const bool about_kept =
        merge_id.error().code() == ErrorCode::kFailedPrecondition &&
        merge_id.error().message().rfind("entity '" + merge.kept + "' ", 0) == 0;
    return ErrorResponse(merge_id.error(), about_kept ? "kept" : "merged");
  }
  DataChanged(request);
  merge.merge_id = *merge_id;
  HttpResponse response = internal::MarkedJsonResponse(MergeJson(merge), highest);
  response.status = 201;
  response.headers.emplace_back("Location", "/api/v1/graph/merges/" + std::to_string(*merge_id));
  return response;
}

HttpResponse ShowMerge(const RouteRequest& request) {
  auto store = request.links.OpenStore();
  if (!store) return ErrorResponse(store.error());
  auto merge = MergeOf(request, **store);
  if (auto* problem = std::get_if<HttpResponse>(&merge)) return *problem;
  const SeenMerge& seen = std::get<SeenMerge>(merge);
  return internal::MarkedJsonResponse(MergeJson(seen.merge), seen.marking);
}

HttpResponse UndoMerge(const RouteRequest& request) {
  if (auto refused = RefuseViewer(request)) return *refused;
  auto store = request.links.OpenStore();
  if (!store) return ErrorResponse(store.error());
  auto found = MergeOf(request, **store);
  if (auto* problem = std::get_if<HttpResponse>(&found)) return *problem;
  SeenMerge& seen = std::get<SeenMerge>(found);
  storage::EntityMerge& merge = seen.merge;
  merge.undone_by = Who(request);
  merge.undone_at = UtcNow();
  if (Status undone = (*store)->UndoMerge(merge.merge_id, merge.undone_by, merge.undone_at);
      !undone.has_value()) {
    return ErrorResponse(undone.error(), "id");
  }
  DataChanged(request);
  return internal::MarkedJsonResponse(MergeJson(merge), seen.marking);
}

}  // namespace

void AddGraphMergeRoutes(Router& router) {
  using internal::IntegerParam;
  using internal::NumberParam;
  using internal::Paging;
  using internal::RouteParams;
  using internal::TextParam;
  router.Add(
      {"/api/v1/graph/duplicates",
       RouteParams(
           {TextParam("type", "Only entities of this type (person, organization, phone, ...)"),
            NumberParam("min_score", 0, 1, "List pairs scoring at least this (default 0.8)"),
            IntegerParam("limit", 0, 100000, "At most this many pairs, best first; 0 = all"),
            ParamSpec{"cross_script",
                      ParamKind::kBoolean,
                      0,
                      0,
                      {},
                      "false: compare Cyrillic names only with Cyrillic, Latin only with Latin "
                      "(default true)"},
            IntegerParam("max_block", 2, 1000000,
                         "Do not pair within groups larger than this that share a name part or "
                         "number")},
           Paging::kNone),
       Duplicates});
  Route merges{"/api/v1/graph/merges", RouteParams({}, Paging::kNone), ListMerges,
               /*cacheable=*/false};
  merges.post = RecordMerge;
  router.Add(std::move(merges));
  Route merge{"/api/v1/graph/merges/{id}", RouteParams({}, Paging::kNone), ShowMerge, false};
  merge.remove = UndoMerge;
  router.Add(std::move(merge));
}

}  // namespace ordo::api
