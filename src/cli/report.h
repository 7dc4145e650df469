#pragma once
// Report: what a command prints, independent of the output format. A report is one or more
// sections; each is a table (columns and rows of typed cells) or a list of key/value fields.
// WriteReport renders it as an aligned text table, CSV (RFC 4180) or JSON.

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

#include "core/result.h"

namespace ordo::cli {

enum class OutputFormat { kTable, kCsv, kJson };

// "table", "csv" or "json".
Result<OutputFormat> ParseOutputFormat(std::string_view text);

// A missing value (std::monostate) prints as "unknown" in tables, an empty field in CSV and null
// in JSON: never as zero.
using Cell = std::variant<std::monostate, std::string, std::int64_t, double, bool>;

struct Column {
  std::string name;   // the CSV header and JSON key
  bool wide = false;  // long text (notes, extra URLs): left out of text tables, kept in CSV/JSON
};

struct Section {
  std::string id;     // JSON key when a report has several sections
  std::string title;  // heading in text tables
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  // A key/value section prints as "key: value" lines in a table and as one JSON object.
  bool key_value = false;
};

struct Report {
  std::vector<Section> sections;
  std::vector<std::string> notes;  // printed after the tables in table format only
};

// One section: JSON is an array of row objects (or an object for key/value). Several: JSON is an
// object keyed by section id; CSV prints each section after a "# <id>" line and a blank line
// between sections.
void WriteReport(std::ostream& out, const Report& report, OutputFormat format);

Cell TextOrMissing(const std::string& text);
template <typename T>
Cell OptionalCell(const std::optional<T>& value) {
  if (!value) return std::monostate{};
  return Cell(*value);
}

}  // namespace ordo::cli
