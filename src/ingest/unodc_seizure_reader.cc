#include "ingest/unodc_seizure_reader.h"

#include <fmt/format.h>

#include <array>
#include <deque>
#include <limits>
#include <map>
#include <utility>

#include "ingest/csv_table.h"
#include "ingest/internal/seizure_quantity.h"

namespace ordo::ingest {
namespace {

enum Column : std::size_t {
  kSeizureId,
  kDate,
  kPlace,
  kLat,
  kLon,
  kCountry,
  kDrug,
  kAmount,
  kUnit,
  kProducing,
  kDeparture,
  kDestination,
};

std::vector<ColumnSpec> KnownColumns() {
  constexpr ColumnPresence kOptional = ColumnPresence::kOptional;
  return {{"SEIZURE_ID", kOptional},
          {"SEIZURE_DATE"},
          {"PLACE_OF_SEIZURE", kOptional},
          {"LATITUDE", kOptional},
          {"LONGITUDE", kOptional},
          {"COUNTRY_OF_SEIZURE"},
          {"DRUG_NAME"},
          {"AMOUNT_OF_DRUG"},
          {"DRUG_UNIT"},
          {"PRODUCING_COUNTRY", kOptional},
          {"DEPARTURE_COUNTRY", kOptional},
          {"DESTINATION_COUNTRY", kOptional}};
}

// The header's names, read ahead so that columns Ordo does not use can be declared and ignored;
// the stream is put back where it was. Empty when the stream cannot seek.
std::vector<std::string> PeekHeader(std::istream& in) {
  const std::istream::pos_type start = in.tellg();
  if (start == std::istream::pos_type(-1)) return {};
  std::vector<std::string> names;
  {
    CsvReader reader(in, "");
    CsvRecord header;
    if (reader.Next(header)) {
      for (CsvField& field : header.fields) names.push_back(std::move(field.value));
    }
  }
  in.clear();
  in.seekg(start);
  if (!in) return {};
  return names;
}

// The known columns, then one optional column for every other header name. The names live in
// `storage`, which must outlive the table.
std::vector<ColumnSpec> TableColumns(std::istream& in, std::deque<std::string>& storage) {
  std::vector<ColumnSpec> columns = KnownColumns();
  for (std::string& name : PeekHeader(in)) {
    bool known = false;
    for (const ColumnSpec& column : columns) known = known || column.name == name;
    if (known) continue;
    storage.push_back(std::move(name));
    columns.push_back({storage.back(), ColumnPresence::kOptional});
  }
  return columns;
}

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

struct UnitSpelling {
  std::string_view text;
  QuantityUnit unit;
};

// DRUG_UNIT spellings, compared without ASCII case. "Units" (UNODC's typical consumption units)
// and "ton" (short or metric?) are left out on purpose: they cannot be turned into kilograms.
constexpr std::array<UnitSpelling, 24> kUnitSpellings = {{
    {"kg", QuantityUnit::kKilogram},
    {"kilogram", QuantityUnit::kKilogram},
    {"kilograms", QuantityUnit::kKilogram},
    {"g", QuantityUnit::kGram},
    {"gram", QuantityUnit::kGram},
    {"grams", QuantityUnit::kGram},
    {"mg", QuantityUnit::kMilligram},
    {"milligram", QuantityUnit::kMilligram},
    {"milligrams", QuantityUnit::kMilligram},
    {"t", QuantityUnit::kTonne},
    {"tonne", QuantityUnit::kTonne},
    {"tonnes", QuantityUnit::kTonne},
    {"l", QuantityUnit::kLitre},
    {"litre", QuantityUnit::kLitre},
    {"litres", QuantityUnit::kLitre},
    {"liter", QuantityUnit::kLitre},
    {"liters", QuantityUnit::kLitre},
    {"ml", QuantityUnit::kMillilitre},
    {"millilitre", QuantityUnit::kMillilitre},
    {"millilitres", QuantityUnit::kMillilitre},
    {"milliliter", QuantityUnit::kMillilitre},
    {"milliliters", QuantityUnit::kMillilitre},
    {"tablet", QuantityUnit::kTablet},
    {"tablets", QuantityUnit::kTablet},
}};

std::optional<QuantityUnit> ParseUnodcUnit(std::string_view text) {
  for (const UnitSpelling& spelling : kUnitSpellings) {
    if (EqualsIgnoringAsciiCase(spelling.text, text)) return spelling.unit;
  }
  return std::nullopt;
}

class RowReader {
 public:
  RowReader(CsvTable& table, const CountryResolver& resolve, const UnodcReadOptions& options)
      : table_(table), resolve_(resolve), options_(options) {}

