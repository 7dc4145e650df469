// /api/v1/narcotics/trends: monthly seizure counts and kilograms per drug, region or conveyance,
// with robust anomaly flags, as `ordo trends` (analytics/seizure_trends.h).

#include <cstdio>
#include <variant>

#include "analytics/seizure_trends.h"
#include "api/error_response.h"
#include "api/internal/answer_marking.h"
#include "api/internal/route_support.h"
#include "api/internal/seizure_query.h"
#include "api/routes.h"

namespace ordo::api {
namespace {

using internal::Json;

std::string MonthText(int year, int month) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d", year, month);
  return text;
}

analytics::TrendGrouping GroupingOf(const std::string& by) {
  if (by == "region") return analytics::TrendGrouping::kRegion;
  if (by == "conveyance") return analytics::TrendGrouping::kConveyance;
  return analytics::TrendGrouping::kDrug;
}

Json TrendsJson(const analytics::TrendReport& trends, const std::string& by) {
  Json months = Json::array();
  for (const analytics::TrendMonth& month : trends.months) {
    months.push_back({{"group", month.group},
                      {"month", MonthText(month.year, month.month)},
                      {"count", month.count},
                      {"kg", month.kg},
                      {"count_anomaly", month.count_anomaly},
                      {"kg_anomaly", month.kg_anomaly}});
  }
  Json year_only = Json::array();
  for (const analytics::TrendYearOnly& row : trends.year_only) {
    year_only.push_back(
        {{"group", row.group}, {"year", row.year}, {"count", row.count}, {"kg", row.kg}});
  }
  return {{"by", by},
          {"months", std::move(months)},
          {"year_only", std::move(year_only)},
          {"rows_matched", trends.rows_matched},
          {"anomaly_rule",
           {{"min_history_months", analytics::kTrendMinHistoryMonths},
            {"baseline_months", analytics::kTrendBaselineMonths},
            {"threshold", analytics::kTrendThreshold}}}};
}

HttpResponse Trends(const RouteRequest& request) {
  auto parsed = internal::SeizureFilterOf(request);
  if (auto* problem = std::get_if<HttpResponse>(&parsed)) return std::move(*problem);
  analytics::TrendOptions options;
  options.filter = std::get<storage::SeizureFilter>(std::move(parsed));
  const std::string by = request.params.Has("by") ? request.params.Text("by") : "drug";
  options.group_by = GroupingOf(by);
  return internal::WithSeizureStore(request, [&](storage::SeizureStore& inner) {
    internal::MarkingSeizureStore store(inner);
    auto trends = analytics::ComputeSeizureTrends(store, options);
    if (!trends) return ErrorResponse(trends.error());
    return internal::MarkedJsonResponse(TrendsJson(*trends, by), store.highest());
  });
}

}  // namespace

void AddNarcoticsTrendRoutes(Router& router) {
  std::vector<ParamSpec> params = internal::SeizureFilterParams();
  params.push_back(internal::ChoiceParam("by", {"drug", "region", "conveyance"},
                                         "Group the series by drug (default), region or conveyance"));
  router.Add({"/api/v1/narcotics/trends",
              internal::RouteParams(std::move(params), internal::Paging::kNone), Trends});
}

}  // namespace ordo::api
