#pragma once
// Helpers for reading stored rows back: values that no longer parse are reported as damage, and
// ReadAll runs a query and decodes every row.
// Shared by the SQLite and PostgreSQL stores: a template over either backend's handle
// (storage/sql/sql_dialect.h).

#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "core/ids.h"
#include "core/partial_date.h"
#include "core/result.h"
#include "storage/sql/sql_dialect.h"

namespace ordo::storage::sql {

// kFailedPrecondition "TABLE holds a value Ordo did not write: ...": the database was changed
// outside Ordo.
inline Error Damaged(std::string_view table, const Error& error) {
  return FailedPrecondition(
      fmt::format("{} holds a value Ordo did not write: {}", table, error.message()));
}

// The column as a CountryCode, a PartialDate (NULL is empty) or an int (NULL is empty; a value
// out of int range is damage). Parse failures are Damaged(table, ...).
template <typename Statement>
Result<CountryCode> ReadCode(const Statement& row, int column, std::string_view table) {
  Result<CountryCode> code = CountryCode::Parse(row.ColumnText(column));
  if (!code) return Damaged(table, code.error());
  return code;
}

template <typename Statement>
Result<std::optional<PartialDate>> ReadDate(const Statement& row, int column,
                                            std::string_view table) {
  if (row.IsNull(column)) return std::optional<PartialDate>();
  Result<PartialDate> date = PartialDate::Parse(row.ColumnText(column));
  if (!date) return Damaged(table, date.error());
  return std::optional<PartialDate>(*date);
}

template <typename Statement>
Result<std::optional<int>> ReadOptionalInt(const Statement& row, int column,
                                           std::string_view table) {
  std::optional<std::int64_t> value = row.ColumnOptionalInt(column);
  if (!value) return std::optional<int>();
  if (*value < std::numeric_limits<int>::min() || *value > std::numeric_limits<int>::max()) {
    return Damaged(table, InvalidArgument(fmt::format("{} does not fit an int", *value)));
  }
  return std::optional<int>(static_cast<int>(*value));
}

// Runs `sql` and turns each row into a Row with `decode` (Result<Row>(const Statement&)).
template <typename Row, typename Connection, typename Decode>
Result<std::vector<Row>> ReadAll(Connection& connection, std::string_view sql, Decode decode) {
  ORDO_TRY(statement, connection.Prepare(sql));
  std::vector<Row> rows;
  while (true) {
    ORDO_TRY(has_row, statement.Step());
    if (!has_row) break;
    ORDO_TRY(row, decode(statement));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace ordo::storage::sql
