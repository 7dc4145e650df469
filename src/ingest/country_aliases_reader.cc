#include "ingest/reference_readers.h"

#include <map>
#include <utility>

#include "ingest/csv_table.h"
#include "ingest/internal/input_file.h"

namespace ordo::ingest {
namespace {

enum Column : std::size_t { kIso3, kAlias, kLang, kSourceUrl, kNotes };

std::vector<ColumnSpec> Columns() {
  return {{"iso3"}, {"alias"}, {"lang"}, {"source_url"}, {"notes"}};
}

std::string AsciiLower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

}  // namespace

ReadOutcome<CountryAlias> ReadCountryAliases(std::istream& in, std::string_view file_name,
                                             const KnownCountries& known) {
  ReadOutcome<CountryAlias> outcome;
  CsvTable table(in, file_name, Columns(), outcome.problems);
  std::map<std::string, int> first_lines;  // lower-cased alias -> line
  while (table.NextRow()) {
    CountryAlias alias;
    if (std::optional<CountryCode> code = table.Country(kIso3, known)) {
      alias.iso3 = std::move(*code);
    }
    alias.alias = table.RequiredText(kAlias);
    // The same spelling may stand in several languages for one country (Свазиленд in ru and ky).
    table.CheckUnique(kAlias, AsciiLower(alias.alias) + "|" + table.Text(kLang), first_lines,
                      alias.alias);
    alias.source_url = table.Url(kSourceUrl, FieldNeed::kRequired);
    if (!table.RowOk()) continue;
    outcome.rows.push_back(std::move(alias));
    outcome.row_lines.push_back(table.Line());
  }
  return outcome;
}

ReadOutcome<CountryAlias> ReadCountryAliases(const std::string& path, const KnownCountries& known) {
  return internal::ReadInputFile<CountryAlias>(
      path, [&](std::istream& in) { return ReadCountryAliases(in, path, known); });
}

}  // namespace ordo::ingest
