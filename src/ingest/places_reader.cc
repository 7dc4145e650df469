#include "ingest/registry_readers.h"

#include <map>
#include <utility>

#include "ingest/csv_table.h"
#include "ingest/internal/input_file.h"

namespace ordo::ingest {
namespace {

enum Column : std::size_t { kName, kKind, kCountry, kLat, kLon, kSourceUrl, kNotes };

std::vector<ColumnSpec> Columns() {
  return {{"name"}, {"kind"}, {"country_iso3"}, {"lat"}, {"lon"}, {"source_url"}, {"notes"}};
}

// Coordinates come as a pair; the empty one of a half pair is reported.
void CheckCoordinatePair(CsvTable& table) {
  const bool has_lat = !table.View(kLat).empty();
  const bool has_lon = !table.View(kLon).empty();
  if (has_lat && !has_lon) table.Report(kLon, "missing value (lat is given; give both or neither)");
  if (has_lon && !has_lat) table.Report(kLat, "missing value (lon is given; give both or neither)");
}

}  // namespace

ReadOutcome<Place> ReadPlaces(std::istream& in, std::string_view file_name,
                              const KnownCountries& known) {
  ReadOutcome<Place> outcome;
  CsvTable table(in, file_name, Columns(), outcome.problems);
  std::map<std::string, int> first_lines;  // name -> line; the name is the key in the store
  while (table.NextRow()) {
    Place place;
    place.name = table.RequiredText(kName);
    table.CheckUnique(kName, place.name, first_lines);
    place.kind = table.RequiredText(kKind);
    if (std::optional<CountryCode> code = table.Country(kCountry, known)) {
      place.country = std::move(*code);
    }
    place.lat = table.Number(kLat, FieldNeed::kOptional, -90, 90);
    place.lon = table.Number(kLon, FieldNeed::kOptional, -180, 180);
    CheckCoordinatePair(table);
    place.source_url = table.Url(kSourceUrl, FieldNeed::kRequired);
    place.notes = table.Text(kNotes);
    if (!table.RowOk()) continue;
    outcome.rows.push_back(std::move(place));
    outcome.row_lines.push_back(table.Line());
  }
  return outcome;
}

ReadOutcome<Place> ReadPlaces(const std::string& path, const KnownCountries& known) {
  return internal::ReadInputFile<Place>(
      path, [&](std::istream& in) { return ReadPlaces(in, path, known); });
}

}  // namespace ordo::ingest
