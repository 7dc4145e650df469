#include "analytics/hotspot_report.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

#include "geo/getis_ord.h"
#include "geo/kernel_density.h"

namespace ordo::analytics {
namespace {

constexpr double kKmPerDegreeLat = 111.32;

struct LocatedSeizure {
  geo::LatLon position;
  std::optional<double> kg;
};

// The box around `points`, widened by one cell so that no point sits on an edge
// and a single point still gives a non-empty box. Clamped to the valid
// latitude/longitude range.
geo::BoundingBox BoxAround(const std::vector<LocatedSeizure>& points, double cell_size_km) {
  geo::BoundingBox box{90.0, 180.0, -90.0, -180.0};
  for (const LocatedSeizure& point : points) {
    box.min_lat_deg = std::min(box.min_lat_deg, point.position.lat_deg);
    box.max_lat_deg = std::max(box.max_lat_deg, point.position.lat_deg);
    box.min_lon_deg = std::min(box.min_lon_deg, point.position.lon_deg);
    box.max_lon_deg = std::max(box.max_lon_deg, point.position.lon_deg);
  }
  const double middle_lat_rad =
      (box.min_lat_deg + box.max_lat_deg) / 2.0 * std::numbers::pi / 180.0;
  const double lat_pad = cell_size_km / kKmPerDegreeLat;
  const double lon_pad =
      cell_size_km / (kKmPerDegreeLat * std::max(0.01, std::cos(middle_lat_rad)));
  box.min_lat_deg = std::max(-90.0, box.min_lat_deg - lat_pad);
  box.max_lat_deg = std::min(90.0, box.max_lat_deg + lat_pad);
  box.min_lon_deg = std::max(-180.0, box.min_lon_deg - lon_pad);
  box.max_lon_deg = std::min(180.0, box.max_lon_deg + lon_pad);
  return box;
}

}  // namespace

Result<HotspotReport> ComputeHotspots(storage::SeizureStore& store, const HotspotOptions& options) {
  HotspotReport report;
  std::vector<LocatedSeizure> located;
  storage::SeizureFilter filter = options.filter;
  filter.offset = 0;
  filter.limit = 0;
  ORDO_RETURN_IF_ERROR(store.ForEachSeizure(filter, [&](const Seizure& seizure) {
    ++report.rows_matched;
    if (!seizure.lat || !seizure.lon) {
      ++report.rows_without_coordinates;
      return OkStatus();
    }
    located.push_back({{*seizure.lat, *seizure.lon}, seizure.quantity_kg});
    return OkStatus();
  }));
  if (located.empty()) return report;

  const geo::BoundingBox box =
      options.box ? *options.box : BoxAround(located, options.cell_size_km);
  ORDO_TRY(grid, geo::Grid::Create({box, options.cell_size_km}));
  report.grid_rows = grid.rows();
  report.grid_cols = grid.cols();
  const auto cell_count = static_cast<std::size_t>(grid.CellCount());
  std::vector<double> weights(cell_count, 0.0);
  std::vector<std::size_t> counts(cell_count, 0);
  std::vector<double> kgs(cell_count, 0.0);
  for (const LocatedSeizure& seizure : located) {
    const std::optional<std::int64_t> index = grid.CellIndexOf(seizure.position);
    if (!index) {
      ++report.rows_outside_box;
      continue;
    }
    const auto cell = static_cast<std::size_t>(*index);
    ++counts[cell];
    if (seizure.kg) {
      kgs[cell] += *seizure.kg;
    } else {
      ++report.rows_without_kg;
    }
    weights[cell] += options.weight == HotspotWeight::kCount ? 1.0 : seizure.kg.value_or(0.0);
  }

  ORDO_TRY(scores, geo::ComputeGetisOrdGiStar(grid.shape(), weights, {options.band_km}));
  // The kernel density surface of the same weights, with the Gi* band as the kernel radius.
  std::vector<geo::WeightedPoint> points;
  points.reserve(located.size());
  for (const LocatedSeizure& seizure : located) {
    const double weight = options.weight == HotspotWeight::kCount ? 1.0 : seizure.kg.value_or(0.0);
    points.push_back({seizure.position, weight});
  }
  ORDO_TRY(surface, geo::EstimateKernelDensity(grid, points, {options.band_km}));
  std::vector<std::size_t> order(cell_count);
  std::iota(order.begin(), order.end(), std::size_t{0});
  // Neighbouring cells often share a z when the band covers the same cells; the one holding the
  // most weight itself comes first.
  std::stable_sort(order.begin(), order.end(), [&scores, &weights](std::size_t a, std::size_t b) {
    if (scores.z_scores[a] != scores.z_scores[b]) return scores.z_scores[a] > scores.z_scores[b];
    return weights[a] > weights[b];
  });
  if (options.top != 0 && order.size() > options.top) order.resize(options.top);
  report.cells.reserve(order.size());
  for (const std::size_t cell : order) {
    const auto index = static_cast<std::int64_t>(cell);
    const geo::LatLon centre = grid.CellCentreLatLon(index / grid.cols(), index % grid.cols());
    report.cells.push_back({centre.lat_deg, centre.lon_deg, scores.z_scores[cell],
                            scores.p_values[cell], counts[cell], kgs[cell], surface.density[cell]});
  }
  return report;
}

}  // namespace ordo::analytics
