// /api/v1/facts and /api/v1/places: the sourced drug-trade facts and the places they name.

#include "analytics/registry_lists.h"
#include "api/error_response.h"
#include "api/internal/route_support.h"
#include "api/registry_snapshot.h"
#include "api/routes.h"

namespace ordo::api {
namespace {

using internal::Json;

HttpResponse ListFacts(const RouteRequest& request) {
  auto facts = analytics::FindDrugFacts(request.snapshot.store(), request.params.Text("topic"));
  if (!facts) {
    const bool topic_error = facts.error().code() == ErrorCode::kInvalidArgument;
    return ErrorResponse(facts.error(), topic_error ? "topic" : "");
  }
  std::vector<Json> items;
  for (const DrugFact& fact : *facts) items.push_back(internal::FactJson(fact));
  return internal::PagedResponse(request, std::move(items));
}

HttpResponse ListPlaces(const RouteRequest& request) {
  auto places = request.snapshot.store().ListPlaces();
  if (!places) return ErrorResponse(places.error());
  std::vector<Json> items;
  for (const Place& place : *places) items.push_back(internal::PlaceJson(place));
  return internal::PagedResponse(request, std::move(items));
}

}  // namespace

void AddFactRoutes(Router& router) {
  using internal::Paging;
  router.Add(
      {"/api/v1/facts",
       internal::RouteParams({internal::TextParam("topic", "Only this topic (exact, any case)")},
                             Paging::kPaged),
       ListFacts});
  router.Add({"/api/v1/places", internal::RouteParams({}, Paging::kPaged), ListPlaces});
}

}  // namespace ordo::api
