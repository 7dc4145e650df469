#pragma once
// Small conversions from domain values to report cells, shared by the commands.

#include <optional>

#include "cli/report.h"
#include "core/partial_date.h"
#include "core/trade_flow.h"

namespace ordo::cli {

inline Cell DateCell(const std::optional<PartialDate>& date) {
  if (!date) return std::monostate{};
  return date->ToString();
}

inline Cell UsdCell(const std::optional<std::int64_t>& value) {
  if (!value) return std::monostate{};
  return *value;
}

inline Cell IntCell(const std::optional<int>& value) {
  if (!value) return std::monostate{};
  return static_cast<std::int64_t>(*value);
}

inline Cell Count(std::size_t value) { return static_cast<std::int64_t>(value); }

inline std::vector<Cell> Field(std::string key, Cell value) {
  return {Cell(std::move(key)), std::move(value)};
}

}  // namespace ordo::cli
