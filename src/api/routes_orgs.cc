// /api/v1/organizations and /api/v1/organizations/{acronym}.

#include "analytics/registry_lists.h"
#include "api/error_response.h"
#include "api/internal/route_support.h"
#include "api/registry_snapshot.h"
#include "api/routes.h"

namespace ordo::api {
namespace {

using internal::Json;

HttpResponse ListOrganizations(const RouteRequest& request) {
  auto details = analytics::FindMemberships(request.snapshot.store(), "");
  if (!details) return ErrorResponse(details.error());
  std::vector<Json> items;
  for (const analytics::OrganizationDetail& detail : *details) {
    items.push_back(internal::MembershipJson(detail.membership));
  }
  return internal::PagedResponse(request, std::move(items));
}

HttpResponse Organization(const RouteRequest& request) {
  auto details = analytics::FindMemberships(request.snapshot.store(), request.path_args.at(0));
  if (!details) return ErrorResponse(details.error(), "acronym");
  const analytics::OrganizationDetail& detail = details->front();
  Json members = Json::array();
  for (const OrganizationMember& member : detail.members) {
    members.push_back({{"iso3", member.iso3.str()},
                       {"name", request.snapshot.directory().NameOf(member.iso3, request.language)},
                       {"role", internal::TextOrNull(member.role)},
                       {"source_url", member.source_url},
                       {"notes", internal::TextOrNull(member.notes)}});
  }
  return internal::JsonResponse({{"membership", internal::MembershipJson(detail.membership)},
                                 {"members", std::move(members)}});
}

}  // namespace

void AddOrganizationRoutes(Router& router) {
  using internal::Paging;
  router.Add(
      {"/api/v1/organizations", internal::RouteParams({}, Paging::kPaged), ListOrganizations});
  router.Add(
      {"/api/v1/organizations/{acronym}", internal::RouteParams({}, Paging::kNone), Organization});
}

}  // namespace ordo::api
