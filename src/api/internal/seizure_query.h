#pragma once
// Helpers shared by the narcotics route files (routes_narcotics_*.cc) and nothing else: the
// seizure filter parameters (the CLI's --from, --to, --drug, --country and --synthetic), their
// translation into a storage::SeizureFilter, borrowing a seizure store for one request, and the
// JSON form of a seizure record (docs/api/README.md, "Counter-narcotics").

#include <functional>
#include <variant>
#include <vector>

#include "analytics/country_directory.h"
#include "api/http_types.h"
#include "api/internal/route_support.h"
#include "api/query_params.h"
#include "api/router.h"
#include "core/seizure.h"
#include "storage/seizure_store.h"

namespace ordo::api::internal {

// from, to (dates), drug (a name or synonym), country (code or name), synthetic (boolean).
std::vector<ParamSpec> SeizureFilterParams();

// The filter the request's parameters describe (offset and limit 0), or the 400 answer naming the
// parameter at fault: a drug the vocabulary does not know, a country the registry does not know or
// cannot tell apart from another.
std::variant<storage::SeizureFilter, HttpResponse> SeizureFilterOf(const RouteRequest& request);

// Borrows a seizure store of the request's generation and answers with `answer`. When no store
// can be had the answer is the problem: 409 when the server has no seizure records, 503 when the
// database cannot be opened.
HttpResponse WithSeizureStore(const RouteRequest& request,
                              const std::function<HttpResponse(storage::SeizureStore&)>& answer);

// {"seizure_id", "date", "precision", "place", "lat", "lon", "admin_region", "country_iso3",
//  "country", "drug", "quantity", "unit", "quantity_kg", "conversion_note", "conveyance",
//  "concealment", "origin_iso3", "departure_iso3", "transit_iso3": [...], "destination_iso3",
//  "route": [place names in travel order], "agency", "case_id", "synthetic", "source",
//  "compartment", "marking"}; missing
//  values are null, missing lists empty.
Json SeizureJson(const Seizure& seizure, const analytics::CountryDirectory& directory,
                 Language language);

}  // namespace ordo::api::internal
