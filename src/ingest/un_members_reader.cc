#include "ingest/reference_readers.h"

#include <map>
#include <utility>

#include "ingest/csv_table.h"
#include "ingest/internal/input_file.h"

namespace ordo::ingest {
namespace {

enum Column : std::size_t { kIso3, kNameEn, kSourceUrl, kNotes };

std::vector<ColumnSpec> Columns() { return {{"iso3"}, {"name_en"}, {"source_url"}, {"notes"}}; }

}  // namespace

ReadOutcome<UnMember> ReadUnMembers(std::istream& in, std::string_view file_name,
                                    const KnownCountries& known) {
  ReadOutcome<UnMember> outcome;
  CsvTable table(in, file_name, Columns(), outcome.problems);
  std::map<std::string, int> first_lines;  // iso3 -> line
  while (table.NextRow()) {
    UnMember member;
    if (std::optional<CountryCode> code = table.Country(kIso3, known)) {
      table.CheckUnique(kIso3, code->str(), first_lines);
      member.iso3 = std::move(*code);
    }
    member.name_en = table.RequiredText(kNameEn);
    member.source_url = table.Url(kSourceUrl, FieldNeed::kRequired);
    if (!table.RowOk()) continue;
    outcome.rows.push_back(std::move(member));
    outcome.row_lines.push_back(table.Line());
  }
  return outcome;
}

ReadOutcome<UnMember> ReadUnMembers(const std::string& path, const KnownCountries& known) {
  return internal::ReadInputFile<UnMember>(
      path, [&](std::istream& in) { return ReadUnMembers(in, path, known); });
}

}  // namespace ordo::ingest
