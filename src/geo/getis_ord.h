#pragma once
// Getis-Ord Gi* hotspot statistic per grid cell with a distance-band neighbourhood (Getis & Ord
// 1992; Ord & Getis 1995). docs/geo.md explains the formula and how to read the z-scores.

#include <span>
#include <vector>

#include "core/result.h"
#include "geo/grid.h"

namespace ordo::geo {

struct GetisOrdOptions {
  // Cell j is a neighbour of cell i (w_ij = 1) when their centres are at most this many km apart on
  // the grid's plane; otherwise w_ij = 0. Cell i is always its own neighbour, as Gi* requires.
  double distance_band_km = 5.0;
};

struct GetisOrdResult {
  // Gi* z-score per cell, row-major. Positive: the cell and its neighbours hold more than the
  // grid-wide mean would predict (hotspot); negative: less (coldspot).
  std::vector<double> z_scores;
  // Two-sided p-value per cell under the normal approximation, 2 (1 - Phi(|z|)).
  std::vector<double> p_values;
  double mean = 0.0;     // X-bar over all cells.
  double std_dev = 0.0;  // S over all cells (population form, divided by n).
};

// Computes Gi* for every cell of a grid of shape `shape` holding `cell_values` (row-major, one per
// cell, e.g. CellWeights::values). Every cell counts as an observation, empty ones with value 0.
//   Gi* = (sum_j w_ij x_j - X-bar W_i) / (S sqrt((n W_i - W_i^2) / (n - 1))),  W_i = sum_j w_ij
// (with binary weights sum_j w_ij^2 = W_i). When the band covers every cell (W_i = n) the statistic
// is 0/0; such a cell gets z = 0 and p = 1. No result is NaN.
// Neighbour sums come from per-row prefix sums: the band is a disc of cells, and for each row
// offset inside it the disc's run of columns is one prefix-sum difference. O(n * (d / cell)).
// Pure; thread-safe.
// Errors: kInvalidArgument when the distance band is not a positive finite number, when
// cell_values does not have shape.CellCount() entries or holds a non-finite value, when the grid
// has fewer than 3 cells, or when all values are equal (S = 0: there is nothing to compare).
Result<GetisOrdResult> ComputeGetisOrdGiStar(const GridShape& shape,
                                             std::span<const double> cell_values,
                                             const GetisOrdOptions& options);

}  // namespace ordo::geo
