#pragma once
// The API's routes (docs/api/README.md), one group per file: routes_meta.cc (health, openapi,
// summary), routes_session.cc (signing in and out), routes_countries.cc, routes_relations.cc
// (relations, timeline, coverage), routes_orgs.cc, routes_trade.cc (trade, concentration, balance)
// and routes_facts.cc (facts, places); the counter-narcotics routes under /api/v1/narcotics in
// routes_narcotics_seizures.cc (seizures, stats), routes_narcotics_trends.cc,
// routes_narcotics_hotspots.cc, routes_narcotics_routes.cc (route network),
// routes_narcotics_interdiction.cc and routes_narcotics_bulletin.cc; the entity-graph routes under
// /api/v1/graph in routes_graph.cc, its jobs in routes_graph_jobs.cc, and duplicates and merges in
// routes_graph_merges.cc. Registry routes answer from a RegistrySnapshot, narcotics routes from a
// borrowed SeizureStore; every route may run on several threads at once.

#include "api/router.h"

namespace ordo::api {

void AddMetaRoutes(Router& router);
void AddSessionRoutes(Router& router);
void AddCountryRoutes(Router& router);
void AddRelationRoutes(Router& router);
void AddOrganizationRoutes(Router& router);
void AddTradeRoutes(Router& router);
void AddFactRoutes(Router& router);
void AddNarcoticsSeizureRoutes(Router& router);
void AddNarcoticsTrendRoutes(Router& router);
void AddNarcoticsHotspotRoutes(Router& router);
void AddNarcoticsRouteNetworkRoutes(Router& router);
void AddNarcoticsInterdictionRoutes(Router& router);
void AddNarcoticsBulletinRoutes(Router& router);
void AddGraphRoutes(Router& router);
void AddGraphJobRoutes(Router& router);
void AddGraphMergeRoutes(Router& router);

// Every route above.
Router BuildApiRouter();

}  // namespace ordo::api
