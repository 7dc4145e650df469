#pragma once
// RequestHandler: the answer to one HTTP request, independent of sockets. Paths under /api/ go to
// the router: the query is validated against the route's parameters, then the answer comes from
// the response cache of the current registry snapshot or from the route. Every other path is a
// file of the web application. GET and HEAD go everywhere; POST and DELETE only to the routes that
// take them (graph jobs, the session); anything else gets 405. With an Authenticator, every API
// route but the public ones (Route::is_public) answers 401 unless the request proves who is asking
// (api/authenticator.h), and the routes get that Principal. The handler owns the server's graph
// jobs.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "api/audit_writer.h"
#include "api/authenticator.h"
#include "api/graph_jobs.h"
#include "api/http_types.h"
#include "api/router.h"
#include "api/snapshot_provider.h"
#include "api/static_files.h"

namespace ordo::api {

// Thread-safe: Handle runs on every worker thread at once.
class RequestHandler {
 public:
  // `auth` null: nobody is asked to sign in (handler tests only; `ordo serve` always has one).
  // `audit` null: nothing is recorded; otherwise signing in and out, every request to case data
  // (/api/v1/graph, /api/v1/narcotics) and every POST and DELETE are recorded before they are
  // answered, and one that cannot be recorded is answered 503 instead (docs/audit.md).
  RequestHandler(std::unique_ptr<SnapshotProvider> snapshots, std::string web_root,
                 GraphJobsOptions jobs = {}, std::shared_ptr<Authenticator> auth = nullptr,
                 std::shared_ptr<AuditWriter> audit = nullptr);

  // Never throws; a HEAD request gets the GET answer (the server leaves out the body).
  HttpResponse Handle(const HttpRequest& request) const;

  // The cached answer to exactly this GET or HEAD target under /api/, or nullopt (not cached, or
  // the database check is due, or the server asks who is asking: a cached answer is never given
  // before the credentials are checked, which takes the store). A lookup only: safe on the I/O
  // thread.
  std::optional<HttpResponse> CachedAnswer(const HttpRequest& request) const;

  const Router& router() const { return router_; }

 private:
  // What the audit record of an API request needs beyond the request and its answer.
  struct AuditFacts {
    bool wanted = false;
    std::string pattern;                         // the route's
    std::shared_ptr<const Principal> principal;  // null: nobody signed in
  };

  HttpResponse HandleApi(const HttpRequest& request, std::string_view path, std::string_view query,
                         AuditFacts& audit) const;
  // Records the request and its answer; the answer itself, or 503 when the record failed.
  HttpResponse Audited(const HttpRequest& request, const AuditFacts& facts,
                       HttpResponse response) const;

  const Router router_;
  const std::unique_ptr<SnapshotProvider> snapshots_;
  const StaticFiles static_files_;
  const std::unique_ptr<GraphJobs> jobs_;
  const std::shared_ptr<Authenticator> auth_;
  const std::shared_ptr<AuditWriter> audit_;
};

}  // namespace ordo::api
