// /api/v1/narcotics/bulletin: the seizure bulletin of a period (by drug, by route and drug, by
// conveyance, by agency), as `ordo bulletin` (analytics/bulletin.h): JSON by default, the
// exchange CSV with format=csv, the printable page with format=html
// (analytics/bulletin_export.h).

#include <sstream>
#include <variant>

#include "analytics/bulletin.h"
#include "analytics/bulletin_export.h"
#include "api/error_response.h"
#include "api/internal/answer_marking.h"
#include "api/internal/route_support.h"
#include "api/internal/seizure_query.h"
#include "api/routes.h"

namespace ordo::api {
namespace {

using internal::Json;

Json TallyJson(const analytics::BulletinTally& tally, Json row = Json::object()) {
  row["seizures"] = tally.seizures;
  row["cases"] = tally.cases;
  row["kg"] = tally.kg;
  row["without_kg"] = tally.without_kg;
  row["largest_kg"] = tally.largest_id.empty() ? Json(nullptr) : Json(tally.largest_kg);
  row["largest_seizure_id"] = internal::TextOrNull(tally.largest_id);
  return row;
}

Json BulletinJson(const analytics::Bulletin& bulletin) {
  Json by_drug = Json::array();
  for (const analytics::BulletinDrugRow& row : bulletin.by_drug) {
    by_drug.push_back(TallyJson(row.tally, {{"drug", std::string(DrugName(row.drug))}}));
  }
  Json by_route = Json::array();
  for (const analytics::BulletinRouteRow& row : bulletin.by_route) {
    by_route.push_back(TallyJson(row.tally, {{"departure", row.departure},
                                             {"destination", row.destination},
                                             {"drug", std::string(DrugName(row.drug))}}));
  }
  auto groups = [](const std::string& key, const std::vector<analytics::BulletinGroupRow>& rows) {
    Json list = Json::array();
    for (const analytics::BulletinGroupRow& row : rows) {
      list.push_back(TallyJson(row.tally, {{key, row.group}}));
    }
    return list;
  };
  return {{"period",
           {{"text", bulletin.period.text},
            {"from", bulletin.period.from.ToString()},
            {"to", bulletin.period.to.ToString()}}},
          {"synthetic", bulletin.synthetic},
          {"total", TallyJson(bulletin.total)},
          {"by_drug", std::move(by_drug)},
          {"by_route", std::move(by_route)},
          {"by_conveyance", groups("conveyance", bulletin.by_conveyance)},
          {"by_agency", groups("agency", bulletin.by_agency)},
          {"sources", bulletin.sources}};
}

HttpResponse TextResponse(std::string content_type, std::string body) {
  HttpResponse response;
  response.content_type = std::move(content_type);
  response.body = std::make_shared<const std::string>(std::move(body));
  response.headers.emplace_back("Cache-Control", "no-cache");
  return response;
}

HttpResponse Bulletin(const RouteRequest& request) {
  if (!request.params.Has("period")) {
    return ErrorResponse(InvalidArgument("period: required (2024, 2024-01..2024-06, 2015..2019)"),
                         "period");
  }
  auto period = analytics::ParsePeriod(request.params.Text("period"));
  if (!period) {
    return ErrorResponse(InvalidArgument("period: " + period.error().message()), "period");
  }
  auto parsed = internal::SeizureFilterOf(request);
  if (auto* problem = std::get_if<HttpResponse>(&parsed)) return std::move(*problem);
  const storage::SeizureFilter filter = std::get<storage::SeizureFilter>(std::move(parsed));
  const std::string& format = request.params.Text("format");
  return internal::WithSeizureStore(request, [&](storage::SeizureStore& store) {
    auto bulletin = analytics::ComputeBulletin(store, filter, *period);
    if (!bulletin) return ErrorResponse(bulletin.error());
    if (format == "csv") {
      std::ostringstream csv;
      analytics::WriteBulletinCsv(*bulletin, csv);
      HttpResponse response = TextResponse("text/csv; charset=utf-8", csv.str());
      internal::SetMarkingHeader(response, bulletin->marking);
      return response;
    }
    if (format == "html") {
      std::ostringstream html;
      analytics::WriteBulletinHtml(*bulletin, html);
      HttpResponse response = TextResponse("text/html; charset=utf-8", html.str());
      internal::SetMarkingHeader(response, bulletin->marking);
      return response;
    }
    // The bulletin's own marking (its records'), as its CSV and page carry it.
    return internal::MarkedJsonResponse(BulletinJson(*bulletin), bulletin->marking);
  });
}

}  // namespace

void AddNarcoticsBulletinRoutes(Router& router) {
  std::vector<ParamSpec> params = internal::SeizureFilterParams();
  params.push_back(internal::TextParam(
      "period", "Required: 2024, 2024-03, 2015..2019 or 2024-01..2024-06 (FROM..TO)"));
  params.push_back(internal::ChoiceParam(
      "format", {"json", "csv", "html"},
      "json (default), the exchange CSV, or the printable HTML page"));
  router.Add({"/api/v1/narcotics/bulletin",
              internal::RouteParams(std::move(params), internal::Paging::kNone), Bulletin});
}

}  // namespace ordo::api
