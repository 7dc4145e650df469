// /api/v1/graph/jobs: whole-graph analyses as jobs (graph_jobs.h). POST queues one, GET on its id
// reports state, progress and a summary, GET .../values gives the per-entity values, DELETE
// cancels. The body of a POST is {"kind": ..., "params": {...}}, every field checked by name.

#include <algorithm>
#include <functional>
#include <set>
#include <variant>

#include "api/error_response.h"
#include "api/graph_jobs.h"
#include "api/principal.h"
#include "api/internal/answer_marking.h"
#include "api/internal/graph_support.h"
#include "api/routes.h"
#include "api/visibility_of.h"
#include "graph/betweenness_centrality.h"
#include "graph/components.h"
#include "graph/kcore.h"
#include "graph/key_players.h"
#include "graph/louvain.h"
#include "graph/pagerank.h"

namespace ordo::api {
namespace {

using internal::Json;

constexpr std::size_t kTopListed = 20;
const std::vector<std::string> kKinds = {"pagerank",   "betweenness", "communities", "kcore",
                                         "keyplayers", "components",  "duplicates"};

using internal::FieldProblem;

// The job's parameters, checked; each kind reads only its own.
struct JobParams {
  double damping = 0.85;     // pagerank
  std::size_t sample = 0;    // betweenness: 0 = exact
  double resolution = 1.0;   // communities
  std::uint64_t seed = 1;    // betweenness sample, communities
  analytics::DuplicateOptions duplicates;  // duplicates (its visibility is the submitter's)
};

// The parameters of a duplicates job: those of GET /api/v1/graph/duplicates, as JSON values.
std::optional<HttpResponse> ReadDuplicateParam(const std::string& name, const Json& value,
                                               analytics::DuplicateOptions& out) {
  const std::string field = "params." + name;
  if (name == "type") {
    if (!value.is_string()) return FieldProblem(field, "must be a string");
    Result<EntityType> type = ParseEntityType(value.get<std::string>());
    if (!type) return FieldProblem(field, type.error().message());
    out.type = *type;
  } else if (name == "min_score") {
    if (!value.is_number()) return FieldProblem(field, "must be a number");
    const double number = value.get<double>();
    if (!(number >= 0 && number <= 1)) return FieldProblem(field, "must be from 0 to 1");
    out.min_score = number;
  } else if (name == "cross_script") {
    if (!value.is_boolean()) return FieldProblem(field, "must be true or false");
    out.cross_script = value.get<bool>();
  } else {  // limit, max_block
    if (!value.is_number_unsigned()) return FieldProblem(field, "must be a whole number >= 0");
    const std::uint64_t number = value.get<std::uint64_t>();
    if (number > 1000000) return FieldProblem(field, "must be at most 1000000");
    if (name == "max_block" && number < 2) return FieldProblem(field, "must be at least 2");
    (name == "limit" ? out.limit : out.max_block) = static_cast<std::size_t>(number);
  }
  return std::nullopt;
}

std::optional<HttpResponse> ReadParams(const std::string& kind, const Json& params,
                                       JobParams& out) {
  std::set<std::string> allowed;
  if (kind == "pagerank") allowed = {"damping"};
  if (kind == "betweenness") allowed = {"sample", "seed"};
  if (kind == "communities") allowed = {"resolution", "seed"};
  if (kind == "duplicates") allowed = {"type", "min_score", "limit", "cross_script", "max_block"};
  for (const auto& [name, value] : params.items()) {
    const std::string field = "params." + name;
    if (allowed.count(name) == 0) {
      std::string list;
      for (const std::string& known : allowed) list += (list.empty() ? "" : ", ") + known;
      return FieldProblem(field, "not a parameter of " + kind + " (it takes: " +
                                     (list.empty() ? "none" : list) + ")");
    }
    if (kind == "duplicates") {
      if (auto problem = ReadDuplicateParam(name, value, out.duplicates)) return problem;
    } else if (name == "damping" || name == "resolution") {
      if (!value.is_number()) return FieldProblem(field, "must be a number");
      const double number = value.get<double>();
      if (name == "damping" && !(number > 0 && number < 1)) {
        return FieldProblem(field, "must be above 0 and below 1");
      }
      if (name == "resolution" && !(number > 0 && number <= 100)) {
        return FieldProblem(field, "must be above 0 and at most 100");
      }
      (name == "damping" ? out.damping : out.resolution) = number;
    } else {
      if (!value.is_number_unsigned()) return FieldProblem(field, "must be a whole number >= 0");
      const std::uint64_t number = value.get<std::uint64_t>();
      if (name == "sample") {
        if (number > 1000000) return FieldProblem(field, "must be at most 1000000");
        out.sample = static_cast<std::size_t>(number);
      } else {
        out.seed = number;
      }
    }
  }
  return std::nullopt;
}

// The `kTopListed` highest values, highest first (ties: import order), leaving out those that
// `keep` refuses.
Json TopEntities(const GraphSnapshot& graph, const std::vector<double>& values, bool integers,
                 const std::function<bool(double)>& keep = {}) {
  std::vector<graph::NodeId> order;
  for (graph::NodeId node = 0; node < values.size(); ++node) {
    if (!keep || keep(values[node])) order.push_back(node);
  }
  const std::size_t shown = std::min(kTopListed, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(shown), order.end(),
                    [&](graph::NodeId a, graph::NodeId b) {
                      if (values[a] != values[b]) return values[a] > values[b];
                      return a < b;
                    });
  Json top = Json::array();
  for (std::size_t i = 0; i < shown; ++i) {
    Json entity = internal::EntityBriefJson(graph, order[i], true);
    entity["score"] = integers ? Json(static_cast<std::int64_t>(values[order[i]]))
                               : Json(values[order[i]]);
    top.push_back(std::move(entity));
  }
  return top;
}

// Sizes of groups numbered 0..count-1, largest first, at most kTopListed of them.
Json LargestSizes(std::vector<std::uint64_t> sizes) {
  std::sort(sizes.begin(), sizes.end(), std::greater<>());
  if (sizes.size() > kTopListed) sizes.resize(kTopListed);
  return Json(sizes);
}

template <typename Number>
std::vector<double> AsValues(const std::vector<Number>& numbers) {
  return std::vector<double>(numbers.begin(), numbers.end());
}

Result<JobOutput> RunPageRank(std::shared_ptr<const GraphSnapshot> graph, const JobParams& params,
                              JobControl& control) {
  graph::PageRankOptions options;
  options.direction = graph::Direction::kBoth;
  options.damping = params.damping;
  options.progress = &control.AlgorithmProgress();
  graph::PageRankResult ranks = graph::PageRank(graph->links.graph, options);
  if (control.Cancelled()) return JobOutput{};  // partial ranks; the runner drops them
  JobOutput output;
  output.result_json = Json({{"top", TopEntities(*graph, ranks.rank, false)},
                             {"iterations", ranks.iterations}})
                           .dump();
  output.values = std::move(ranks.rank);
  output.graph = std::move(graph);
  return output;
}

// Exact betweenness summed over batches of sources, so the job reports progress and stops between
// batches; a sample runs in one go.
Result<JobOutput> RunBetweenness(std::shared_ptr<const GraphSnapshot> graph,
                                 const JobParams& params, JobControl& control) {
  const graph::Graph& g = graph->links.graph;
  const std::size_t n = g.NodeCount();
  graph::BetweennessOptions options;
  options.direction = graph::Direction::kBoth;
  std::vector<double> score(n, 0.0);
  double error_bound = 0;
  if (params.sample > 0 && params.sample < n) {
    options.sample_size = params.sample;
    options.seed = params.seed;
    options.progress = &control.AlgorithmProgress();
    graph::BetweennessResult sampled = graph::Betweenness(g, options);
    score = std::move(sampled.score);
    error_bound = sampled.error_bound;
  } else {
    constexpr std::size_t kBatch = 32;
    std::vector<graph::NodeId> batch;
    for (std::size_t first = 0; first < n && !control.Cancelled(); first += kBatch) {
      batch.clear();
      for (std::size_t node = first; node < std::min(n, first + kBatch); ++node) {
        batch.push_back(static_cast<graph::NodeId>(node));
      }
      options.sources = batch;
      graph::BetweennessResult part = graph::Betweenness(g, options);
      for (std::size_t node = 0; node < n; ++node) score[node] += part.score[node];
      control.SetProgress(static_cast<double>(first + batch.size()) / static_cast<double>(n));
    }
  }
  JobOutput output;
  output.result_json = Json({{"top", TopEntities(*graph, score, false)},
                             {"exact", error_bound == 0},
                             {"error_bound", error_bound}})
                           .dump();
  output.values = std::move(score);
  output.graph = std::move(graph);
  return output;
}

Result<JobOutput> RunCommunities(std::shared_ptr<const GraphSnapshot> graph,
                                 const JobParams& params, JobControl& control) {
  graph::CommunityOptions options;
  options.resolution = params.resolution;
  options.seed = params.seed;
  options.progress = &control.AlgorithmProgress();
  graph::Communities found = graph::FindCommunities(graph->links.graph, options);
  if (control.Cancelled()) return JobOutput{};  // partial communities; the runner drops them
  std::vector<std::uint64_t> sizes(found.count, 0);
  for (std::uint32_t community : found.community) ++sizes[community];
  JobOutput output;
  output.result_json = Json({{"count", found.count},
                             {"modularity", found.modularity},
                             {"sizes", LargestSizes(sizes)}})
                           .dump();
  output.values = AsValues(found.community);
  output.integer_values = true;
  output.graph = std::move(graph);
  return output;
}

Result<JobOutput> RunComponents(std::shared_ptr<const GraphSnapshot> graph) {
  graph::ComponentLabels labels = graph::FindConnectedComponents(graph->links.graph);
  JobOutput output;
  output.result_json =
      Json({{"count", labels.Count()},
            {"sizes", LargestSizes(std::vector<std::uint64_t>(labels.sizes.begin(), labels.sizes.end()))}})
          .dump();
  output.values = AsValues(labels.component);
  output.integer_values = true;
  output.graph = std::move(graph);
  return output;
}

Result<JobOutput> RunKCore(std::shared_ptr<const GraphSnapshot> graph) {
  std::vector<double> coreness = AsValues(graph::Coreness(graph->links.graph));
  const double deepest = coreness.empty() ? 0 : *std::max_element(coreness.begin(), coreness.end());
  JobOutput output;
  output.result_json =
      Json({{"top", TopEntities(*graph, coreness, true)},
            {"max_core", static_cast<std::int64_t>(deepest)}})
          .dump();
  output.values = std::move(coreness);
  output.integer_values = true;
  output.graph = std::move(graph);
  return output;
}

Result<JobOutput> RunKeyPlayers(std::shared_ptr<const GraphSnapshot> graph) {
  std::vector<double> pairs = AsValues(graph::DisconnectedPairs(graph->links.graph));
  JobOutput output;
  output.result_json =
      Json({{"top", TopEntities(*graph, pairs, true, [](double value) { return value > 0; })}})
          .dump();
  output.values = std::move(pairs);
  output.integer_values = true;
  output.graph = std::move(graph);
  return output;
}

// Candidate duplicates among the entities of the graph's compartments, read from a store of the
// job's own (the search reads names and identifiers the graph does not hold); the value of an
// entity is the best score of a pair it is in.
Result<JobOutput> RunDuplicates(std::shared_ptr<const GraphSnapshot> graph, const JobParams& params,
                                const LinkStoreOpener& open, JobControl& control) {
  if (!open) return FailedPrecondition("this server has no entity graph");
  ORDO_TRY(store, open());
  analytics::DuplicateOptions options = params.duplicates;
  options.visibility = graph->links.visibility;
  options.progress = &control.AlgorithmProgress();
  Result<analytics::DuplicateReport> report = analytics::FindDuplicateCandidates(*store, options);
  if (control.Cancelled()) return JobOutput{};  // the runner drops it
  if (!report) return report.error();
  JobOutput output;
  output.values.assign(graph->links.graph.NodeCount(), 0.0);
  for (const analytics::DuplicateCandidate& candidate : report->candidates) {
    for (const std::string* id : {&candidate.first, &candidate.second}) {
      const auto node = graph->links.node_of.find(*id);
      if (node == graph->links.node_of.end()) continue;
      output.values[node->second] = std::max(output.values[node->second], candidate.score);
    }
  }
  output.result_json = internal::DuplicateReportJson(*report).dump();
  output.graph = std::move(graph);
  return output;
}

JobWork WorkFor(const std::string& kind, const JobParams& params,
                std::shared_ptr<const GraphSnapshot> graph, LinkStoreOpener open) {
  return [kind, params, graph = std::move(graph),
          open = std::move(open)](JobControl& control) -> Result<JobOutput> {
    if (kind == "duplicates") return RunDuplicates(graph, params, open, control);
    if (kind == "pagerank") return RunPageRank(graph, params, control);
    if (kind == "betweenness") return RunBetweenness(graph, params, control);
    if (kind == "communities") return RunCommunities(graph, params, control);
    if (kind == "kcore") return RunKCore(graph);
    if (kind == "keyplayers") return RunKeyPlayers(graph);
    return RunComponents(graph);
  };
}

// A job's answer holds records once it has a result, computed on the whole graph it ran on: that
// graph's marking. Before, it tells a state and a progress only: unmarked.
Marking JobMarking(const JobView& job) {
  return job.output != nullptr ? job.scope.marking : Marking::kUnmarked;
}

HttpResponse JobAnswer(const JobView& job) {
  Json result = nullptr;
  if (job.output != nullptr) {
    // Written by this server (or one before it); a document that does not parse answers null
    // rather than throwing on a worker thread.
    result = Json::parse(job.output->result_json, nullptr, false);
    if (result.is_discarded()) result = nullptr;
  }
  return internal::MarkedJsonResponse(
      {{"id", job.id},
       {"kind", job.kind},
       {"state", std::string(JobStateName(job.state))},
       {"progress", job.progress},
       {"error", job.state == JobState::kFailed || job.state == JobState::kInterrupted
                     ? Json(job.error)
                     : Json(nullptr)},
       {"result", std::move(result)}},
      JobMarking(job));
}

// Who a job belongs to: the signed-in account ("" without one). Another account's job answers as a
// missing one, whatever its compartments (docs/compartments.md).
std::string OwnerOf(const RouteRequest& request) {
  return request.principal == nullptr ? std::string() : request.principal->account;
}

HttpResponse NoSuchJob(const std::string& id) {
  return ErrorResponse(NotFound("no job '" + id + "' (finished jobs are kept for a while only)"),
                       "id");
}

// Whether `reader` sees every compartment of `compartments` (a Visibility::Key()): a job's result
// is shown only to a reader who still sees all its graph held, so a revoke counts for jobs too.
bool SeesAll(const Visibility& reader, const std::string& compartments) {
  if (reader.every()) return true;
  if (compartments == "*") return false;
  std::size_t begin = 0;
  while (begin < compartments.size()) {
    const std::size_t comma = std::min(compartments.find(',', begin), compartments.size());
    if (!reader.Sees(std::string_view(compartments).substr(begin, comma - begin))) return false;
    begin = comma + 1;
  }
  return true;
}

// The job if it exists, is the requester's and holds nothing the requester no longer sees; an
// error answer (503) when the store cannot be read.
std::variant<JobView, HttpResponse> OwnJob(const RouteRequest& request, const std::string& id,
                                           bool with_values = false) {
  Result<std::optional<JobView>> job = request.jobs.Find(id, with_values);
  if (!job) return ErrorResponse(job.error());
  if (!*job || (*job)->owner != OwnerOf(request) ||
      !SeesAll(VisibilityOf(request.principal.get()), (*job)->scope.compartments)) {
    return NoSuchJob(id);
  }
  return std::move(**job);
}

HttpResponse SubmitJob(const RouteRequest& request) {
  auto parsed = internal::ParseJsonBody(request.body, "{\"kind\": ..., \"params\": {}}");
  if (auto* problem = std::get_if<HttpResponse>(&parsed)) return *problem;
  Json body = std::move(std::get<Json>(parsed));
  for (const auto& [name, value] : body.items()) {
    if (name != "kind" && name != "params") {
      return FieldProblem(name, "unknown field; the body takes kind and params");
    }
  }
  if (!body.contains("kind")) return FieldProblem("kind", "required");
  if (!body["kind"].is_string()) return FieldProblem("kind", "must be a string");
  const std::string kind = body["kind"];
  if (std::find(kKinds.begin(), kKinds.end(), kind) == kKinds.end()) {
    return FieldProblem("kind", "'" + kind.substr(0, 64) +
                                    "' is not one of: pagerank, betweenness, communities, kcore, "
                                    "keyplayers, components, duplicates");
  }
  JobParams params;
  if (body.contains("params")) {
    if (!body["params"].is_object()) return FieldProblem("params", "must be a JSON object");
    if (auto problem = ReadParams(kind, body["params"], params)) return *problem;
  }
  std::shared_ptr<const GraphSnapshot> graph;
  if (auto problem = internal::GraphOf(request, graph)) return *problem;
  JobScope scope{graph->links.visibility.Key(), graph->highest};
  Result<std::optional<JobView>> submitted = request.jobs.Submit(
      kind, WorkFor(kind, params, std::move(graph), request.links.Opener()), OwnerOf(request),
      std::move(scope));
  if (!submitted) return ErrorResponse(submitted.error());
  std::optional<JobView>& job = *submitted;
  if (!job) {
    HttpResponse full = ProtocolErrorResponse(
        429, "too many graph jobs are queued or running; try again when one has finished");
    full.headers.emplace_back("Retry-After", "5");
    return full;
  }
  HttpResponse response = internal::MarkedJsonResponse(
      {{"id", job->id}, {"kind", job->kind}, {"state", std::string(JobStateName(job->state))}},
      JobMarking(*job));
  response.status = 202;
  response.headers.emplace_back("Location", "/api/v1/graph/jobs/" + job->id);
  return response;
}

HttpResponse ListJobs(const RouteRequest& request) {
  Json jobs = Json::array();
  Marking highest = Marking::kUnmarked;
  Result<std::vector<JobView>> listed = request.jobs.List(OwnerOf(request));
  if (!listed) return ErrorResponse(listed.error());
  const Visibility reader = VisibilityOf(request.principal.get());
  for (const JobView& job : *listed) {
    if (!SeesAll(reader, job.scope.compartments)) continue;
    const Marking marking = JobMarking(job);
    highest = MaxMarking(highest, marking);
    jobs.push_back({{"id", job.id},
                    {"kind", job.kind},
                    {"state", std::string(JobStateName(job.state))},
                    {"progress", job.progress},
                    {"marking", std::string(MarkingName(marking))}});
  }
  return internal::MarkedJsonResponse({{"jobs", std::move(jobs)}}, highest);
}

HttpResponse ShowJob(const RouteRequest& request) {
  auto job = OwnJob(request, request.path_args[0]);
  if (auto* refused = std::get_if<HttpResponse>(&job)) return *refused;
  return JobAnswer(std::get<JobView>(job));
}

HttpResponse CancelJob(const RouteRequest& request) {
  auto own = OwnJob(request, request.path_args[0]);
  if (auto* refused = std::get_if<HttpResponse>(&own)) return *refused;
  Result<std::optional<JobView>> job = request.jobs.Cancel(request.path_args[0]);
  if (!job) return ErrorResponse(job.error());
  if (!*job) return NoSuchJob(request.path_args[0]);
  return JobAnswer(**job);
}

// The values of `ids` in a finished job's output: from its graph when this process computed it,
// else from the values document the store kept. 404 naming `ids` for an entity it lacks.
std::variant<Json, HttpResponse> ValuesOf(const JobOutput& output,
                                          const std::vector<std::string>& ids) {
  Json values = Json::object();
  for (const std::string& id : ids) {
    double value = 0;
    if (output.graph == nullptr) {
      const auto found = output.stored_values.find(id);
      if (found == output.stored_values.end()) {
        return ErrorResponse(NotFound("no entity '" + id + "' in the graph the job ran on"), "ids");
      }
      value = found->second;
    } else {
      const auto node = output.graph->links.node_of.find(id);
      if (node == output.graph->links.node_of.end()) {
        return ErrorResponse(NotFound("no entity '" + id + "' in the graph the job ran on"), "ids");
      }
      value = output.values[node->second];
    }
    values[id] = output.integer_values ? Json(static_cast<std::int64_t>(value)) : Json(value);
  }
  return values;
}

HttpResponse JobValues(const RouteRequest& request) {
  auto own = OwnJob(request, request.path_args[0], /*with_values=*/true);
  if (auto* refused = std::get_if<HttpResponse>(&own)) return *refused;
  const JobView* job = &std::get<JobView>(own);
  std::vector<std::string> ids;
  for (const std::string& list : request.params.All("ids")) {
    std::size_t begin = 0;
    while (begin <= list.size()) {
      const std::size_t comma = std::min(list.find(',', begin), list.size());
      if (comma > begin) ids.push_back(list.substr(begin, comma - begin));
      begin = comma + 1;
    }
  }
  if (ids.empty()) {
    return FieldProblem("ids", "required: entity ids, comma-separated (ids=a,b,c)");
  }
  if (job->state != JobState::kDone) {
    return ErrorResponse(FailedPrecondition("job '" + job->id + "' is " +
                                            std::string(JobStateName(job->state)) +
                                            "; values are there once it is done"));
  }
  auto values = ValuesOf(*job->output, ids);
  if (auto* refused = std::get_if<HttpResponse>(&values)) return *refused;
  return internal::MarkedJsonResponse(
      {{"id", job->id}, {"kind", job->kind}, {"values", std::move(std::get<Json>(values))}},
      JobMarking(*job));
}

}  // namespace

void AddGraphJobRoutes(Router& router) {
  using internal::Paging;
  using internal::RouteParams;
  Route jobs{"/api/v1/graph/jobs", RouteParams({}, Paging::kNone), ListJobs, /*cacheable=*/false};
  jobs.post = SubmitJob;
  router.Add(std::move(jobs));
  Route job{"/api/v1/graph/jobs/{id}", RouteParams({}, Paging::kNone), ShowJob, false};
  job.remove = CancelJob;
  router.Add(std::move(job));
  ParamSpec ids = internal::TextParam(
      "ids", "Entity ids, comma-separated; the parameter may repeat for more");
  ids.repeatable = true;
  router.Add({"/api/v1/graph/jobs/{id}/values", RouteParams({ids}, Paging::kNone), JobValues,
              false});
}

}  // namespace ordo::api
