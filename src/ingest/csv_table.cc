#include "ingest/csv_table.h"

#include <utility>

#include "ingest/internal/field_parsers.h"

namespace ordo::ingest {

CsvTable::CsvTable(std::istream& in, std::string_view file_name, std::vector<ColumnSpec> columns,
                   std::vector<Diagnostic>& problems, CsvReaderOptions options)
    : reader_(in, file_name, options),
      columns_(std::move(columns)),
      problems_(problems),
      field_index_(columns_.size()) {
  MapHeader();
}

void CsvTable::MapHeader() {
  const std::size_t problems_before = problems_.size();
  const bool has_header = reader_.Next(record_);
  TakeReaderProblems();
  if (!has_header) {
    if (problems_.size() == problems_before) {
      problems_.push_back(
          Diagnostic{reader_.FileName(), 0, 0, "file is empty; expected a header row"});
    }
    return;
  }
  const std::vector<CsvField>& header = record_.fields;
  for (std::size_t index = 0; index < header.size(); ++index) {
    const CsvField& field = header[index];
    std::size_t column = 0;
    while (column < columns_.size() && columns_[column].name != field.value) ++column;
    if (column == columns_.size()) {
      // A byte-order mark inside a name is invisible when printed; say it is there (a file that
      // was given a second BOM by an editor shows this on its first column).
      const bool has_bom = field.value.find("\xEF\xBB\xBF") != std::string::npos;
      problems_.push_back(Diagnostic{
          reader_.FileName(), field.line, field.column,
          "unknown column '" + field.value + "'" +
              (has_bom ? " (it contains an invisible byte-order mark, U+FEFF)" : "")});
    } else if (field_index_[column].has_value()) {
      const CsvField& first = header[*field_index_[column]];
      problems_.push_back(Diagnostic{reader_.FileName(), field.line, field.column,
                                     "duplicate column '" + field.value + "' (first at column " +
                                         std::to_string(first.column) + ")"});
    } else {
      field_index_[column] = index;
    }
  }
  for (std::size_t column = 0; column < columns_.size(); ++column) {
    if (columns_[column].presence == ColumnPresence::kRequired && !field_index_[column]) {
      problems_.push_back(
          Diagnostic{reader_.FileName(), record_.line, 0,
                     "missing required column '" + std::string(columns_[column].name) + "'"});
    }
  }
}

bool CsvTable::NextRow() {
  const bool has_row = reader_.Next(record_);
  TakeReaderProblems();
  row_ok_ = has_row;
  return has_row;
}

void CsvTable::TakeReaderProblems() {
  for (Diagnostic& problem : reader_.TakeProblems()) problems_.push_back(std::move(problem));
}

bool CsvTable::HasColumn(std::size_t column) const {
  return column < field_index_.size() && field_index_[column].has_value();
}

const CsvField* CsvTable::Field(std::size_t column) const {
  if (!HasColumn(column)) return nullptr;
  return &record_.fields[*field_index_[column]];
}

std::string_view CsvTable::View(std::size_t column) const {
  const CsvField* field = Field(column);
  return field == nullptr ? std::string_view() : std::string_view(field->value);
}

void CsvTable::Report(std::size_t column, std::string_view message) {
  row_ok_ = false;
  const CsvField* field = Field(column);
  if (field == nullptr) return;  // the missing column was reported with the header
  std::string text(columns_[column].name);
  text += ": ";
  text += message;
  problems_.push_back(Diagnostic{reader_.FileName(), field->line, field->column, std::move(text)});
}

std::string CsvTable::RequiredText(std::size_t column) {
  if (View(column).empty()) {
    Report(column, "missing value");
    return {};
  }
  return Text(column);
}

std::optional<PartialDate> CsvTable::Date(std::size_t column, FieldNeed need) {
  const std::string_view text = View(column);
  if (text.empty()) {
    if (need == FieldNeed::kRequired) Report(column, "missing value");
    return std::nullopt;
  }
  auto date = PartialDate::Parse(text);
  if (!date.has_value()) {
    Report(column, date.error().message());
    return std::nullopt;
  }
  return *date;
}

std::optional<std::int64_t> CsvTable::Integer(std::size_t column, FieldNeed need, std::int64_t min,
                                              std::int64_t max) {
  const std::string_view text = View(column);
  if (text.empty()) {
    if (need == FieldNeed::kRequired) Report(column, "missing value");
    return std::nullopt;
  }
  auto value = internal::ParseInteger(text, min, max);
  if (!value.has_value()) {
    Report(column, value.error().message());
    return std::nullopt;
  }
  return *value;
}

std::optional<double> CsvTable::Number(std::size_t column, FieldNeed need, double min, double max) {
  const std::string_view text = View(column);
  if (text.empty()) {
    if (need == FieldNeed::kRequired) Report(column, "missing value");
    return std::nullopt;
  }
  auto value = internal::ParseNumber(text, min, max);
  if (!value.has_value()) {
    Report(column, value.error().message());
    return std::nullopt;
  }
  return *value;
}

std::optional<CountryCode> CsvTable::Country(std::size_t column, const KnownCountries& known) {
  const std::string_view text = View(column);
  if (text.empty()) {
    Report(column, "missing value");
    return std::nullopt;
  }
  auto code = internal::ParseKnownCountry(text, known);
  if (!code.has_value()) {
    Report(column, code.error().message());
    return std::nullopt;
  }
  return *code;
}

std::string CsvTable::Url(std::size_t column, FieldNeed need) {
  const std::string_view text = View(column);
  if (text.empty()) {
    if (need == FieldNeed::kRequired) Report(column, "missing value");
    return {};
  }
  const Status valid = internal::CheckUrl(text);
  if (!valid.has_value()) {
    Report(column, valid.error().message());
    return {};
  }
  return std::string(text);
}

void CsvTable::CheckUnique(std::size_t column, const std::string& key,
                           std::map<std::string, int>& first_lines, std::string_view shown) {
  if (key.empty()) return;
  const auto [it, inserted] = first_lines.emplace(key, Line());
  if (inserted) return;
  const std::string_view name = shown.empty() ? std::string_view(key) : shown;
  Report(column, "duplicate '" + std::string(name) + "' (first on line " +
                     std::to_string(it->second) + ")");
}

}  // namespace ordo::ingest
