#include "ingest/registry_readers.h"

#include <map>
#include <utility>

#include "ingest/csv_table.h"
#include "ingest/internal/input_file.h"

namespace ordo::ingest {
namespace {
enum Column : std::size_t {
  kName,
  kIso3,
  kStatus,
  kAsOf,
  kBasis,
  kLaterEstablished,
  kSourceUrl,
  kNotes,
};

std::vector<ColumnSpec> Columns() {
  return {{"country_name_en"},        {"iso3"},       {"status"}, {"as_of"}, {"basis"},
          {"later_established_date"}, {"source_url"}, {"notes"}};
}

}  // namespace

ReadOutcome<MissingRelation> ReadMissingRelations(std::istream& in, std::string_view file_name,
                                                  const KnownCountries& known) {
  ReadOutcome<MissingRelation> outcome;
  CsvTable table(in, file_name, Columns(), outcome.problems);
  std::map<std::string, int> first_lines;  // iso3 -> line
  while (table.NextRow()) {
    MissingRelation missing;
    missing.country_name_en = table.RequiredText(kName);
    if (std::optional<CountryCode> code = table.Country(kIso3, known)) {
      table.CheckUnique(kIso3, code->str(), first_lines);
      missing.iso3 = std::move(*code);
    }
    missing.status = table.RequiredText(kStatus);
    missing.as_of = table.Date(kAsOf, FieldNeed::kOptional);
    missing.basis = table.RequiredText(kBasis);
    missing.later_established = table.Date(kLaterEstablished, FieldNeed::kOptional);
    missing.source_url = table.Url(kSourceUrl, FieldNeed::kRequired);
    missing.notes = table.Text(kNotes);
    if (!table.RowOk()) continue;
    outcome.rows.push_back(std::move(missing));
    outcome.row_lines.push_back(table.Line());
  }
  return outcome;
}

ReadOutcome<MissingRelation> ReadMissingRelations(const std::string& path,
                                                  const KnownCountries& known) {
  return internal::ReadInputFile<MissingRelation>(
      path, [&](std::istream& in) { return ReadMissingRelations(in, path, known); });
}

}  // namespace ordo::ingest
