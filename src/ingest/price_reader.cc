#include "ingest/price_reader.h"

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
  kDate,
  kCountry,
  kPlace,
  kDrug,
  kLevel,
  kPrice,
  kPer,
  kCurrency,
  kPurity,
  kSynthetic,
  kSource,
};

std::vector<ColumnSpec> Columns() {
  constexpr ColumnPresence kOptional = ColumnPresence::kOptional;
  return {{"date"},
          {"country_iso3"},
          {"place", kOptional},
          {"drug"},
          {"level"},
          {"price"},
          {"per"},
          {"currency"},
          {"purity_percent", kOptional},
          {"synthetic"},
          {"source", kOptional}};
}

void ReadDate(CsvTable& table, const PriceReadOptions& options, PriceRecord& record) {
  std::optional<PartialDate> date = table.Date(kDate, FieldNeed::kRequired);
  if (!date) return;
  if (options.today && date->FirstDay() > options.today->LastDay()) {
    table.Report(kDate, fmt::format("'{}' is in the future", date->ToString()));
  }
  record.date = *date;
}

void ReadPrice(CsvTable& table, PriceRecord& record) {
  if (auto drug = internal::VocabularyField<Drug>(table, kDrug, ParseDrug)) record.drug = *drug;
  if (auto level = internal::VocabularyField<PriceLevel>(table, kLevel, ParsePriceLevel))
    record.level = *level;
  if (auto price =
          table.Number(kPrice, FieldNeed::kRequired, 0, std::numeric_limits<double>::max())) {
    record.price = *price;
  }
  if (auto unit = internal::VocabularyField<PriceUnit>(table, kPer, ParsePriceUnit))
    record.unit = *unit;
  record.currency = table.Text(kCurrency);
  if (record.currency.empty()) {
    table.Report(kCurrency, "missing value");
  } else if (Status shaped = CheckCurrencyCode(record.currency); !shaped) {
    table.Report(kCurrency, shaped.error().message());
  }
  record.purity_percent = table.Number(kPurity, FieldNeed::kOptional, 0, 100);
}

}  // namespace

ReadOutcome<PriceRecord> ReadPrices(std::istream& in, std::string_view file_name,
                                    const KnownCountries& known, const PriceReadOptions& options) {
  ReadOutcome<PriceRecord> outcome;
  CsvTable table(in, file_name, Columns(), outcome.problems);
  std::map<PriceKey, int> first_lines;
  while (table.NextRow()) {
    PriceRecord record;
    ReadDate(table, options, record);
    if (std::optional<CountryCode> code = table.Country(kCountry, known)) {
      record.country = std::move(*code);
    }
    record.place = table.Text(kPlace);
    ReadPrice(table, record);
    internal::Provenance provenance = internal::ReadProvenance(table, kSynthetic, kSource);
    record.synthetic = provenance.synthetic;
    record.source = std::move(provenance.source);
    if (!table.RowOk()) continue;
    auto [first, inserted] = first_lines.emplace(KeyOf(record), table.Line());
    if (!inserted) {
      table.Report(kDate, fmt::format("the same date, country, place, drug, level, per, currency "
                                      "and source as line {}",
                                      first->second));
      continue;
    }
    outcome.rows.push_back(std::move(record));
    outcome.row_lines.push_back(table.Line());
  }
  return outcome;
}

ReadOutcome<PriceRecord> ReadPrices(const std::string& path, const KnownCountries& known,
                                    const PriceReadOptions& options) {
  return internal::ReadInputFile<PriceRecord>(
      path, [&](std::istream& in) { return ReadPrices(in, path, known, options); });
}

}  // namespace ordo::ingest
