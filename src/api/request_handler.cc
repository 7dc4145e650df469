#include "api/request_handler.h"

#include <cctype>
#include <exception>
#include <variant>

#include "api/error_response.h"
#include "api/query_params.h"
#include "api/routes.h"

namespace ordo::api {

RequestHandler::RequestHandler(std::unique_ptr<SnapshotProvider> snapshots, std::string web_root,
                               GraphJobsOptions jobs)
    : router_(BuildApiRouter()),
      snapshots_(std::move(snapshots)),
      static_files_(std::move(web_root)),
      jobs_(std::make_unique<GraphJobs>(jobs)) {}

HttpResponse RequestHandler::Handle(const HttpRequest& request) const {
  if (request.method == HttpMethod::kOther) {
    return ProtocolErrorResponse(405, "method " + request.method_name.substr(0, 32) +
                                          " is not allowed; Ordo answers GET and HEAD (and POST "
                                          "and DELETE on graph jobs)");
  }
  const std::string_view target = request.target;
  if (target.empty() || target.front() != '/') {
    return ProtocolErrorResponse(400, "the request target must be a path starting with '/'");
  }
  const std::size_t question = target.find('?');
  const std::string_view path = target.substr(0, question);
  const std::string_view query =
      question == std::string_view::npos ? std::string_view() : target.substr(question + 1);
  try {
    if (path == "/api" || path.rfind("/api/", 0) == 0) return HandleApi(request, path, query);
    if (request.method != HttpMethod::kGet && request.method != HttpMethod::kHead) {
      return ProtocolErrorResponse(405, "method " + request.method_name +
                                            " is not allowed here; pages answer GET and HEAD");
    }
    return static_files_.Serve(path);
  } catch (const std::exception& exception) {
    // Nothing below throws on bad input; this is a bug or the system running out of something.
    return ErrorResponse(Internal(std::string("unexpected failure: ") + exception.what()));
  }
}

namespace {

// Answers are cached twice: by normalized target (so equivalent spellings share one computation)
// and by the exact target as received (so a repeated request needs no parsing at all).
std::string ExactKey(std::string_view target) { return "exact " + std::string(target); }

}  // namespace

std::optional<HttpResponse> RequestHandler::CachedAnswer(const HttpRequest& request) const {
  if ((request.method != HttpMethod::kGet && request.method != HttpMethod::kHead) ||
      request.target.rfind("/api/", 0) != 0) {
    return std::nullopt;
  }
  const std::shared_ptr<ServingGeneration> generation = snapshots_->CurrentIfNoCheckDue();
  if (generation == nullptr) return std::nullopt;
  return generation->cache.Find(ExactKey(request.target));
}

namespace {

// The route's handler for the request's method, or nullptr.
const RouteHandler* HandlerFor(const Route& route, HttpMethod method) {
  switch (method) {
    case HttpMethod::kGet:
    case HttpMethod::kHead:
      return &route.handler;
    case HttpMethod::kPost:
      return route.post ? &route.post : nullptr;
    case HttpMethod::kDelete:
      return route.remove ? &route.remove : nullptr;
    case HttpMethod::kOther:
      break;
  }
  return nullptr;
}

// "application/json", optionally with parameters ("; charset=utf-8"), in any letter case.
bool IsJsonContentType(std::string_view type) {
  constexpr std::string_view kJson = "application/json";
  if (type.size() < kJson.size()) return false;
  for (std::size_t i = 0; i < kJson.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(type[i])) != kJson[i]) return false;
  }
  const std::string_view rest = type.substr(kJson.size());
  return rest.empty() || rest.front() == ';' || rest.front() == ' ';
}

std::string AllowedMethods(const Route& route) {
  std::string allowed = "GET, HEAD";
  if (route.post) allowed += ", POST";
  if (route.remove) allowed += ", DELETE";
  return allowed;
}

}  // namespace

HttpResponse RequestHandler::HandleApi(const HttpRequest& request, std::string_view path,
                                       std::string_view query) const {
  const std::string_view target = request.target;
  auto match = router_.Match(path);
  if (!match) return ErrorResponse(match.error());
  const Route& route = *match->route;
  const RouteHandler* handler = HandlerFor(route, request.method);
  if (handler == nullptr) {
    const std::string allowed = AllowedMethods(route);
    return ProtocolErrorResponse(405,
                                 "method " + request.method_name.substr(0, 32) + " is not allowed on " +
                                     route.pattern + "; it answers " + allowed,
                                 allowed);
  }
  // A JSON body only: a cross-site form cannot send one without the browser asking first.
  if (request.method == HttpMethod::kPost && !IsJsonContentType(request.content_type)) {
    return ProtocolErrorResponse(
        415, "the body must be sent as application/json (Content-Type was '" +
                 request.content_type.substr(0, 64) + "')");
  }
  const bool cacheable =
      route.cacheable && (request.method == HttpMethod::kGet || request.method == HttpMethod::kHead);
  auto parsed = QueryParams::Parse(query, route.params);
  if (const auto* problem = std::get_if<QueryProblem>(&parsed)) {
    const std::string detail = problem->parameter.empty()
                                   ? problem->message
                                   : problem->parameter + ": " + problem->message;
    return ErrorResponse(InvalidArgument(detail), problem->parameter);
  }
  const QueryParams& params = std::get<QueryParams>(parsed);

  const std::shared_ptr<ServingGeneration> generation = snapshots_->Current();
  const std::string cache_key = std::string(path) + '?' + params.Normalized();
  if (cacheable) {
    if (std::optional<HttpResponse> cached = generation->cache.Find(cache_key)) {
      generation->cache.Insert(ExactKey(target), *cached);
      return *cached;
    }
  }
  const RouteRequest route_request{params,
                                   match->path_args,
                                   params.Lang("lang"),
                                   *generation->snapshot,
                                   generation->seizures,
                                   generation->links,
                                   *jobs_,
                                   request.body};
  HttpResponse response = (*handler)(route_request);
  if (cacheable && response.status == 200) {
    generation->cache.Insert(cache_key, response);
    generation->cache.Insert(ExactKey(target), response);
  }
  return response;
}

}  // namespace ordo::api
