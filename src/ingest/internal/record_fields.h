#pragma once
// Fields the cultivation and price readers share: a vocabulary column (crop, kind, drug, level,
// unit) and the synthetic and source columns, with the rule that a real (synthetic=false) row
// names its source.

#include <cstddef>
#include <optional>
#include <string>

#include "ingest/csv_table.h"

namespace ordo::ingest::internal {

// The value of a required vocabulary column of the current row, parsed with `parse`
// (Result<T>(std::string_view)); empty after reporting "missing value" or the parser's message.
template <typename T, typename Parse>
std::optional<T> VocabularyField(CsvTable& table, std::size_t column, Parse parse) {
  if (table.View(column).empty()) {
    table.Report(column, "missing value");
    return std::nullopt;
  }
  Result<T> parsed = parse(table.View(column));
  if (!parsed) {
    table.Report(column, parsed.error().message());
    return std::nullopt;
  }
  return *parsed;
}

struct Provenance {
  bool synthetic = false;
  std::string source;
};

// Reads `synthetic_column` ("true" or "false", required) and `source_column` (optional text) of
// the current row. Reports "missing value", "'x' is not true or false", and a missing source on a
// real row ("missing value; a real (synthetic=false) record needs its source").
Provenance ReadProvenance(CsvTable& table, std::size_t synthetic_column, std::size_t source_column);

}  // namespace ordo::ingest::internal
