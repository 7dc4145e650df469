#include "ingest/registry_readers.h"

#include <climits>
#include <map>
#include <utility>

#include "ingest/csv_table.h"
#include "ingest/internal/input_file.h"

namespace ordo::ingest {
namespace {
enum Column : std::size_t {
  kName,
  kIso3,
  kDateEstablished,
  kSourceUrl,
  kTableRank,
  kNotes,
  kTableCitedSourceUrl,
  kWikitextCopyUrl,
};

std::vector<ColumnSpec> Columns() {
  // Only the key and the source are required; the rest may be left out of an import file.
  constexpr ColumnPresence kOptional = ColumnPresence::kOptional;
  return {{"country_name_en", kOptional}, {"iso3"},
          {"date_established", kOptional}, {"source_url"},
          {"table_rank", kOptional},       {"notes", kOptional},
          {"table_cited_source_url", kOptional}, {"wikitext_copy_url", kOptional}};
}

}  // namespace

ReadOutcome<Relation> ReadRelations(std::istream& in, std::string_view file_name,
                                    const KnownCountries& known) {
  ReadOutcome<Relation> outcome;
  CsvTable table(in, file_name, Columns(), outcome.problems);
  std::map<std::string, int> first_lines;  // iso3 -> line
  while (table.NextRow()) {
    Relation relation;
    relation.country_name_en = table.Text(kName);
    if (std::optional<CountryCode> code = table.Country(kIso3, known)) {
      table.CheckUnique(kIso3, code->str(), first_lines);
      relation.iso3 = std::move(*code);
    }
    relation.established = table.Date(kDateEstablished, FieldNeed::kOptional);
    relation.source_url = table.Url(kSourceUrl, FieldNeed::kRequired);
    if (auto rank = table.Integer(kTableRank, FieldNeed::kOptional, 1, INT_MAX)) {
      relation.table_rank = static_cast<int>(*rank);
    }
    relation.notes = table.Text(kNotes);
    relation.table_cited_source_url = table.Url(kTableCitedSourceUrl, FieldNeed::kOptional);
    relation.wikitext_copy_url = table.Url(kWikitextCopyUrl, FieldNeed::kOptional);
    if (!table.RowOk()) continue;
    outcome.rows.push_back(std::move(relation));
    outcome.row_lines.push_back(table.Line());
  }
  return outcome;
}

ReadOutcome<Relation> ReadRelations(const std::string& path, const KnownCountries& known) {
  return internal::ReadInputFile<Relation>(
      path, [&](std::istream& in) { return ReadRelations(in, path, known); });
}

}  // namespace ordo::ingest
