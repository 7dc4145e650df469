#include "ingest/reference_readers.h"

#include <map>
#include <string>
#include <utility>

#include "ingest/csv_table.h"
#include "ingest/internal/input_file.h"

namespace ordo::ingest {
namespace {

enum Column : std::size_t { kIso3, kNeighbourIso3, kSourceUrl, kNotes };

std::vector<ColumnSpec> Columns() {
  return {{"iso3"}, {"neighbour_iso3"}, {"source_url"}, {"notes"}};
}

}  // namespace

ReadOutcome<LandBorder> ReadLandBorders(std::istream& in, std::string_view file_name,
                                        const KnownCountries& known) {
  ReadOutcome<LandBorder> outcome;
  CsvTable table(in, file_name, Columns(), outcome.problems);
  std::map<std::string, int> first_lines;  // "iso3-neighbour" -> line
  while (table.NextRow()) {
    LandBorder border;
    std::optional<CountryCode> code = table.Country(kIso3, known);
    std::optional<CountryCode> neighbour = table.Country(kNeighbourIso3, known);
    if (code.has_value() && neighbour.has_value()) {
      if (*code == *neighbour) {
        table.Report(kNeighbourIso3, "'" + code->str() + "' cannot be its own land neighbour");
      } else {
        table.CheckUnique(kNeighbourIso3, code->str() + "-" + neighbour->str(), first_lines);
      }
      border.iso3 = std::move(*code);
      border.neighbour = std::move(*neighbour);
    }
    table.Url(kSourceUrl, FieldNeed::kRequired);
    if (!table.RowOk()) continue;
    outcome.rows.push_back(std::move(border));
    outcome.row_lines.push_back(table.Line());
  }
  return outcome;
}

ReadOutcome<LandBorder> ReadLandBorders(const std::string& path, const KnownCountries& known) {
  return internal::ReadInputFile<LandBorder>(
      path, [&](std::istream& in) { return ReadLandBorders(in, path, known); });
}

}  // namespace ordo::ingest