  std::optional<CountryCode> Country(std::size_t column, FieldNeed need) {
    const std::string_view text = table_.View(column);
    const bool unknown = text.empty() || EqualsIgnoringAsciiCase(text, "unknown") ||
                         EqualsIgnoringAsciiCase(text, "other");
    if (unknown) {
      if (need == FieldNeed::kRequired) {
        table_.Report(column, text.empty() ? std::string("missing value")
                                           : fmt::format("'{}' is not a country", text));
      }
      return std::nullopt;
    }
    Result<CountryCode> code = resolve_(text);
    if (!code) {
      table_.Report(column, code.error().message());
      return std::nullopt;
    }
    return std::move(*code);
  }

  void Date(Seizure& seizure) {
    std::optional<PartialDate> date = table_.Date(kDate, FieldNeed::kRequired);
    if (!date) return;
    if (options_.today && date->FirstDay() > options_.today->LastDay()) {
      table_.Report(kDate, fmt::format("'{}' is in the future", date->ToString()));
    }
    seizure.date = *date;
  }

  void Coordinates(Seizure& seizure) {
    seizure.lat = table_.Number(kLat, FieldNeed::kOptional, -90, 90);
    seizure.lon = table_.Number(kLon, FieldNeed::kOptional, -180, 180);
    if (table_.View(kLat).empty() != table_.View(kLon).empty()) {
      table_.Report(table_.View(kLat).empty() ? kLat : kLon,
                    "LATITUDE and LONGITUDE must both be given or both be empty");
    }
  }

  void Drug(Seizure& seizure) {
    const std::string_view name = table_.View(kDrug);
    if (name.empty()) {
      table_.Report(kDrug, "missing value");
      return;
    }
    Result<ordo::Drug> drug = ParseDrug(name);
    if (!drug) {
      table_.Report(kDrug, drug.error().message() +
                               "; the UNODC names Ordo maps are listed in docs/formats.md");
      return;
    }
    seizure.drug = *drug;
  }

  void Quantity(Seizure& seizure) {
    std::optional<double> amount =
        table_.Number(kAmount, FieldNeed::kRequired, 0, std::numeric_limits<double>::max());
    std::optional<QuantityUnit> unit;
    const std::string_view unit_text = table_.View(kUnit);
    if (unit_text.empty()) {
      table_.Report(kUnit, "missing value");
    } else if (!(unit = ParseUnodcUnit(unit_text))) {
      table_.Report(kUnit, fmt::format("unit '{}' cannot be converted to kilograms; expected a "
                                       "mass (kg, g, mg, t), a volume (l, ml) or tablets",
                                       unit_text));
    }
    if (!amount || !unit) return;
    internal::SetSeizureQuantity(table_, kAmount, kUnit, *amount, *unit, options_.tablet_mass_mg,
                                 seizure);
  }

 private:
  CsvTable& table_;
  const CountryResolver& resolve_;
  const UnodcReadOptions& options_;
};

std::string_view LastPathComponent(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

std::string DerivedUnodcSeizureId(std::string_view id_file_name, int line) {
  return fmt::format("unodc:{}:{}", id_file_name, line);
}

std::vector<Diagnostic> ReadUnodcSeizures(std::istream& in, std::string_view file_name,
                                          const CountryResolver& resolve,
                                          const UnodcReadOptions& options,
                                          const SeizureRowSink& sink) {
  std::vector<Diagnostic> problems;
  if (options.source.empty()) {
    problems.push_back({std::string(file_name), 0, 0,
                        "a UNODC file holds real records and needs its source (--source)"});
    return problems;
  }
  const std::string id_file_name = options.id_file_name.empty()
                                       ? std::string(LastPathComponent(file_name))
                                       : options.id_file_name;
  std::deque<std::string> other_column_names;
  CsvTable table(in, file_name, TableColumns(in, other_column_names), problems);
  RowReader row(table, resolve, options);
  std::map<std::string, int> first_lines;  // SEIZURE_ID -> line
  while (table.NextRow()) {
    Seizure seizure;
    seizure.seizure_id = table.Text(kSeizureId);
    if (seizure.seizure_id.empty()) {
      seizure.seizure_id = DerivedUnodcSeizureId(id_file_name, table.Line());
    }
    // A derived id can only clash with one written in the file, so the check needs the column.
    if (table.HasColumn(kSeizureId)) {
      table.CheckUnique(kSeizureId, seizure.seizure_id, first_lines);
    }
    row.Date(seizure);
    seizure.place = table.Text(kPlace);
    row.Coordinates(seizure);
    if (std::optional<CountryCode> code = row.Country(kCountry, FieldNeed::kRequired)) {
      seizure.country = std::move(*code);
    }
    row.Drug(seizure);
    row.Quantity(seizure);
    seizure.origin = row.Country(kProducing, FieldNeed::kOptional);
    seizure.departure = row.Country(kDeparture, FieldNeed::kOptional);
    seizure.destination = row.Country(kDestination, FieldNeed::kOptional);
    seizure.synthetic = false;
    seizure.source = options.source;
    if (table.RowOk()) sink(std::move(seizure), table.Line());
  }
  return problems;
}

}  // namespace ordo::ingest
