// /api/v1/relations, /api/v1/timeline and /api/v1/coverage.

#include "analytics/relations_query.h"
#include "analytics/relations_timeline.h"
#include "analytics/un_coverage.h"
#include "api/error_response.h"
#include "api/internal/route_support.h"
#include "api/registry_snapshot.h"
#include "api/routes.h"

namespace ordo::api {
namespace {

using internal::Json;

HttpResponse ListRelations(const RouteRequest& request) {
  analytics::RelationsFilter filter;
  filter.before = request.params.Date("before");
  filter.after = request.params.Date("after");
  filter.region = request.params.Text("region");
  filter.certain_only = request.params.Flag("certain_only");
  auto matches =
      analytics::FindRelations(request.snapshot.store(), request.snapshot.directory(), filter);
  // The only argument FindRelations can reject is the region.
  if (!matches) {
    const bool region_error = matches.error().code() == ErrorCode::kInvalidArgument;
    return ErrorResponse(matches.error(), region_error ? "region" : "");
  }
  std::vector<Json> items;
  items.reserve(matches->size());
  for (const analytics::RelationMatch& match : *matches) {
    const Relation& relation = match.relation;
    items.push_back(
        {{"iso3", relation.iso3.str()},
         {"name", match.country->Name(request.language)},
         {"date_established", internal::DateOrNull(relation.established)},
         {"precision", internal::PrecisionOrNull(relation.established)},
         {"match", CertaintyName(match.certainty)},
         {"region", internal::TextOrNull(match.country->region)},
         {"subregion", internal::TextOrNull(match.country->subregion)},
         {"source_url", relation.source_url},
         {"notes", internal::TextOrNull(relation.notes)},
         {"table_rank", relation.table_rank ? Json(*relation.table_rank) : Json(nullptr)},
         {"country_name_en", internal::TextOrNull(relation.country_name_en)},
         {"table_cited_source_url", internal::TextOrNull(relation.table_cited_source_url)},
         {"wikitext_copy_url", internal::TextOrNull(relation.wikitext_copy_url)}});
  }
  return internal::PagedResponse(request, std::move(items));
}

HttpResponse Timeline(const RouteRequest& request) {
  auto timeline = analytics::BuildRelationsTimeline(request.snapshot.store());
  if (!timeline) return ErrorResponse(timeline.error());
  Json years = Json::array();
  for (const analytics::TimelineYear& year : timeline->years) {
    Json countries = Json::array();
    for (const CountryCode& code : year.countries) countries.push_back(code.str());
    years.push_back({{"year", year.year},
                     {"established", year.established},
                     {"year_only_dates", year.year_only_dates},
                     {"cumulative", year.cumulative},
                     {"countries", std::move(countries)}});
  }
  return internal::JsonResponse({{"years", std::move(years)}, {"undated", timeline->undated}});
}

HttpResponse Coverage(const RouteRequest& request) {
  auto coverage =
      analytics::ComputeUnCoverage(request.snapshot.store(), request.snapshot.directory());
  if (!coverage) return ErrorResponse(coverage.error());
  const Language language = request.language;
  Json without = Json::array();
  for (const analytics::UncoveredMember& member : coverage->without_relations) {
    const std::optional<MissingRelation>& listed = member.listed;
    without.push_back(
        {{"iso3", member.country->iso3.str()},
         {"name", member.country->Name(language)},
         {"status", listed ? internal::TextOrNull(listed->status) : Json(nullptr)},
         {"basis", listed ? internal::TextOrNull(listed->basis) : Json(nullptr)},
         {"later_established",
          listed ? internal::DateOrNull(listed->later_established) : Json(nullptr)},
         {"source_url", listed ? internal::TextOrNull(listed->source_url) : Json(nullptr)},
         {"notes", listed ? internal::TextOrNull(listed->notes) : Json(nullptr)}});
  }
  Json others = Json::array();
  for (const Country* country : coverage->non_members_with_relations) {
    others.push_back({{"iso3", country->iso3.str()}, {"name", country->Name(language)}});
  }
  return internal::JsonResponse({{"un_members", coverage->un_members},
                                 {"with_relations", coverage->with_relations.size()},
                                 {"without_relations", std::move(without)},
                                 {"non_members_with_relations", std::move(others)},
                                 {"inconsistencies", coverage->inconsistencies}});
}

}  // namespace

void AddRelationRoutes(Router& router) {
  using internal::Paging;
  ParamSpec certain_only{"certain_only",
                         ParamKind::kBoolean,
                         0,
                         0,
                         {},
                         "Leave out relations whose date is too coarse to decide"};
  router.Add(
      {"/api/v1/relations",
       internal::RouteParams(
           {internal::DateParam("before", "Established before the first day this date may mean"),
            internal::DateParam("after", "Established after the last day this date may mean"),
            internal::TextParam("region", "UN M49 region, sub-region or intermediate region"),
            certain_only},
           Paging::kPaged),
       ListRelations});
  router.Add({"/api/v1/timeline", internal::RouteParams({}, Paging::kNone), Timeline});
  router.Add({"/api/v1/coverage", internal::RouteParams({}, Paging::kNone), Coverage});
}

}  // namespace ordo::api
