#pragma once
// CsvTable: a CSV file seen through its header. It maps the columns a reader expects onto the
// header by name, then walks the data rows and parses typed values from them, reporting every
// problem as "file:line:column: column_name: what is wrong".

#include <cstddef>
#include <cstdint>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.h"
#include "core/partial_date.h"
#include "ingest/csv_reader.h"
#include "ingest/diagnostic.h"
#include "ingest/known_countries.h"

namespace ordo::ingest {

// Whether a column must appear in the header.
enum class ColumnPresence { kRequired, kOptional };

struct ColumnSpec {
  std::string_view name;  // must outlive the table; readers use string literals
  ColumnPresence presence = ColumnPresence::kRequired;
};

// Whether a field may be empty.
enum class FieldNeed { kRequired, kOptional };

// Reads the header on construction. Header problems: a missing required column (reported at the
// header line), a header name no ColumnSpec has ("unknown column", at its position), a name that
// appears twice (at the second; the first is used), an empty input ("file is empty"). Rows are read
// even when the header has problems, so one pass lists every problem; fields of missing columns
// read as empty without further reports, and make the row not ok.
//
// Every problem goes to the `problems` vector given to the constructor, which must outlive the
// table, as must `in`. Not thread-safe.
class CsvTable {
 public:
  // `columns` are addressed by their index in later calls.
  CsvTable(std::istream& in, std::string_view file_name, std::vector<ColumnSpec> columns,
           std::vector<Diagnostic>& problems, CsvReaderOptions options = {});

  CsvTable(const CsvTable&) = delete;
  CsvTable& operator=(const CsvTable&) = delete;

  // Moves to the next data row; false at the end of input or after an unrecoverable CSV problem.
  bool NextRow();

  // The line on which the current row starts.
  int Line() const { return record_.line; }
  // False once a problem was reported for the current row.
  bool RowOk() const { return row_ok_; }
  // Whether the header has the column.
  bool HasColumn(std::size_t column) const;

  // The raw text of a field in the current row; "" when the column is missing. The view is valid
  // until the next NextRow().
  std::string_view View(std::size_t column) const;
  std::string Text(std::size_t column) const { return std::string(View(column)); }

  // Reports "name: message" at the field's position and marks the row not ok.
  void Report(std::size_t column, std::string_view message);

  // Typed fields. Each reports a problem and returns an empty value when the text is invalid, or
  // empty while `need` is kRequired ("name: missing value"). An empty optional field gives nullopt
  // (or "") without a problem.
  std::string RequiredText(std::size_t column);
  std::optional<PartialDate> Date(std::size_t column, FieldNeed need);
  std::optional<std::int64_t> Integer(std::size_t column, FieldNeed need, std::int64_t min,
                                      std::int64_t max);
  std::optional<double> Number(std::size_t column, FieldNeed need, double min, double max);
  // Always required; the code must be in `known`.
  std::optional<CountryCode> Country(std::size_t column, const KnownCountries& known);
  // An http(s) URL.
  std::string Url(std::size_t column, FieldNeed need);

  // Records `key` for the current row in `first_lines`; when it is already there, reports
  // "name: duplicate 'shown' (first on line N)" at `column`. `shown` defaults to the key. An empty
  // key (a field that failed to parse) is ignored.
  void CheckUnique(std::size_t column, const std::string& key,
                   std::map<std::string, int>& first_lines, std::string_view shown = {});

 private:
  void MapHeader();
  const CsvField* Field(std::size_t column) const;
  void TakeReaderProblems();

  CsvReader reader_;
  std::vector<ColumnSpec> columns_;
  std::vector<Diagnostic>& problems_;
  std::vector<std::optional<std::size_t>> field_index_;  // per column, its index in the record
  CsvRecord record_;
  bool row_ok_ = false;
};

}  // namespace ordo::ingest
