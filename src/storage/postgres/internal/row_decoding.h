#pragma once
// Helpers for reading stored rows back: values that no longer parse are reported as damage, and
// ReadAll runs a query and decodes every row.

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "core/ids.h"
#include "core/partial_date.h"
#include "core/result.h"
#include "storage/postgres/internal/pg_handle.h"

namespace ordo::storage::pg_internal {

// kFailedPrecondition "TABLE holds a value Ordo did not write: ...": the database was changed
// outside Ordo.
Error Damaged(std::string_view table, const Error& error);

// The column as a CountryCode, a PartialDate (NULL is empty) or an int (NULL is empty; a value
// out of int range is damage). Parse failures are Damaged(table, ...).
Result<CountryCode> ReadCode(const Statement& row, int column, std::string_view table);
Result<std::optional<PartialDate>> ReadDate(const Statement& row, int column,
                                            std::string_view table);
Result<std::optional<int>> ReadOptionalInt(const Statement& row, int column,
                                           std::string_view table);

// Runs `sql` and turns each row into a Row with `decode` (Result<Row>(const Statement&)).
template <typename Row, typename Decode>
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

}  // namespace ordo::storage::pg_internal
