#pragma once
// The API's routes (docs/api/README.md), one group per file: routes_meta.cc (health, openapi,
// summary), routes_countries.cc, routes_relations.cc (relations, timeline, coverage),
// routes_orgs.cc, routes_trade.cc (trade, concentration, balance) and routes_facts.cc (facts,
// places). Every route answers from a RegistrySnapshot and may run on several threads at once.

#include "api/router.h"

namespace ordo::api {

void AddMetaRoutes(Router& router);
void AddCountryRoutes(Router& router);
void AddRelationRoutes(Router& router);
void AddOrganizationRoutes(Router& router);
void AddTradeRoutes(Router& router);
void AddFactRoutes(Router& router);

// Every route above.
Router BuildApiRouter();

}  // namespace ordo::api
