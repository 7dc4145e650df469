#include "geo/grid.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace ordo::geo {
namespace {

// Roughly the Chüy valley around Bishkek: about 1.0 x 0.5 degrees.
constexpr BoundingBox kChuyBox{42.5, 74.0, 43.0, 75.0};

Grid MakeGrid(double cell_km, BoundingBox box = kChuyBox) {
  return Grid::Create(GridOptions{box, cell_km}).value();
}

TEST(GridTest, CoversTheBoxWithSquareCells) {
  const Grid grid = MakeGrid(5.0);

  // 0.5 degrees of latitude = 55.6 km -> 12 rows; 1 degree of longitude at 42.75 N = 81.6 km -> 17
  // columns.
  EXPECT_EQ(grid.rows(), 12);
  EXPECT_EQ(grid.cols(), 17);
  EXPECT_EQ(grid.CellCount(), 12 * 17);
}

TEST(GridTest, MapsCornersAndInteriorPointsToCells) {
  const Grid grid = MakeGrid(5.0);

  EXPECT_EQ(grid.CellIndexOf(LatLon{42.5, 74.0}), 0);
  EXPECT_EQ(grid.CellIndexOf(LatLon{43.0, 75.0}), grid.CellCount() - 1);
  // 12.5 km north and east of the south-west corner: the centre of row 2, column 2.
  const LatLon inside = grid.CellCentreLatLon(2, 2);
  EXPECT_EQ(grid.CellIndexOf(inside), 2 * grid.cols() + 2);
}

TEST(GridTest, PointsOutsideTheBoxHaveNoCell) {
  const Grid grid = MakeGrid(5.0);

  EXPECT_FALSE(grid.CellIndexOf(LatLon{42.4, 74.5}).has_value());
  EXPECT_FALSE(grid.CellIndexOf(LatLon{42.7, 75.1}).has_value());
  EXPECT_FALSE(grid.CellIndexOf(LatLon{std::nan(""), 74.5}).has_value());
}

TEST(GridTest, AggregatesWeightsPerCellAndCountsPointsOutside) {
  const Grid grid = MakeGrid(5.0);
  const LatLon centre = grid.CellCentreLatLon(3, 4);
  const std::vector<WeightedPoint> points = {
      {centre, 2.5}, {centre, 1.5}, {LatLon{42.5, 74.0}, 1.0}, {LatLon{10.0, 10.0}, 7.0}};

  const CellWeights weights = AggregateToGrid(grid, points).value();

  EXPECT_DOUBLE_EQ(weights.values[static_cast<std::size_t>(3 * grid.cols() + 4)], 4.0);
  EXPECT_DOUBLE_EQ(weights.values[0], 1.0);
  EXPECT_DOUBLE_EQ(weights.total_weight, 5.0);
  EXPECT_EQ(weights.points_outside, 1);
}

TEST(GridTest, RejectsNegativeOrNonFiniteWeights) {
  const Grid grid = MakeGrid(5.0);
  const std::vector<WeightedPoint> negative = {{LatLon{42.7, 74.5}, -1.0}};
  const std::vector<WeightedPoint> infinite = {
      {LatLon{42.7, 74.5}, std::numeric_limits<double>::infinity()}};

  const auto negative_result = AggregateToGrid(grid, negative);
  const auto infinite_result = AggregateToGrid(grid, infinite);

  ASSERT_FALSE(negative_result.has_value());
  EXPECT_EQ(negative_result.error().code(), ErrorCode::kInvalidArgument);
  ASSERT_FALSE(infinite_result.has_value());
  EXPECT_EQ(infinite_result.error().code(), ErrorCode::kInvalidArgument);
}

TEST(GridTest, RejectsANonPositiveCellSize) {
  for (double cell_km : {0.0, -1.0, std::nan("")}) {
    const auto grid = Grid::Create(GridOptions{kChuyBox, cell_km});

    ASSERT_FALSE(grid.has_value());
    EXPECT_EQ(grid.error().code(), ErrorCode::kInvalidArgument);
  }
}

TEST(GridTest, RejectsEmptyOrOutOfRangeBoxes) {
  const BoundingBox boxes[] = {
      {42.5, 74.0, 42.5, 75.0},   // No height.
      {42.5, 75.0, 43.0, 74.0},   // West of east (or across the antimeridian).
      {42.5, 74.0, 91.0, 75.0},   // Latitude out of range.
      {42.5, -190.0, 43.0, 75.0}  // Longitude out of range.
  };
  for (const BoundingBox& box : boxes) {
    const auto grid = Grid::Create(GridOptions{box, 1.0});

    ASSERT_FALSE(grid.has_value());
    EXPECT_EQ(grid.error().code(), ErrorCode::kInvalidArgument);
  }
}

TEST(GridTest, RejectsMoreThanTenMillionCells) {
  // Kyrgyzstan's extent (about 900 x 450 km) at 100 m cells is about 40 million cells.
  const auto grid = Grid::Create(GridOptions{BoundingBox{39.2, 69.2, 43.3, 80.3}, 0.1});
  const auto tiny = Grid::Create(GridOptions{kChuyBox, 1e-300});

  ASSERT_FALSE(grid.has_value());
  EXPECT_EQ(grid.error().code(), ErrorCode::kInvalidArgument);
  ASSERT_FALSE(tiny.has_value());
  EXPECT_EQ(tiny.error().code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace ordo::geo
