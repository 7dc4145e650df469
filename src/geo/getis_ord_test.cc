#include "geo/getis_ord.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace ordo::geo {
namespace {

// The textbook formula, evaluated pair by pair in O(n^2) over sites at arbitrary planar positions:
// the independent reference for the grid implementation.
std::vector<double> BruteForceGiStar(const std::vector<PlanarPoint>& sites,
                                     const std::vector<double>& x, double band_km) {
  const auto n = static_cast<double>(x.size());
  double sum = 0.0;
  double sum_squares = 0.0;
  for (double value : x) {
    sum += value;
    sum_squares += value * value;
  }
  const double mean = sum / n;
  const double s = std::sqrt(sum_squares / n - mean * mean);
  std::vector<double> z(x.size());
  for (std::size_t i = 0; i < sites.size(); ++i) {
    double weighted = 0.0;
    double w_sum = 0.0;
    double w_squares = 0.0;
    for (std::size_t j = 0; j < sites.size(); ++j) {
      const double distance =
          std::hypot(sites[i].x_km - sites[j].x_km, sites[i].y_km - sites[j].y_km);
      const double w = distance <= band_km + 1e-9 ? 1.0 : 0.0;
      weighted += w * x[j];
      w_sum += w;
      w_squares += w * w;
    }
    z[i] = (weighted - mean * w_sum) / (s * std::sqrt((n * w_squares - w_sum * w_sum) / (n - 1)));
  }
  return z;
}

std::vector<PlanarPoint> CellCentres(const GridShape& shape) {
  std::vector<PlanarPoint> centres;
  for (std::int64_t row = 0; row < shape.rows; ++row) {
    for (std::int64_t col = 0; col < shape.cols; ++col) {
      centres.push_back({(static_cast<double>(col) + 0.5) * shape.cell_size_km,
                         (static_cast<double>(row) + 0.5) * shape.cell_size_km});
    }
  }
  return centres;
}

TEST(GetisOrdTest, ReferenceFormulaReproducesPySalsPublishedExample) {
  // PySAL's own test (pysal/pysal, pysal/esda/tests/test_getisord.py, test_G_star_Local_Binary):
  // six points, a binary distance band of 15, G_Local(y, w, transform='B', star=True) gives
  // Zs[0] = -1.39727626. By hand: site 0 has neighbours {0, 1, 3}, W = 3, sum = 10, X-bar = 4.7,
  // S^2 = 161.24/6 - 4.7^2 = 4.78333, z = (10 - 14.1) / (2.18708 sqrt(9/5)) = -1.397276.
  const std::vector<PlanarPoint> sites = {{10, 10}, {20, 10}, {40, 10},
                                          {15, 20}, {30, 20}, {30, 30}};
  const std::vector<double> y = {2, 3, 3.2, 5, 8, 7};

  const std::vector<double> z = BruteForceGiStar(sites, y, 15.0);

  EXPECT_NEAR(z[0], -1.39727626, 1e-8);
}

TEST(GetisOrdTest, MatchesAHandWorkedExample) {
  // One row of five 1 km cells, x = 1 1 1 1 6, band 1 km (a cell and its two neighbours).
  // n = 5, X-bar = 2, S^2 = 40/5 - 2^2 = 4, S = 2.
  // Last cell: W = 2, sum w x = 7, Gi* = (7 - 2*2) / (2 sqrt((10 - 4)/4)) = 3 / (2 sqrt 1.5)
  //   = sqrt(1.5) = 1.2247; p = erfc(1.2247 / sqrt 2) = 0.2207.
  // Fourth cell: W = 3, sum w x = 8, Gi* = (8 - 6) / (2 sqrt((15 - 9)/4)) = sqrt(2/3) = 0.8165.
  // First cell: W = 2, sum = 2 -> -sqrt(2/3); second and third: W = 3, sum = 3 -> -sqrt(1.5).
  const GridShape shape{1, 5, 1.0};
  const std::vector<double> x = {1, 1, 1, 1, 6};

  const GetisOrdResult result = ComputeGetisOrdGiStar(shape, x, GetisOrdOptions{1.0}).value();

  const double a = std::sqrt(1.5);
  const double b = std::sqrt(2.0 / 3.0);
  const std::vector<double> expected = {-b, -a, -a, b, a};
  for (std::size_t i = 0; i < x.size(); ++i) EXPECT_NEAR(result.z_scores[i], expected[i], 1e-12);
  EXPECT_NEAR(result.p_values[4], 0.2207, 1e-4);
  EXPECT_NEAR(result.p_values[3], 0.4142, 1e-4);
  EXPECT_DOUBLE_EQ(result.mean, 2.0);
  EXPECT_DOUBLE_EQ(result.std_dev, 2.0);
}

TEST(GetisOrdTest, MatchesTheBruteForceFormulaOnARandomGrid) {
  // The reference above is checked against PySAL; this ties the prefix-sum version to it.
  const GridShape shape{13, 17, 2.0};
  std::mt19937 random(11);
  std::poisson_distribution<int> counts(3.0);
  std::vector<double> x;
  for (std::int64_t i = 0; i < shape.CellCount(); ++i) x.push_back(counts(random));

  // 4 km is exactly two cells: the disc includes (0, 2) but not (1, 2); 5.5 km is off-grid.
  for (double band_km : {1.0, 4.0, 5.5, 11.0}) {
    const GetisOrdResult result = ComputeGetisOrdGiStar(shape, x, GetisOrdOptions{band_km}).value();
    const std::vector<double> expected = BruteForceGiStar(CellCentres(shape), x, band_km);

    for (std::size_t i = 0; i < x.size(); ++i) {
      ASSERT_NEAR(result.z_scores[i], expected[i], 1e-9) << "band " << band_km << " cell " << i;
    }
  }
}

TEST(GetisOrdTest, FindsAPlantedHotspotAmongAMillionRandomPoints) {
  // 1,000,000 seizures spread uniformly over about 111 x 82 km, plus 500 (0.05%) within 2 km of one
  // place; 1 km cells, 3 km band.
  const Grid grid = Grid::Create(GridOptions{BoundingBox{42.5, 74.0, 43.5, 75.0}, 1.0}).value();
  std::mt19937 random(2024);
  std::uniform_real_distribution<double> lat(42.5, 43.5);
  std::uniform_real_distribution<double> lon(74.0, 75.0);
  std::vector<WeightedPoint> points;
  points.reserve(1'000'500);
  for (int i = 0; i < 1'000'000; ++i) points.push_back({LatLon{lat(random), lon(random)}, 1.0});
  const LatLon hotspot = grid.CellCentreLatLon(70, 30);
  std::uniform_real_distribution<double> offset(-0.015, 0.015);  // About +-1.7 km and +-1.2 km.
  for (int i = 0; i < 500; ++i) {
    points.push_back(
        {LatLon{hotspot.lat_deg + offset(random), hotspot.lon_deg + offset(random)}, 1.0});
  }
  const CellWeights cells = AggregateToGrid(grid, points).value();

  const GetisOrdResult result =
      ComputeGetisOrdGiStar(grid.shape(), cells.values, GetisOrdOptions{3.0}).value();

  const auto hot = static_cast<std::size_t>(grid.CellIndexOf(hotspot).value());
  EXPECT_GT(result.z_scores[hot], 3.0);
  EXPECT_LT(result.p_values[hot], 0.001);
  // The strongest cell of the whole grid lies within the band of the planted place.
  const auto strongest = static_cast<std::int64_t>(
      std::max_element(result.z_scores.begin(), result.z_scores.end()) - result.z_scores.begin());
  EXPECT_LE(std::hypot(static_cast<double>(strongest / grid.cols() - 70),
                       static_cast<double>(strongest % grid.cols() - 30)),
            3.0);
  // Far from the hotspot (row 10, column 60) nothing stands out.
  const auto far = static_cast<std::size_t>(10 * grid.cols() + 60);
  EXPECT_LT(std::abs(result.z_scores[far]), 3.0);
}

TEST(GetisOrdTest, ABandCoveringEveryCellGivesZeroNotNaN) {
  const GridShape shape{2, 2, 1.0};
  const std::vector<double> x = {1, 2, 3, 10};

  const GetisOrdResult result = ComputeGetisOrdGiStar(shape, x, GetisOrdOptions{100.0}).value();

  for (std::size_t i = 0; i < x.size(); ++i) {
    EXPECT_EQ(result.z_scores[i], 0.0);
    EXPECT_EQ(result.p_values[i], 1.0);
  }
}

TEST(GetisOrdTest, RejectsConstantValues) {
  const std::vector<double> x(9, 4.0);

  const auto result = ComputeGetisOrdGiStar(GridShape{3, 3, 1.0}, x, GetisOrdOptions{1.0});

  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code(), ErrorCode::kInvalidArgument);
}

