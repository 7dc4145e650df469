#pragma once
// A regular grid of square cells (side in km) laid over a latitude/longitude bounding box, and the
// aggregation of weighted points (seizures: kg or counts) into its cells. Cells are squares on the
// box's equirectangular plane (geo/distance.h), referenced to the box's middle latitude.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/result.h"
#include "geo/distance.h"

namespace ordo::geo {

// The most cells a grid may have (80 MB per double-valued layer).
inline constexpr std::int64_t kMaxGridCells = 10'000'000;

// South-west and north-east corners in decimal degrees. The box may not cross the antimeridian.
struct BoundingBox {
  double min_lat_deg = 0.0;
  double min_lon_deg = 0.0;
  double max_lat_deg = 0.0;
  double max_lon_deg = 0.0;
};

struct GridOptions {
  BoundingBox box;
  // Side of a square cell in km; the grid covers the box and may overhang its north/east edges by
  // less than one cell.
  double cell_size_km = 1.0;
};

// Shape of a grid: what the neighbourhood statistics need. Cells are numbered row-major, index =
// row * cols + col, row 0 in the south and col 0 in the west.
struct GridShape {
  std::int64_t rows = 0;
  std::int64_t cols = 0;
  double cell_size_km = 1.0;

  std::int64_t CellCount() const { return rows * cols; }
};

// A point with a non-negative weight (kilograms seized, or 1 per event for counts).
struct WeightedPoint {
  LatLon position;
  double weight = 1.0;
};

// Immutable after Create; thread-safe; cheap to copy.
class Grid {
 public:
  // Returns a grid covering options.box.
  // Errors: kInvalidArgument when the cell size is not a positive finite number, when the box is
  // empty (max <= min on either axis), outside [-90, 90] x [-180, 180] or not finite, or when the
  // grid would have more than kMaxGridCells cells.
  static Result<Grid> Create(const GridOptions& options);

  const GridShape& shape() const { return shape_; }
  std::int64_t rows() const { return shape_.rows; }
  std::int64_t cols() const { return shape_.cols; }
  std::int64_t CellCount() const { return shape_.CellCount(); }
  double cell_size_km() const { return shape_.cell_size_km; }

  // Position of `point` on the grid's plane, km east/north of the box's south-west corner.
  PlanarPoint ToPlane(LatLon point) const { return projection_.Project(point); }
  // Row-major index of the cell holding `point`, or nullopt when it lies outside the box. Points on
  // the north or east edge of the box belong to the last row or column.
  std::optional<std::int64_t> CellIndexOf(LatLon point) const;
  // Centre of cell (row, col) on the plane and as latitude/longitude.
  PlanarPoint CellCentre(std::int64_t row, std::int64_t col) const;
  LatLon CellCentreLatLon(std::int64_t row, std::int64_t col) const;

 private:
  Grid(const BoundingBox& box, GridShape shape, EquirectangularProjection projection)
      : box_(box), shape_(shape), projection_(projection) {}

  BoundingBox box_;
  GridShape shape_;
  EquirectangularProjection projection_;
};

// Per-cell sums of point weights, row-major (size grid.CellCount()).
struct CellWeights {
  std::vector<double> values;
  double total_weight = 0.0;        // Sum of the weights that fell inside the box.
  std::int64_t points_outside = 0;  // Points outside the box, left out of `values`.
};

// Sums the weights of `points` per cell. O(points + cells). Pure; thread-safe.
// Errors: kInvalidArgument naming the first point with a non-finite coordinate or a negative or
// non-finite weight.
Result<CellWeights> AggregateToGrid(const Grid& grid, std::span<const WeightedPoint> points);

}  // namespace ordo::geo
