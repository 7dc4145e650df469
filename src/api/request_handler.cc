#include "api/request_handler.h"

#include <exception>
#include <variant>

#include "api/error_response.h"
#include "api/query_params.h"
#include "api/routes.h"

namespace ordo::api {

RequestHandler::RequestHandler(std::unique_ptr<SnapshotProvider> snapshots, std::string web_root)
    : router_(BuildApiRouter()),
      snapshots_(std::move(snapshots)),
      static_files_(std::move(web_root)) {}

HttpResponse RequestHandler::Handle(const HttpRequest& request) const {
  if (request.method == HttpMethod::kOther) {
    return ProtocolErrorResponse(405, "method " + request.method_name.substr(0, 32) +
                                          " is not allowed; Ordo answers GET and HEAD");
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
    if (path == "/api" || path.rfind("/api/", 0) == 0) return HandleApi(target, path, query);
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
  if (request.method == HttpMethod::kOther || request.target.rfind("/api/", 0) != 0) {
    return std::nullopt;
  }
  const std::shared_ptr<ServingGeneration> generation = snapshots_->CurrentIfNoCheckDue();
  if (generation == nullptr) return std::nullopt;
  return generation->cache.Find(ExactKey(request.target));
}

HttpResponse RequestHandler::HandleApi(std::string_view target, std::string_view path,
                                       std::string_view query) const {
  auto match = router_.Match(path);
  if (!match) return ErrorResponse(match.error());
  const Route& route = *match->route;
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
  if (route.cacheable) {
    if (std::optional<HttpResponse> cached = generation->cache.Find(cache_key)) {
      generation->cache.Insert(ExactKey(target), *cached);
      return *cached;
    }
  }
  const RouteRequest route_request{params, match->path_args, params.Lang("lang"),
                                   *generation->snapshot, generation->seizures};
  HttpResponse response = route.handler(route_request);
  if (route.cacheable && response.status == 200) {
    generation->cache.Insert(cache_key, response);
    generation->cache.Insert(ExactKey(target), response);
  }
  return response;
}

}  // namespace ordo::api
