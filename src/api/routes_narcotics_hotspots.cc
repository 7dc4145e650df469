// /api/v1/narcotics/hotspots: Getis-Ord Gi* hotspots of the seizures with coordinates on a km
// grid, as `ordo hotspots` (analytics/hotspot_report.h; docs/geo.md explains the statistic).

#include <variant>

#include "analytics/hotspot_report.h"
#include "api/error_response.h"
#include "api/internal/answer_marking.h"
#include "api/internal/route_support.h"
#include "api/internal/seizure_query.h"
#include "api/routes.h"

namespace ordo::api {
namespace {

using internal::Json;

constexpr double kDefaultCellKm = 10.0;
constexpr double kDefaultBandKm = 20.0;
constexpr std::int64_t kDefaultHotspotTop = 20;
constexpr std::int64_t kMaxTop = 10000;
// Gi* sums a disc of (band / cell)^2 cells around every cell; a wider ratio than this costs a
// request minutes on a large grid and says nothing a coarser grid would not.
constexpr double kMaxBandCells = 100.0;

Json HotspotsJson(const analytics::HotspotReport& report, const analytics::HotspotOptions& options,
                  const std::string& weight) {
  Json cells = Json::array();
  for (const analytics::HotspotCell& cell : report.cells) {
    cells.push_back({{"lat", cell.centre_lat_deg},
                     {"lon", cell.centre_lon_deg},
                     {"z", cell.z},
                     {"p", cell.p},
                     {"seizures", cell.seizures},
                     {"kg", cell.kg},
                     {"density", cell.density}});
  }
  return {{"weight", weight},
          {"cell_km", options.cell_size_km},
          {"band_km", options.band_km},
          {"grid_rows", report.grid_rows},
          {"grid_cols", report.grid_cols},
          {"rows_matched", report.rows_matched},
          {"rows_without_coordinates", report.rows_without_coordinates},
          {"rows_outside_box", report.rows_outside_box},
          {"rows_without_kg", report.rows_without_kg},
          {"cells", std::move(cells)}};
}

// The analysis rejects a grid over geo::kMaxGridCells cells (the cell size is to blame) and a grid
// whose cells all weigh the same (the data does not allow an answer, as when no located seizure
// has a kg figure and the weight is kg).
HttpResponse HotspotProblem(const Error& error) {
  if (error.code() != ErrorCode::kInvalidArgument) return ErrorResponse(error);
  if (error.message().find("grid would have") != std::string::npos) {
    return ErrorResponse(InvalidArgument("cell_km: " + error.message()), "cell_km");
  }
  return ErrorResponse(FailedPrecondition(error.message()));
}

HttpResponse Hotspots(const RouteRequest& request) {
  auto parsed = internal::SeizureFilterOf(request);
  if (auto* problem = std::get_if<HttpResponse>(&parsed)) return std::move(*problem);
  analytics::HotspotOptions options;
  options.filter = std::get<storage::SeizureFilter>(std::move(parsed));
  options.cell_size_km = request.params.Number("cell_km", kDefaultCellKm);
  options.band_km = request.params.Number("band_km", kDefaultBandKm);
  if (options.band_km > kMaxBandCells * options.cell_size_km) {
    return ErrorResponse(InvalidArgument("band_km: at most 100 times cell_km"), "band_km");
  }
  const std::string weight = request.params.Has("weight") ? request.params.Text("weight") : "kg";
  options.weight =
      weight == "count" ? analytics::HotspotWeight::kCount : analytics::HotspotWeight::kKilograms;
  options.top = static_cast<std::size_t>(request.params.Integer("top", kDefaultHotspotTop));
  return internal::WithSeizureStore(request, [&](storage::SeizureStore& inner) {
    internal::MarkingSeizureStore store(inner);
    auto report = analytics::ComputeHotspots(store, options);
    if (!report) return HotspotProblem(report.error());
    return internal::MarkedJsonResponse(HotspotsJson(*report, options, weight), store.highest());
  });
}

}  // namespace

void AddNarcoticsHotspotRoutes(Router& router) {
  std::vector<ParamSpec> params = internal::SeizureFilterParams();
  params.push_back(internal::NumberParam("cell_km", 0.5, 1000, "Grid cell side in km"));
  params.push_back(
      internal::NumberParam("band_km", 0.5, 5000, "Gi* neighbourhood distance band in km"));
  params.push_back(
      internal::ChoiceParam("weight", {"kg", "count"}, "Weigh seizures by kg (default) or count"));
  params.push_back(
      internal::IntegerParam("top", 1, kMaxTop, "Cells to return, highest z first (default 20)"));
  router.Add({"/api/v1/narcotics/hotspots",
              internal::RouteParams(std::move(params), internal::Paging::kNone), Hotspots});
}

}  // namespace ordo::api
