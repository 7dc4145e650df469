#pragma once
// RequestHandler: the answer to one HTTP request, independent of sockets. Paths under /api/ go to
// the router: the query is validated against the route's parameters, then the answer comes from
// the response cache of the current registry snapshot or from the route. Every other path is a
// file of the web application. GET and HEAD go everywhere; POST and DELETE only to the routes that
// take them (graph jobs); anything else gets 405. The handler owns the server's graph jobs.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "api/graph_jobs.h"
#include "api/http_types.h"
#include "api/router.h"
#include "api/snapshot_provider.h"
#include "api/static_files.h"

namespace ordo::api {

// Thread-safe: Handle runs on every worker thread at once.
class RequestHandler {
 public:
  RequestHandler(std::unique_ptr<SnapshotProvider> snapshots, std::string web_root,
                 GraphJobsOptions jobs = {});

  // Never throws; a HEAD request gets the GET answer (the server leaves out the body).
  HttpResponse Handle(const HttpRequest& request) const;

  // The cached answer to exactly this GET or HEAD target under /api/, or nullopt (not cached, or
  // the database check is due). A lookup only: safe on the I/O thread.
  std::optional<HttpResponse> CachedAnswer(const HttpRequest& request) const;

  const Router& router() const { return router_; }

 private:
  HttpResponse HandleApi(const HttpRequest& request, std::string_view path,
                         std::string_view query) const;

  const Router router_;
  const std::unique_ptr<SnapshotProvider> snapshots_;
  const StaticFiles static_files_;
  const std::unique_ptr<GraphJobs> jobs_;
};

}  // namespace ordo::api