TEST(GetisOrdTest, RejectsFewerThanThreeCells) {
  const std::vector<double> x = {1.0, 2.0};

  const auto result = ComputeGetisOrdGiStar(GridShape{1, 2, 1.0}, x, GetisOrdOptions{1.0});

  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code(), ErrorCode::kInvalidArgument);
}

TEST(GetisOrdTest, RejectsABadBandAValueCountMismatchAndNonFiniteValues) {
  const GridShape shape{3, 3, 1.0};
  const std::vector<double> x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  std::vector<double> with_nan = x;
  with_nan[4] = std::nan("");

  const auto zero_band = ComputeGetisOrdGiStar(shape, x, GetisOrdOptions{0.0});
  const auto short_values =
      ComputeGetisOrdGiStar(shape, std::span(x).first(8), GetisOrdOptions{1.0});
  const auto nan_value = ComputeGetisOrdGiStar(shape, with_nan, GetisOrdOptions{1.0});

  ASSERT_FALSE(zero_band.has_value());
  EXPECT_EQ(zero_band.error().code(), ErrorCode::kInvalidArgument);
  ASSERT_FALSE(short_values.has_value());
  EXPECT_EQ(short_values.error().code(), ErrorCode::kInvalidArgument);
  ASSERT_FALSE(nan_value.has_value());
  EXPECT_EQ(nan_value.error().code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace ordo::geo
