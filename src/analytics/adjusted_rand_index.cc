#include "analytics/adjusted_rand_index.h"

#include <string>
#include <unordered_map>

namespace ordo::analytics {
namespace {

double Pairs(std::uint64_t count) {
  const auto n = static_cast<double>(count);
  return n * (n - 1) / 2;
}

}  // namespace

Result<double> AdjustedRandIndex(std::span<const std::uint32_t> a,
                                 std::span<const std::uint32_t> b) {
  if (a.size() != b.size()) {
    return InvalidArgument("adjusted Rand index of labellings of different sizes (" +
                           std::to_string(a.size()) + " and " + std::to_string(b.size()) + ")");
  }
  std::unordered_map<std::uint64_t, std::uint64_t> cells;  // (label in a, label in b) -> items
  std::unordered_map<std::uint32_t, std::uint64_t> rows;
  std::unordered_map<std::uint32_t, std::uint64_t> columns;
  for (std::size_t i = 0; i < a.size(); ++i) {
    ++cells[(std::uint64_t{a[i]} << 32) | b[i]];
    ++rows[a[i]];
    ++columns[b[i]];
  }
  double index = 0;
  for (const auto& [cell, count] : cells) index += Pairs(count);
  double row_pairs = 0;
  for (const auto& [label, count] : rows) row_pairs += Pairs(count);
  double column_pairs = 0;
  for (const auto& [label, count] : columns) column_pairs += Pairs(count);
  const double all_pairs = Pairs(a.size());
  const double expected = all_pairs > 0 ? row_pairs * column_pairs / all_pairs : 0;
  const double maximum = (row_pairs + column_pairs) / 2;
  if (maximum == expected) return 1.0;
  return (index - expected) / (maximum - expected);
}

}  // namespace ordo::analytics
