#include "ingest/cultivation_reader.h"

#include <fmt/format.h>

#include <limits>
#include <map>
#include <utility>

#include "ingest/csv_table.h"
#include "ingest/internal/input_file.h"
#include "ingest/internal/record_fields.h"

namespace ordo::ingest {
namespace {

enum Column : std::size_t {
  kYear,
  kCountry,
  kRegion,
  kCrop,
  kKind,
  kHectares,
  kSynthetic,
  kSource,
  kNote,
};

std::vector<ColumnSpec> Columns() {
  constexpr ColumnPresence kOptional = ColumnPresence::kOptional;
  return {{"year"},     {"country_iso3"}, {"region", kOptional}, {"crop"},           {"kind"},
          {"hectares"}, {"synthetic"},    {"source", kOptional}, {"note", kOptional}};
}

void ReadYear(CsvTable& table, const CultivationReadOptions& options, CultivationRecord& record) {
  std::optional<std::int64_t> year = table.Integer(kYear, FieldNeed::kRequired, 1000, 9999);
  if (!year) return;
  record.year = static_cast<int>(*year);
  if (options.current_year && record.year > *options.current_year) {
    table.Report(kYear, fmt::format("{} is in the future", record.year));
  }
}

}  // namespace

ReadOutcome<CultivationRecord> ReadCultivation(std::istream& in, std::string_view file_name,
                                               const KnownCountries& known,
                                               const CultivationReadOptions& options) {
  ReadOutcome<CultivationRecord> outcome;
  CsvTable table(in, file_name, Columns(), outcome.problems);
  std::map<CultivationKey, int> first_lines;
  while (table.NextRow()) {
    CultivationRecord record;
    ReadYear(table, options, record);
    if (std::optional<CountryCode> code = table.Country(kCountry, known)) {
      record.country = std::move(*code);
    }
    record.region = table.Text(kRegion);
    if (auto crop = internal::VocabularyField<Crop>(table, kCrop, ParseCrop)) record.crop = *crop;
    if (auto kind =
            internal::VocabularyField<CultivationKind>(table, kKind, ParseCultivationKind)) {
      record.kind = *kind;
    }
    if (auto hectares =
            table.Number(kHectares, FieldNeed::kRequired, 0, std::numeric_limits<double>::max())) {
      record.hectares = *hectares;
    }
    internal::Provenance provenance = internal::ReadProvenance(table, kSynthetic, kSource);
    record.synthetic = provenance.synthetic;
    record.source = std::move(provenance.source);
    record.note = table.Text(kNote);
    if (!table.RowOk()) continue;
    auto [first, inserted] = first_lines.emplace(KeyOf(record), table.Line());
    if (!inserted) {
      table.Report(kYear, fmt::format("the same year, country, region, crop, kind and source as "
                                      "line {}",
                                      first->second));
      continue;
    }
    outcome.rows.push_back(std::move(record));
    outcome.row_lines.push_back(table.Line());
  }
  return outcome;
}

ReadOutcome<CultivationRecord> ReadCultivation(const std::string& path, const KnownCountries& known,
                                               const CultivationReadOptions& options) {
  return internal::ReadInputFile<CultivationRecord>(
      path, [&](std::istream& in) { return ReadCultivation(in, path, known, options); });
}

}  // namespace ordo::ingest
