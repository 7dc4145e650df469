#include "geo/getis_ord.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

namespace ordo::geo {
namespace {

Status Validate(const GridShape& shape, std::span<const double> values,
                const GetisOrdOptions& options) {
  const double band = options.distance_band_km;
  if (!std::isfinite(band) || band <= 0.0) {
    return InvalidArgument("distance band must be a positive number of km, got " +
                           std::to_string(band));
  }
  if (static_cast<std::int64_t>(values.size()) != shape.CellCount()) {
    return InvalidArgument("got " + std::to_string(values.size()) + " cell values for a grid of " +
                           std::to_string(shape.CellCount()) + " cells");
  }
  if (shape.CellCount() < 3) {
    return InvalidArgument("Gi* needs at least 3 cells, the grid has " +
                           std::to_string(shape.CellCount()));
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!std::isfinite(values[i])) {
      return InvalidArgument("cell " + std::to_string(i) + " has a non-finite value");
    }
  }
  return OkStatus();
}

// half_widths[k] = how many columns either side of a cell are inside the band in the row k rows
// away: the largest c with (k^2 + c^2) cell^2 <= band^2. The list ends at the last row the band
// reaches, or at the grid's own extent, so a huge band costs no more than the grid.
std::vector<std::int64_t> DiscHalfWidths(const GridShape& shape, double band_km) {
  const double radius = band_km / shape.cell_size_km;  // In cells.
  // Slack so that a neighbour exactly on the band (k^2 + c^2 == radius^2) stays in despite
  // rounding.
  const double radius2 = radius * radius * (1.0 + 1e-12);
  const auto max_rows = static_cast<std::int64_t>(
      std::min(std::floor(std::sqrt(radius2)), static_cast<double>(shape.rows - 1)));
  std::vector<std::int64_t> half_widths;
  for (std::int64_t k = 0; k <= max_rows; ++k) {
    const double reach = std::floor(std::sqrt(radius2 - static_cast<double>(k * k)));
    half_widths.push_back(
        static_cast<std::int64_t>(std::min(reach, static_cast<double>(shape.cols - 1))));
  }
  return half_widths;
}

}  // namespace

Result<GetisOrdResult> ComputeGetisOrdGiStar(const GridShape& shape,
                                             std::span<const double> cell_values,
                                             const GetisOrdOptions& options) {
  ORDO_RETURN_IF_ERROR(Validate(shape, cell_values, options));
  const std::int64_t rows = shape.rows;
  const std::int64_t cols = shape.cols;
  const auto n = static_cast<double>(shape.CellCount());

  // Two passes for mean and variance; the neighbour sums use centred values, so that sum_j w_ij x_j
  // - X-bar W_i = sum_j w_ij (x_j - X-bar) avoids cancelling large sums.
  double sum = 0.0;
  for (double value : cell_values) sum += value;
  const double mean = sum / n;
  double squares = 0.0;
  for (double value : cell_values) squares += (value - mean) * (value - mean);
  const double std_dev = std::sqrt(squares / n);
  if (!(std_dev > 0.0)) {
    return InvalidArgument("all cells hold the same value; Gi* is undefined when S = 0");
  }

  // prefix[row * (cols + 1) + c] = sum of centred values of columns [0, c) in that row.
  std::vector<double> prefix(static_cast<std::size_t>(rows * (cols + 1)), 0.0);
  for (std::int64_t row = 0; row < rows; ++row) {
    double* out = prefix.data() + row * (cols + 1);
    const double* in = cell_values.data() + row * cols;
    for (std::int64_t col = 0; col < cols; ++col) out[col + 1] = out[col] + (in[col] - mean);
  }

  const std::vector<std::int64_t> half_widths = DiscHalfWidths(shape, options.distance_band_km);
  const auto band_rows = static_cast<std::int64_t>(half_widths.size()) - 1;
  GetisOrdResult result;
  result.mean = mean;
  result.std_dev = std_dev;
  result.z_scores.resize(cell_values.size());
  result.p_values.resize(cell_values.size());
  for (std::int64_t row = 0; row < rows; ++row) {
    const std::int64_t first_row = std::max<std::int64_t>(0, row - band_rows);
    const std::int64_t last_row = std::min(rows - 1, row + band_rows);
    for (std::int64_t col = 0; col < cols; ++col) {
      double centred_sum = 0.0;
      std::int64_t neighbours = 0;
      for (std::int64_t other = first_row; other <= last_row; ++other) {
        const std::int64_t reach = half_widths[static_cast<std::size_t>(std::abs(other - row))];
        const std::int64_t first_col = std::max<std::int64_t>(0, col - reach);
        const std::int64_t last_col = std::min(cols - 1, col + reach);
        const double* row_prefix = prefix.data() + other * (cols + 1);
        centred_sum += row_prefix[last_col + 1] - row_prefix[first_col];
        neighbours += last_col - first_col + 1;
      }
      const auto w = static_cast<double>(neighbours);
      const double spread = (n * w - w * w) / (n - 1.0);
      const auto index = static_cast<std::size_t>(row * cols + col);
      // spread is 0 only when the band covers every cell; then the numerator is 0 as well.
      const double z = spread > 0.0 ? centred_sum / (std_dev * std::sqrt(spread)) : 0.0;
      result.z_scores[index] = z;
      result.p_values[index] = std::erfc(std::abs(z) / std::sqrt(2.0));
    }
  }
  return result;
}

}  // namespace ordo::geo
