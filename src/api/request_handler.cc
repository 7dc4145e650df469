#include "api/request_handler.h"

#include <cctype>
#include <chrono>
#include <exception>
#include <variant>

#include "api/error_response.h"
#include "api/query_params.h"
#include "api/visibility_of.h"
#include "api/principal.h"
#include "api/routes.h"
#include "core/audit_record.h"

namespace ordo::api {

RequestHandler::RequestHandler(std::unique_ptr<SnapshotProvider> snapshots, std::string web_root,
                               GraphJobsOptions jobs, std::shared_ptr<Authenticator> auth,
                               std::shared_ptr<AuditWriter> audit)
    : router_(BuildApiRouter()),
      snapshots_(std::move(snapshots)),
      static_files_(std::move(web_root)),
      jobs_(std::make_unique<GraphJobs>(jobs)),
      auth_(std::move(auth)),
      audit_(std::move(audit)) {}

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
    if (path == "/api" || path.rfind("/api/", 0) == 0) {
      AuditFacts facts;
      HttpResponse response = HandleApi(request, path, query, facts);
      if (!facts.wanted) return response;
      return Audited(request, facts, std::move(response));
    }
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
      request.target.rfind("/api/", 0) != 0 || auth_ != nullptr) {
    return std::nullopt;
  }
  const std::shared_ptr<ServingGeneration> generation = snapshots_->CurrentIfNoCheckDue();
  if (generation == nullptr) return std::nullopt;
  return generation->cache.Find(ExactKey(request.target) + " for " + Visibility::Every().Key());
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

namespace {

// The case data (issue #6): the entity graph and the seizure records with all that derives from
// them. The public relations registry is not.
bool IsCaseData(std::string_view pattern) {
  return pattern.rfind("/api/v1/graph", 0) == 0 || pattern.rfind("/api/v1/narcotics", 0) == 0;
}

}  // namespace

HttpResponse RequestHandler::Audited(const HttpRequest& request, const AuditFacts& facts,
                                     HttpResponse response) const {
  AuditEntry entry;
  entry.at = AuditTimestamp(std::chrono::system_clock::now());
  const bool session_route = facts.pattern == "/api/v1/session";
  if (session_route && request.method == HttpMethod::kPost) {
    entry.action = response.status == 200 ? "login" : "login_failed";
  } else if (session_route && request.method == HttpMethod::kDelete) {
    entry.action = "logout";
  } else {
    entry.action = "http " + request.method_name;
  }
  entry.actor = !response.audit_actor.empty() ? response.audit_actor
                : facts.principal                ? facts.principal->account
                                                 : "anonymous";
  // The target only: never a header (the cookie, the token) nor a body (the password).
  entry.object = request.method_name + " " + request.target;
  entry.origin = "http@" + (request.remote_address.empty() ? "-" : request.remote_address);
  entry.outcome = std::to_string(response.status);
  entry.detail = facts.principal ? "via " + facts.principal->via : "";
  if (!response.audit_note.empty()) {
    entry.detail += (entry.detail.empty() ? "" : "; ") + response.audit_note;
  }
  if (Status stored = audit_->Append(std::move(entry)); !stored.has_value()) {
    return ErrorResponse(
        Unavailable("the request could not be recorded in the audit log, so it is not answered: " +
                    stored.error().message()));
  }
  return response;
}

HttpResponse RequestHandler::HandleApi(const HttpRequest& request, std::string_view path,
                                       std::string_view query, AuditFacts& audit) const {
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
  const bool reads = request.method == HttpMethod::kGet || request.method == HttpMethod::kHead;
  audit.pattern = route.pattern;
  audit.wanted = audit_ != nullptr &&
                 (IsCaseData(route.pattern) || (!reads && route.pattern != "/api/v1/health"));
  // Who is asking, before anything else is looked at.
  std::optional<HttpRequest> signed_in;
  if (auth_ != nullptr && !route.is_public) {
    auto checked = auth_->Authenticate(request);
    if (auto* refusal = std::get_if<HttpResponse>(&checked)) return std::move(*refusal);
    signed_in.emplace(request);
    signed_in->principal = std::get<Authenticator::Identity>(checked).principal;
    audit.principal = signed_in->principal;
  }
  const HttpRequest& asking = signed_in ? *signed_in : request;
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
  // Answers are cached per visibility (docs/compartments.md): a reader of other compartments
  // never gets an answer computed for someone else's.
  const std::string visibility_key = VisibilityOf(asking.principal.get()).Key();
  const std::string cache_key =
      std::string(path) + '?' + params.Normalized() + " for " + visibility_key;
  const std::string exact_key = ExactKey(target) + " for " + visibility_key;
  if (cacheable) {
    if (std::optional<HttpResponse> cached = generation->cache.Find(cache_key)) {
      generation->cache.Insert(exact_key, *cached);
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
                                   request.body,
                                   asking.principal,
                                   &asking,
                                   auth_.get(),
                                   snapshots_.get()};
  HttpResponse response = (*handler)(route_request);
  if (cacheable && response.status == 200) {
    generation->cache.Insert(cache_key, response);
    generation->cache.Insert(exact_key, response);
  }
  return response;
}

}  // namespace ordo::api
