// /api/v1/health, /api/v1/openapi.json and /api/v1/summary.

#include "analytics/un_coverage.h"
#include "api/error_response.h"
#include "api/internal/route_support.h"
#include "api/link_graph_slot.h"
#include "api/openapi_document.h"
#include "api/registry_snapshot.h"
#include "api/routes.h"

namespace ordo::api {
namespace {

using internal::Json;

// graph_builds: the entity graphs this process has built (link_graph_slot.h), so that a test or an
// operator can tell a rebuild (an import of entities or links, a merge) from a kept graph (a
// seizures-only import). Never cached, so the count is the current one.
HttpResponse Health(const RouteRequest&) {
  return internal::JsonResponse({{"status", "ok"}, {"graph_builds", LinkGraphSlot::BuildCount()}});
}

HttpResponse OpenApi(const RouteRequest&) {
  static const auto document = std::make_shared<const std::string>(OpenApiDocument());
  HttpResponse response;
  response.content_type = kJsonContentType;
  response.body = document;
  response.headers.emplace_back("Cache-Control", "no-cache");
  return response;
}

HttpResponse Summary(const RouteRequest& request) {
  storage::RegistryStore& store = request.snapshot.store();
  auto counts = store.Counts();
  if (!counts) return ErrorResponse(counts.error());
  auto coverage = analytics::ComputeUnCoverage(store, request.snapshot.directory());
  if (!coverage) return ErrorResponse(coverage.error());
  return internal::JsonResponse({{"countries", counts->countries},
                                 {"relations", counts->relations},
                                 {"un_members", coverage->un_members},
                                 {"un_members_with_relations", coverage->with_relations.size()},
                                 {"memberships", counts->memberships},
                                 {"trade_flows", counts->trade_flows},
                                 {"drug_facts", counts->drug_facts},
                                 {"places", counts->places}});
}

}  // namespace

void AddMetaRoutes(Router& router) {
  using internal::Paging;
  // Public: a load balancer's health check and the API's own description need no sign-in.
  Route health{"/api/v1/health", internal::RouteParams({}, Paging::kNone), Health};
  health.is_public = true;
  health.cacheable = false;
  router.Add(std::move(health));
  Route openapi{"/api/v1/openapi.json", internal::RouteParams({}, Paging::kNone), OpenApi, false};
  openapi.is_public = true;
  router.Add(std::move(openapi));
  router.Add({"/api/v1/summary", internal::RouteParams({}, Paging::kNone), Summary});
}

Router BuildApiRouter() {
  Router router;
  AddMetaRoutes(router);
  AddSessionRoutes(router);
  AddCountryRoutes(router);
  AddRelationRoutes(router);
  AddOrganizationRoutes(router);
  AddTradeRoutes(router);
  AddFactRoutes(router);
  AddNarcoticsSeizureRoutes(router);
  AddNarcoticsTrendRoutes(router);
  AddNarcoticsHotspotRoutes(router);
  AddNarcoticsRouteNetworkRoutes(router);
  AddNarcoticsInterdictionRoutes(router);
  AddNarcoticsBulletinRoutes(router);
  AddGraphRoutes(router);
  AddGraphJobRoutes(router);
  AddGraphMergeRoutes(router);
  return router;
}

}  // namespace ordo::api
