#include "geo/grid.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace ordo::geo {
namespace {

bool InRange(double value, double low, double high) {
  return std::isfinite(value) && value >= low && value <= high;
}

Status ValidateBox(const BoundingBox& box) {
  if (!InRange(box.min_lat_deg, -90.0, 90.0) || !InRange(box.max_lat_deg, -90.0, 90.0) ||
      !InRange(box.min_lon_deg, -180.0, 180.0) || !InRange(box.max_lon_deg, -180.0, 180.0)) {
    return InvalidArgument(
        "bounding box corners must be finite, latitudes in [-90, 90] and "
        "longitudes in [-180, 180]");
  }
  if (box.max_lat_deg <= box.min_lat_deg || box.max_lon_deg <= box.min_lon_deg) {
    return InvalidArgument(
        "bounding box is empty: max must exceed min for latitude and "
        "longitude (boxes across the antimeridian are not supported)");
  }
  return OkStatus();
}

// Number of cells of side `cell_km` needed to cover `extent_km`, at least 1. The tiny slack keeps
// an extent of exactly k cells (up to rounding) at k cells instead of k + 1.
double CellsToCover(double extent_km, double cell_km) {
  return std::max(1.0, std::ceil(extent_km / cell_km * (1.0 - 1e-12)));
}

}  // namespace

Result<Grid> Grid::Create(const GridOptions& options) {
  if (!std::isfinite(options.cell_size_km) || options.cell_size_km <= 0.0) {
    return InvalidArgument("cell size must be a positive number of km, got " +
                           std::to_string(options.cell_size_km));
  }
  ORDO_RETURN_IF_ERROR(ValidateBox(options.box));
  const BoundingBox& box = options.box;
  const double mid_lat = (box.min_lat_deg + box.max_lat_deg) / 2.0;
  const EquirectangularProjection projection(LatLon{box.min_lat_deg, box.min_lon_deg}, mid_lat);
  const PlanarPoint north_east = projection.Project(LatLon{box.max_lat_deg, box.max_lon_deg});
  const double rows = CellsToCover(north_east.y_km, options.cell_size_km);
  const double cols = CellsToCover(north_east.x_km, options.cell_size_km);
  // Compared as doubles so that a tiny cell size cannot overflow the integer cell count.
  if (rows * cols > static_cast<double>(kMaxGridCells)) {
    return InvalidArgument("grid would have " + std::to_string(rows * cols) +
                           " cells, more than the limit of " + std::to_string(kMaxGridCells) +
                           "; use a larger cell size or a smaller box");
  }
  const GridShape shape{static_cast<std::int64_t>(rows), static_cast<std::int64_t>(cols),
                        options.cell_size_km};
  return Grid(box, shape, projection);
}

std::optional<std::int64_t> Grid::CellIndexOf(LatLon point) const {
  if (!(point.lat_deg >= box_.min_lat_deg && point.lat_deg <= box_.max_lat_deg &&
        point.lon_deg >= box_.min_lon_deg && point.lon_deg <= box_.max_lon_deg)) {
    return std::nullopt;  // Also rejects NaN coordinates.
  }
  const PlanarPoint plane = projection_.Project(point);
  const auto row =
      std::min(shape_.rows - 1, static_cast<std::int64_t>(plane.y_km / shape_.cell_size_km));
  const auto col =
      std::min(shape_.cols - 1, static_cast<std::int64_t>(plane.x_km / shape_.cell_size_km));
  return std::max<std::int64_t>(0, row) * shape_.cols + std::max<std::int64_t>(0, col);
}

PlanarPoint Grid::CellCentre(std::int64_t row, std::int64_t col) const {
  return PlanarPoint{(static_cast<double>(col) + 0.5) * shape_.cell_size_km,
                     (static_cast<double>(row) + 0.5) * shape_.cell_size_km};
}

LatLon Grid::CellCentreLatLon(std::int64_t row, std::int64_t col) const {
  return projection_.Unproject(CellCentre(row, col));
}

Result<CellWeights> AggregateToGrid(const Grid& grid, std::span<const WeightedPoint> points) {
  CellWeights result;
  result.values.assign(static_cast<std::size_t>(grid.CellCount()), 0.0);
  for (std::size_t i = 0; i < points.size(); ++i) {
    const WeightedPoint& point = points[i];
    if (!std::isfinite(point.position.lat_deg) || !std::isfinite(point.position.lon_deg)) {
      return InvalidArgument("point " + std::to_string(i) + " has a non-finite coordinate");
    }
    if (!std::isfinite(point.weight) || point.weight < 0.0) {
      return InvalidArgument("point " + std::to_string(i) + " has weight " +
                             std::to_string(point.weight) + "; weights must be finite and >= 0");
    }
    const std::optional<std::int64_t> cell = grid.CellIndexOf(point.position);
    if (!cell) {
      ++result.points_outside;
      continue;
    }
    result.values[static_cast<std::size_t>(*cell)] += point.weight;
    result.total_weight += point.weight;
  }
  return result;
}

}  // namespace ordo::geo
