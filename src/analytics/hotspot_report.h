#pragma once
// Seizure hotspots: the seizures with coordinates are summed into a geo grid
// (kg or counts), scored with Getis-Ord Gi* (geo/getis_ord.h) and given a kernel
// density (geo/kernel_density.h). Rows without
// coordinates are counted and reported, never silently dropped. docs/geo.md
// explains how to read the z-scores.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/result.h"
#include "geo/grid.h"
#include "storage/seizure_store.h"

namespace ordo::analytics {

enum class HotspotWeight { kKilograms, kCount };

struct HotspotOptions {
  // Which seizures to score (offset and limit are ignored).
  storage::SeizureFilter filter;
  // The area to grid. Empty: the box around every matching seizure with
  // coordinates, widened by one cell on each side.
  std::optional<geo::BoundingBox> box;
  double cell_size_km = 10.0;
  double band_km = 20.0;  // Gi* distance band
  HotspotWeight weight = HotspotWeight::kKilograms;
  std::size_t top = 0;  // keep the best `top` cells by z; 0 = every cell
};

// One grid cell and its score.
struct HotspotCell {
  double centre_lat_deg = 0;
  double centre_lon_deg = 0;
  double z = 0;
  double p = 1;
  std::size_t seizures = 0;  // seizures with coordinates in the cell
  double kg = 0;             // their quantity_kg sum (rows without kg add nothing)
  // Quartic kernel density at the cell centre (geo/kernel_density.h) of the chosen weights (kg or
  // count) per km^2, with the Gi* band as the kernel radius.
  double density = 0;
};

struct HotspotReport {
  // By z, highest first; equal z by the cell's own weight, then cell order (south-west first).
  std::vector<HotspotCell> cells;
  std::size_t rows_matched = 0;
  std::size_t rows_without_coordinates = 0;  // matched, but no lat/lon: not in any cell
  std::size_t rows_outside_box = 0;          // had coordinates outside an explicit box
  std::size_t rows_without_kg = 0;           // in a cell, no quantity_kg (weight kg: weight 0)
  std::int64_t grid_rows = 0;
  std::int64_t grid_cols = 0;
};

// Streams the matching seizures once (ForEachSeizure), grids the ones with
// coordinates and computes Gi*. When no matching seizure has coordinates the
// report has no cells. Errors: the store's; kInvalidArgument for a bad cell
// size, band or box (geo::Grid::Create, geo::ComputeGetisOrdGiStar), or when
// every cell holds the same weight (nothing to compare).
Result<HotspotReport> ComputeHotspots(storage::SeizureStore& store, const HotspotOptions& options);

}  // namespace ordo::analytics
