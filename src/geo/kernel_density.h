#pragma once
// Kernel density estimate of weighted points (seizures in kg, or counts) on a Grid, with the
// quartic (biweight) kernel. The result is a surface in weight per km^2 whose sum over the cells
// times the cell area is the total weight, up to the parts of kernels that fall outside the grid.

#include <span>
#include <vector>

#include "core/result.h"
#include "geo/grid.h"

namespace ordo::geo {

struct KernelDensityOptions {
  // Kernel radius h in km: a point adds nothing to cells whose centres are h or more away.
  double bandwidth_km = 10.0;
};

struct DensitySurface {
  // Density at each cell centre in weight per km^2, row-major (size grid.CellCount()).
  std::vector<double> density;
  // Area of one cell in km^2; density * cell_area_km2 is the weight a cell holds.
  double cell_area_km2 = 0.0;
};

// Estimates, at the centre c of every cell,
//   f(c) = sum_i w_i K(|c - p_i|),  K(d) = 3 / (pi h^2) (1 - d^2 / h^2)^2 for d < h, else 0,
// where p_i are the points on the grid's plane and |.| the planar distance in km. K integrates to 1
// over the plane, so f integrates to the total weight. Points outside the box still add to cells
// within h of them. Each point touches only the cells within h: O(points * (h / cell)^2 + cells).
// Pure; thread-safe.
// Errors: kInvalidArgument when the bandwidth is not a positive finite number, or naming the first
// point with a non-finite coordinate or a negative or non-finite weight.
Result<DensitySurface> EstimateKernelDensity(const Grid& grid,
                                             std::span<const WeightedPoint> points,
                                             const KernelDensityOptions& options);

}  // namespace ordo::geo
