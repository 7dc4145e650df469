#pragma once
// Monthly seizure series (count and kg) per drug, region or conveyance, with
// anomaly flags from a robust baseline: the median and MAD of the previous 12
// months (docs/cli.md, "Seizure hotspots and trends").

#include <cstddef>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/seizure_store.h"

namespace ordo::analytics {

enum class TrendGrouping { kDrug, kRegion, kConveyance };

struct TrendOptions {
  storage::SeizureFilter filter;  // offset and limit are ignored
  TrendGrouping group_by = TrendGrouping::kDrug;
};

// Months of history before a month can be flagged, and how far back the
// baseline looks.
inline constexpr std::size_t kTrendMinHistoryMonths = 6;
inline constexpr std::size_t kTrendBaselineMonths = 12;
// A month is an anomaly when |x - median| > kTrendThreshold * 1.4826 * MAD over
// the baseline.
inline constexpr double kTrendThreshold = 3.5;

struct TrendMonth {
  std::string group;  // drug name, admin region or conveyance; "unknown" when empty
  int year = 0;
  int month = 0;  // 1-12
  std::size_t count = 0;
  double kg = 0;  // rows without quantity_kg add nothing
  bool count_anomaly = false;
  bool kg_anomaly = false;
};

// Seizures dated to a year only: never spread over its months.
struct TrendYearOnly {
  std::string group;
  int year = 0;
  std::size_t count = 0;
  double kg = 0;
};

struct TrendReport {
  // Per group (sorted by name), every month from the first to the last month
  // seen in any group, zero-filled, in time order.
  std::vector<TrendMonth> months;
  std::vector<TrendYearOnly> year_only;  // by group, then year
  std::size_t rows_matched = 0;
};

// Streams the matching seizures once and builds the series. Errors: the
// store's.
Result<TrendReport> ComputeSeizureTrends(storage::SeizureStore& store, const TrendOptions& options);

// True when `value` is an anomaly against `history` (the months before it,
// oldest first): at least kTrendMinHistoryMonths of it, and |value - median|
// > 3.5 * 1.4826 * MAD over the last kTrendBaselineMonths. With MAD = 0 any
// departure from the median is flagged.
bool IsTrendAnomaly(const std::vector<double>& history, double value);

}  // namespace ordo::analytics
