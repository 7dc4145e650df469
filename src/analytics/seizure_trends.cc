#include "analytics/seizure_trends.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <utility>

#include "core/drug.h"

namespace ordo::analytics {
namespace {

struct Totals {
  std::size_t count = 0;
  double kg = 0;
};

std::string GroupOf(const Seizure& seizure, TrendGrouping grouping) {
  std::string group;
  switch (grouping) {
    case TrendGrouping::kDrug:
      group = std::string(DrugName(seizure.drug));
      break;
    case TrendGrouping::kRegion:
      group = seizure.admin_region;
      break;
    case TrendGrouping::kConveyance:
      group = seizure.conveyance;
      break;
  }
  return group.empty() ? "unknown" : group;
}

double Median(std::vector<double> values) {
  const std::size_t middle = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle),
                   values.end());
  const double upper = values[middle];
  if (values.size() % 2 == 1) return upper;
  const double lower =
      *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle));
  return (lower + upper) / 2.0;
}

}  // namespace

bool IsTrendAnomaly(const std::vector<double>& history, double value) {
  if (history.size() < kTrendMinHistoryMonths) return false;
  const std::size_t window = std::min(history.size(), kTrendBaselineMonths);
  std::vector<double> baseline(history.end() - static_cast<std::ptrdiff_t>(window), history.end());
  const double median = Median(baseline);
  for (double& entry : baseline) entry = std::abs(entry - median);
  const double mad = Median(baseline);
  return std::abs(value - median) > kTrendThreshold * 1.4826 * mad;
}

Result<TrendReport> ComputeSeizureTrends(storage::SeizureStore& store,
                                         const TrendOptions& options) {
  TrendReport report;
  // Month keys are year * 12 + (month - 1).
  std::map<std::string, std::map<int, Totals>> by_month;
  std::map<std::pair<std::string, int>, Totals> by_year;
  storage::SeizureFilter filter = options.filter;
  filter.offset = 0;
  filter.limit = 0;
  ORDO_RETURN_IF_ERROR(store.ForEachSeizure(filter, [&](const Seizure& seizure) {
    ++report.rows_matched;
    const std::string group = GroupOf(seizure, options.group_by);
    Totals& totals = seizure.date.month() == 0
                         ? by_year[{group, seizure.date.year()}]
                         : by_month[group][seizure.date.year() * 12 + seizure.date.month() - 1];
    ++totals.count;
    totals.kg += seizure.quantity_kg.value_or(0.0);
    return OkStatus();
  }));

  // Every group shares one calendar, so that a month with no seizures is a
  // zero, not a gap.
  int first_key = std::numeric_limits<int>::max();
  int last_key = std::numeric_limits<int>::min();
  for (const auto& [group, months] : by_month) {
    first_key = std::min(first_key, months.begin()->first);
    last_key = std::max(last_key, months.rbegin()->first);
  }
  for (const auto& [group, months] : by_month) {
    std::vector<double> count_history;
    std::vector<double> kg_history;
    for (int key = first_key; key <= last_key; ++key) {
      const auto found = months.find(key);
      const Totals totals = found == months.end() ? Totals{} : found->second;
      const auto count = static_cast<double>(totals.count);
      report.months.push_back({group, key / 12, key % 12 + 1, totals.count, totals.kg,
                               IsTrendAnomaly(count_history, count),
                               IsTrendAnomaly(kg_history, totals.kg)});
      count_history.push_back(count);
      kg_history.push_back(totals.kg);
    }
  }
  for (const auto& [key, totals] : by_year) {
    report.year_only.push_back({key.first, key.second, totals.count, totals.kg});
  }
  return report;
}

}  // namespace ordo::analytics
