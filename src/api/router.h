#pragma once
// Router: maps API paths to route handlers. A pattern is a list of literal segments and "{name}"
// segments; "{name}" matches one non-empty path segment and hands it to the handler
// percent-decoded. Each route also declares every query parameter it takes, so the request
// handler can validate the query before the route runs and the OpenAPI test can compare the
// routes with docs/api/openapi.json.

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "api/http_types.h"
#include "api/query_params.h"
#include "core/country.h"
#include "core/result.h"

namespace ordo::api {

class Authenticator;
class GraphJobs;
class LinkGraphSlot;
struct Principal;
class RegistrySnapshot;
class SeizureStorePool;
class SnapshotProvider;

// What a route handler gets: validated parameters, the snapshot to answer from and, for the
// narcotics routes, the seizure stores of the same generation.
struct RouteRequest {
  const QueryParams& params;
  const std::vector<std::string>& path_args;  // decoded {name} segments, in pattern order
  Language language;                          // the `lang` parameter
  const RegistrySnapshot& snapshot;
  SeizureStorePool& seizures;
  LinkGraphSlot& links;  // the entity graph of the same generation (the /api/v1/graph routes)
  GraphJobs& jobs;       // the server's graph jobs, across generations
  const std::string& body;  // the request body (POST), empty otherwise
  // Who is asking (api/principal.h): never null on a signed-in route of a server with an
  // Authenticator; null on the public routes and in handler tests without one.
  std::shared_ptr<const Principal> principal = {};
  const HttpRequest* http = nullptr;  // the request as received (headers, peer); never null
  Authenticator* auth = nullptr;      // the server's sign-in; null in handler tests without one
  // The server's snapshots: a route that wrote to the data (a merge) calls CheckSoon() on it so
  // that the next request serves the change. Null in handler tests without one.
  SnapshotProvider* snapshots = nullptr;
};

// Runs on a worker thread, possibly on several at once. Registry routes never touch the database;
// the narcotics routes read seizure records from it (worker threads only, never the I/O thread).
using RouteHandler = std::function<HttpResponse(const RouteRequest&)>;

struct Route {
  std::string pattern;  // "/api/v1/countries/{code}"
  std::vector<ParamSpec> params;
  RouteHandler handler;  // GET and HEAD
  // False for answers that must not be cached (none today); true answers 200 are kept in the
  // response cache until the data changes.
  bool cacheable = true;
  // POST and DELETE on the same path, when the route takes them (graph jobs); never cached.
  RouteHandler post = {};
  RouteHandler remove = {};
  // Public routes answer without a sign-in (health, the OpenAPI document, the session itself);
  // every other route answers 401 to a request without a valid session or API token.
  bool is_public = false;
};

struct RouteMatch {
  const Route* route = nullptr;  // points into the Router; lives as long as it
  std::vector<std::string> path_args;
};

// Built once at start, then read-only: Match may be called from several threads at once.
class Router {
 public:
  // Precondition (asserted): no route with the same pattern was added.
  void Add(Route route);

  // The route for `path` (the target without its query). Errors: kNotFound when no route
  // matches; kInvalidArgument when a segment has a malformed escape, %00 or invalid UTF-8.
  Result<RouteMatch> Match(std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> segments_;  // per route, "{}" marks a variable segment
};

}  // namespace ordo::api
