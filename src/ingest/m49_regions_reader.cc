#include "ingest/reference_readers.h"

#include <map>
#include <utility>

#include "ingest/csv_table.h"
#include "ingest/internal/input_file.h"

namespace ordo::ingest {
namespace {

enum Column : std::size_t {
  kIso3,
  kRegion,
  kSubregion,
  kIntermediateRegion,
  kRegionCode,
  kSubregionCode,
  kIntermediateRegionCode,
};

std::vector<ColumnSpec> Columns() {
  return {{"iso3"},
          {"region"},
          {"subregion"},
          {"intermediate_region"},
          {"region_code"},
          {"subregion_code"},
          {"intermediate_region_code"}};
}

// M49 area codes are up to three digits ("002", "142").
constexpr std::int64_t kMaxAreaCode = 999;

}  // namespace

ReadOutcome<M49Region> ReadM49Regions(std::istream& in, std::string_view file_name,
                                      const KnownCountries& known) {
  ReadOutcome<M49Region> outcome;
  CsvTable table(in, file_name, Columns(), outcome.problems);
  std::map<std::string, int> first_lines;  // iso3 -> line
  while (table.NextRow()) {
    M49Region region;
    if (std::optional<CountryCode> code = table.Country(kIso3, known)) {
      table.CheckUnique(kIso3, code->str(), first_lines);
      region.iso3 = std::move(*code);
    }
    region.region = table.Text(kRegion);
    region.subregion = table.Text(kSubregion);
    region.intermediate_region = table.Text(kIntermediateRegion);
    for (Column code : {kRegionCode, kSubregionCode, kIntermediateRegionCode}) {
      table.Integer(code, FieldNeed::kOptional, 0, kMaxAreaCode);
    }
    if (!table.RowOk()) continue;
    outcome.rows.push_back(std::move(region));
    outcome.row_lines.push_back(table.Line());
  }
  return outcome;
}

ReadOutcome<M49Region> ReadM49Regions(const std::string& path, const KnownCountries& known) {
  return internal::ReadInputFile<M49Region>(
      path, [&](std::istream& in) { return ReadM49Regions(in, path, known); });
}

}  // namespace ordo::ingest
