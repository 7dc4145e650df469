// /api/v1/narcotics/seizures and /api/v1/narcotics/stats: the seizure records, a page at a time,
// and their counts and kilograms by drug and year (`ordo seizures list|stats`). Both read the
// database through a borrowed seizure store; a page never loads more than its own rows.

#include <variant>

#include "analytics/seizure_stats.h"
#include "api/error_response.h"
#include "api/internal/answer_marking.h"
#include "api/internal/route_support.h"
#include "api/internal/seizure_query.h"
#include "api/registry_snapshot.h"
#include "api/routes.h"

namespace ordo::api {
namespace {

using internal::Json;

HttpResponse ListSeizures(const RouteRequest& request) {
  auto parsed = internal::SeizureFilterOf(request);
  if (auto* problem = std::get_if<HttpResponse>(&parsed)) return std::move(*problem);
  storage::SeizureFilter filter = std::get<storage::SeizureFilter>(std::move(parsed));
  const std::int64_t page = request.params.Integer("page", 1);
  const std::int64_t page_size = request.params.Integer("page_size", internal::kDefaultPageSize);
  return internal::WithSeizureStore(request, [&](storage::SeizureStore& inner) {
    internal::MarkingSeizureStore store(inner);
    // Counted first: a page read an instant later may see rows an import added in between; the
    // next generation (within a second) answers both from the new data.
    auto total = store.CountSeizures(filter);
    if (!total) return ErrorResponse(total.error());
    filter.offset = static_cast<std::size_t>((page - 1) * page_size);
    filter.limit = static_cast<std::size_t>(page_size);
    Json items = Json::array();
    const analytics::CountryDirectory& directory = request.snapshot.directory();
    Status walked = store.ForEachSeizure(filter, [&](const Seizure& seizure) {
      items.push_back(internal::SeizureJson(seizure, directory, request.language));
      return OkStatus();
    });
    if (!walked) return ErrorResponse(walked.error());
    // The rows of this page: `total` counts the others without reading them.
    return internal::MarkedJsonResponse({{"items", std::move(items)},
                                         {"page", page},
                                         {"page_size", page_size},
                                         {"total", *total}},
                                        store.highest());
  });
}

HttpResponse SeizureStats(const RouteRequest& request) {
  auto parsed = internal::SeizureFilterOf(request);
  if (auto* problem = std::get_if<HttpResponse>(&parsed)) return std::move(*problem);
  const storage::SeizureFilter& filter = std::get<storage::SeizureFilter>(parsed);
  return internal::WithSeizureStore(request, [&](storage::SeizureStore& inner) {
    internal::MarkingSeizureStore store(inner);
    auto stats = analytics::ComputeSeizureStats(store, filter);
    if (!stats) return ErrorResponse(stats.error());
    Json rows = Json::array();
    for (const analytics::SeizureStatsRow& row : stats->rows) {
      rows.push_back({{"drug", std::string(DrugName(row.drug))},
                      {"year", row.year},
                      {"real_count", row.real_count},
                      {"real_kg", row.real_kg},
                      {"real_without_kg", row.real_without_kg},
                      {"synthetic_count", row.synthetic_count},
                      {"synthetic_kg", row.synthetic_kg},
                      {"synthetic_without_kg", row.synthetic_without_kg}});
    }
    return internal::MarkedJsonResponse({{"rows", std::move(rows)},
                                         {"real_rows", stats->real_rows},
                                         {"synthetic_rows", stats->synthetic_rows}},
                                        store.highest());
  });
}

}  // namespace

void AddNarcoticsSeizureRoutes(Router& router) {
  using internal::Paging;
  router.Add({"/api/v1/narcotics/seizures",
              internal::RouteParams(internal::SeizureFilterParams(), Paging::kPaged),
              ListSeizures});
  router.Add({"/api/v1/narcotics/stats",
              internal::RouteParams(internal::SeizureFilterParams(), Paging::kNone),
              SeizureStats});
}

}  // namespace ordo::api
