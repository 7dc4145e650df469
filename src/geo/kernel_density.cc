#include "geo/kernel_density.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <string>

namespace ordo::geo {
namespace {

// Index range [first, last] of the cells whose centres ((k + 0.5) * cell) lie within `radius` of
// `centre` along one axis, clipped to [0, count). Returns first > last when there is none. Works in
// doubles before converting, so far-away points cannot overflow the integer conversion.
struct AxisRange {
  std::int64_t first;
  std::int64_t last;
};
AxisRange CellsWithin(double centre, double radius, double cell, std::int64_t count) {
  const double low = std::ceil((centre - radius) / cell - 0.5);
  const double high = std::floor((centre + radius) / cell - 0.5);
  const double max_index = static_cast<double>(count - 1);
  if (high < 0.0 || low > max_index) return AxisRange{1, 0};
  return AxisRange{static_cast<std::int64_t>(std::max(0.0, low)),
                   static_cast<std::int64_t>(std::min(max_index, high))};
}

Status ValidatePoint(const WeightedPoint& point, std::size_t index) {
  if (!std::isfinite(point.position.lat_deg) || !std::isfinite(point.position.lon_deg)) {
    return InvalidArgument("point " + std::to_string(index) + " has a non-finite coordinate");
  }
  if (!std::isfinite(point.weight) || point.weight < 0.0) {
    return InvalidArgument("point " + std::to_string(index) + " has weight " +
                           std::to_string(point.weight) + "; weights must be finite and >= 0");
  }
  return OkStatus();
}

}  // namespace

Result<DensitySurface> EstimateKernelDensity(const Grid& grid,
                                             std::span<const WeightedPoint> points,
                                             const KernelDensityOptions& options) {
  const double h = options.bandwidth_km;
  if (!std::isfinite(h) || h <= 0.0) {
    return InvalidArgument("kernel bandwidth must be a positive number of km, got " +
                           std::to_string(h));
  }
  const double cell = grid.cell_size_km();
  DensitySurface surface;
  surface.density.assign(static_cast<std::size_t>(grid.CellCount()), 0.0);
  surface.cell_area_km2 = cell * cell;
  const double h2 = h * h;
  const double normaliser = 3.0 / (std::numbers::pi * h2);

  for (std::size_t i = 0; i < points.size(); ++i) {
    ORDO_RETURN_IF_ERROR(ValidatePoint(points[i], i));
    const PlanarPoint p = grid.ToPlane(points[i].position);
    const double scale = normaliser * points[i].weight;
    const AxisRange rows = CellsWithin(p.y_km, h, cell, grid.rows());
    const AxisRange cols = CellsWithin(p.x_km, h, cell, grid.cols());
    for (std::int64_t row = rows.first; row <= rows.last; ++row) {
      const double dy = (static_cast<double>(row) + 0.5) * cell - p.y_km;
      double* row_density = surface.density.data() + row * grid.cols();
      for (std::int64_t col = cols.first; col <= cols.last; ++col) {
        const double dx = (static_cast<double>(col) + 0.5) * cell - p.x_km;
        const double u = 1.0 - (dx * dx + dy * dy) / h2;
        if (u > 0.0) row_density[col] += scale * u * u;
      }
    }
  }
  return surface;
}

}  // namespace ordo::geo
