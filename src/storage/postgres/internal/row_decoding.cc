#include "storage/postgres/internal/row_decoding.h"

#include <cstdint>
#include <limits>

#include <fmt/format.h>

namespace ordo::storage::pg_internal {

Error Damaged(std::string_view table, const Error& error) {
  return FailedPrecondition(
      fmt::format("{} holds a value Ordo did not write: {}", table, error.message()));
}

Result<CountryCode> ReadCode(const Statement& row, int column, std::string_view table) {
  Result<CountryCode> code = CountryCode::Parse(row.ColumnText(column));
  if (!code) return Damaged(table, code.error());
  return code;
}

Result<std::optional<PartialDate>> ReadDate(const Statement& row, int column,
                                            std::string_view table) {
  if (row.IsNull(column)) return std::optional<PartialDate>();
  Result<PartialDate> date = PartialDate::Parse(row.ColumnText(column));
  if (!date) return Damaged(table, date.error());
  return std::optional<PartialDate>(*date);
}

Result<std::optional<int>> ReadOptionalInt(const Statement& row, int column,
                                           std::string_view table) {
  std::optional<std::int64_t> value = row.ColumnOptionalInt(column);
  if (!value) return std::optional<int>();
  if (*value < std::numeric_limits<int>::min() || *value > std::numeric_limits<int>::max()) {
    return Damaged(table, InvalidArgument(fmt::format("{} does not fit an int", *value)));
  }
  return std::optional<int>(static_cast<int>(*value));
}

}  // namespace ordo::storage::pg_internal
