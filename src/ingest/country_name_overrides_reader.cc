#include "ingest/reference_readers.h"

#include <map>
#include <utility>

#include "ingest/csv_table.h"
#include "ingest/internal/input_file.h"

namespace ordo::ingest {
namespace {

enum Column : std::size_t { kIso3, kLang, kName, kSourceUrl, kNotes, kReplaces };

std::vector<ColumnSpec> Columns() {
  return {{"iso3"},       {"lang"},  {"name"},
          {"source_url"}, {"notes"}, {"replaces", ColumnPresence::kOptional}};
}

// Overrides replace the catalog names, which exist for Russian and Kyrgyz only; English comes from
// iso-codes itself.
std::optional<Language> ReadLanguage(CsvTable& table) {
  const std::string text = table.RequiredText(kLang);
  if (text.empty()) return std::nullopt;
  if (text == "ru") return Language::kRussian;
  if (text == "ky") return Language::kKyrgyz;
  table.Report(kLang, "unknown language '" + text + "' (expected ru or ky)");
  return std::nullopt;
}

}  // namespace

ReadOutcome<CountryNameOverride> ReadCountryNameOverrides(std::istream& in,
                                                          std::string_view file_name,
                                                          const KnownCountries& known) {
  ReadOutcome<CountryNameOverride> outcome;
  CsvTable table(in, file_name, Columns(), outcome.problems);
  std::map<std::string, int> first_lines;  // iso3 + lang -> line
  while (table.NextRow()) {
    CountryNameOverride name_override;
    std::optional<CountryCode> code = table.Country(kIso3, known);
    std::optional<Language> language = ReadLanguage(table);
    if (code.has_value() && language.has_value()) {
      const std::string shown = code->str() + " in " + std::string(LanguageTag(*language));
      table.CheckUnique(kLang, shown, first_lines);
      name_override.iso3 = std::move(*code);
      name_override.language = *language;
    }
    name_override.name = table.RequiredText(kName);
    name_override.source_url = table.Url(kSourceUrl, FieldNeed::kRequired);
    name_override.replaces = table.Text(kReplaces);
    if (!table.RowOk()) continue;
    outcome.rows.push_back(std::move(name_override));
    outcome.row_lines.push_back(table.Line());
  }
  return outcome;
}

ReadOutcome<CountryNameOverride> ReadCountryNameOverrides(const std::string& path,
                                                          const KnownCountries& known) {
  return internal::ReadInputFile<CountryNameOverride>(
      path, [&](std::istream& in) { return ReadCountryNameOverrides(in, path, known); });
}

}  // namespace ordo::ingest
