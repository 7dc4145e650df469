#include "geo/kernel_density.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

namespace ordo::geo {
namespace {

// About 111 x 82 km around Bishkek.
constexpr BoundingBox kBox{42.5, 74.0, 43.5, 75.0};

Grid MakeDensityGrid(double cell_km) { return Grid::Create(GridOptions{kBox, cell_km}).value(); }

double Integral(const DensitySurface& surface) {
  double sum = 0.0;
  for (double value : surface.density) sum += value;
  return sum * surface.cell_area_km2;
}

TEST(KernelDensityTest, IntegratesToTheTotalWeight) {
  // Points well inside the box, so that no kernel is cut by the edge; the bandwidth spans ten
  // cells, so the cell-centre sum approximates the integral closely.
  const Grid grid = MakeDensityGrid(1.0);
  std::mt19937 random(7);
  std::uniform_real_distribution<double> lat(42.8, 43.2);
  std::uniform_real_distribution<double> lon(74.3, 74.7);
  std::uniform_real_distribution<double> kg(0.1, 50.0);
  std::vector<WeightedPoint> points;
  double total = 0.0;
  for (int i = 0; i < 2000; ++i) {
    points.push_back({LatLon{lat(random), lon(random)}, kg(random)});
    total += points.back().weight;
  }

  const DensitySurface surface =
      EstimateKernelDensity(grid, points, KernelDensityOptions{10.0}).value();

  EXPECT_NEAR(Integral(surface) / total, 1.0, 0.005);
}

TEST(KernelDensityTest, PeaksAtThePointWithTheKernelsCentralValue) {
  const Grid grid = MakeDensityGrid(1.0);
  const LatLon centre = grid.CellCentreLatLon(50, 40);
  const std::vector<WeightedPoint> points = {{centre, 4.0}};

  const DensitySurface surface =
      EstimateKernelDensity(grid, points, KernelDensityOptions{5.0}).value();

  // K(0) = 3 / (pi h^2); times the weight 4.
  const auto peak = static_cast<std::size_t>(50 * grid.cols() + 40);
  EXPECT_NEAR(surface.density[peak], 4.0 * 3.0 / (std::numbers::pi * 25.0), 1e-9);
  // Three cells east the distance is 3 km: (1 - 9/25)^2 of the peak.
  EXPECT_NEAR(surface.density[peak + 3], surface.density[peak] * 0.4096, 1e-9);
  // Five cells east lies on the bandwidth, where the kernel falls to zero; six is never touched.
  EXPECT_NEAR(surface.density[peak + 5], 0.0, 1e-15);
  EXPECT_EQ(surface.density[peak + 6], 0.0);
}

TEST(KernelDensityTest, MatchesABruteForceSumOverAllCells) {
  const Grid grid = MakeDensityGrid(2.0);
  const std::vector<WeightedPoint> points = {{LatLon{42.9, 74.4}, 3.0},
                                             {LatLon{42.93, 74.45}, 1.0},
                                             {LatLon{42.51, 74.01}, 2.0},  // Near the corner.
                                             {LatLon{42.4, 74.5}, 5.0}};   // Just outside.
  const double h = 12.0;

  const DensitySurface surface =
      EstimateKernelDensity(grid, points, KernelDensityOptions{h}).value();

  for (std::int64_t row = 0; row < grid.rows(); ++row) {
    for (std::int64_t col = 0; col < grid.cols(); ++col) {
      const PlanarPoint c = grid.CellCentre(row, col);
      double expected = 0.0;
      for (const WeightedPoint& point : points) {
        const PlanarPoint p = grid.ToPlane(point.position);
        const double d2 =
            (c.x_km - p.x_km) * (c.x_km - p.x_km) + (c.y_km - p.y_km) * (c.y_km - p.y_km);
        if (d2 < h * h) {
          expected +=
              point.weight * 3.0 / (std::numbers::pi * h * h) * std::pow(1 - d2 / (h * h), 2);
        }
      }
      ASSERT_NEAR(surface.density[static_cast<std::size_t>(row * grid.cols() + col)], expected,
                  1e-12)
          << "row " << row << " col " << col;
    }
  }
}

TEST(KernelDensityTest, RejectsANonPositiveBandwidth) {
  const Grid grid = MakeDensityGrid(1.0);
  const std::vector<WeightedPoint> points = {{LatLon{43.0, 74.5}, 1.0}};

  for (double h : {0.0, -3.0, std::nan("")}) {
    const auto surface = EstimateKernelDensity(grid, points, KernelDensityOptions{h});

    ASSERT_FALSE(surface.has_value());
    EXPECT_EQ(surface.error().code(), ErrorCode::kInvalidArgument);
  }
}

TEST(KernelDensityTest, RejectsANegativeWeight) {
  const Grid grid = MakeDensityGrid(1.0);
  const std::vector<WeightedPoint> points = {{LatLon{43.0, 74.5}, -2.0}};

  const auto surface = EstimateKernelDensity(grid, points, KernelDensityOptions{5.0});

  ASSERT_FALSE(surface.has_value());
  EXPECT_EQ(surface.error().code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace ordo::geo
