#include "ingest/seizure_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <utility>

#include "ingest/csv_table.h"
#include "ingest/internal/field_parsers.h"
#include "ingest/internal/input_file.h"
#include "ingest/internal/seizure_quantity.h"

namespace ordo::ingest {
namespace {

enum Column : std::size_t {
  kSeizureId,
  kDate,
  kPlace,
  kLat,
  kLon,
  kAdminRegion,
  kCountry,
  kDrug,
  kQuantity,
  kUnit,
  kConveyance,
  kConcealment,
  kOrigin,
  kDeparture,
  kDestination,
  kTransit,
  kRoute,
  kAgency,
  kCaseId,
  kSynthetic,
  kSource,
};

std::vector<ColumnSpec> Columns() {
  constexpr ColumnPresence kOptional = ColumnPresence::kOptional;
  return {{"seizure_id"},
          {"date"},
          {"place", kOptional},
          {"lat", kOptional},
          {"lon", kOptional},
          {"admin_region", kOptional},
          {"country_iso3"},
          {"drug"},
          {"quantity"},
          {"unit"},
          {"conveyance", kOptional},
          {"concealment", kOptional},
          {"origin_iso3", kOptional},
          {"departure_iso3", kOptional},
          {"destination_iso3", kOptional},
          {"transit_iso3", kOptional},
          {"route", kOptional},
          {"agency", kOptional},
          {"case_id", kOptional},
          {"synthetic"},
          {"source", kOptional}};
}

constexpr std::array<std::string_view, 7> kConveyances = {"vehicle", "truck", "train", "air",
                                                          "foot",    "post",  "other"};

std::optional<CountryCode> OptionalCountry(CsvTable& table, std::size_t column,
                                           const KnownCountries& known) {
  if (table.View(column).empty()) return std::nullopt;
  Result<CountryCode> code = internal::ParseKnownCountry(table.View(column), known);
  if (!code) {
    table.Report(column, code.error().message());
    return std::nullopt;
  }
  return std::move(*code);
}

std::vector<CountryCode> TransitCountries(CsvTable& table, const KnownCountries& known) {
  std::vector<CountryCode> transit;
  std::string_view text = table.View(kTransit);
  while (!text.empty()) {
    std::size_t end = text.find(';');
    Result<CountryCode> code = internal::ParseKnownCountry(text.substr(0, end), known);
    if (!code) {
      table.Report(kTransit, code.error().message());
      return {};
    }
    transit.push_back(std::move(*code));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
    if (text.empty()) table.Report(kTransit, "ends with ';'");
  }
  return transit;
}

// "Khorog;Murghab;Osh": place names in travel order, each trimmed of spaces and non-empty.
std::vector<std::string> RoutePlaces(CsvTable& table) {
  std::vector<std::string> route;
  std::string_view text = table.View(kRoute);
  if (text.empty()) return route;
  while (true) {
    const std::size_t end = text.find(';');
    std::string_view name = text.substr(0, end);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name.empty()) {
      table.Report(kRoute, fmt::format("place {} of the route is empty", route.size() + 1));
      return {};
    }
    route.emplace_back(name);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return route;
}

void ReadDate(CsvTable& table, const SeizureReadOptions& options, Seizure& seizure) {
  std::optional<PartialDate> date = table.Date(kDate, FieldNeed::kRequired);
  if (!date) return;
  if (options.today && date->FirstDay() > options.today->LastDay()) {
    table.Report(kDate, fmt::format("'{}' is in the future", date->ToString()));
  }
  seizure.date = *date;
}

void ReadCoordinates(CsvTable& table, Seizure& seizure) {
  seizure.lat = table.Number(kLat, FieldNeed::kOptional, -90, 90);
  seizure.lon = table.Number(kLon, FieldNeed::kOptional, -180, 180);
  if (table.View(kLat).empty() != table.View(kLon).empty()) {
    table.Report(table.View(kLat).empty() ? kLat : kLon,
                 "lat and lon must both be given or both be empty");
  }
}

void ReadQuantity(CsvTable& table, const SeizureReadOptions& options, Seizure& seizure) {
  if (!table.View(kDrug).empty()) {
    Result<Drug> drug = ParseDrug(table.View(kDrug));
    if (drug)
      seizure.drug = *drug;
    else
      table.Report(kDrug, drug.error().message());
  } else {
    table.Report(kDrug, "missing value");
  }
  std::optional<double> quantity =
      table.Number(kQuantity, FieldNeed::kRequired, 0, std::numeric_limits<double>::max());
  std::optional<QuantityUnit> unit;
  if (table.View(kUnit).empty()) {
    table.Report(kUnit, "missing value");
  } else if (Result<QuantityUnit> parsed = ParseQuantityUnit(table.View(kUnit))) {
    unit = *parsed;
  } else {
    table.Report(kUnit, parsed.error().message());
  }
  if (!quantity || !unit) return;
  internal::SetSeizureQuantity(table, kQuantity, kUnit, *quantity, *unit, options.tablet_mass_mg,
                               seizure);
}

void ReadProvenance(CsvTable& table, Seizure& seizure) {
  std::string_view synthetic = table.View(kSynthetic);
  if (synthetic == "true" || synthetic == "false") {
    seizure.synthetic = synthetic == "true";
  } else if (synthetic.empty()) {
    table.Report(kSynthetic, "missing value");
  } else {
    table.Report(kSynthetic, fmt::format("'{}' is not true or false", synthetic));
  }
  seizure.source = table.Text(kSource);
  if (synthetic == "false" && seizure.source.empty()) {
    table.Report(kSource, "missing value; a real (synthetic=false) record needs its source");
  }
}

}  // namespace

std::vector<Diagnostic> ReadSeizures(std::istream& in, std::string_view file_name,
                                     const KnownCountries& known, const SeizureReadOptions& options,
                                     const SeizureRowSink& sink) {
  std::vector<Diagnostic> problems;
  CsvTable table(in, file_name, Columns(), problems);
  std::map<std::string, int> first_lines;  // seizure_id -> line
  while (table.NextRow()) {
    Seizure seizure;
    seizure.seizure_id = table.RequiredText(kSeizureId);
    table.CheckUnique(kSeizureId, seizure.seizure_id, first_lines);
    ReadDate(table, options, seizure);
    seizure.place = table.Text(kPlace);
    ReadCoordinates(table, seizure);
    seizure.admin_region = table.Text(kAdminRegion);
    if (std::optional<CountryCode> code = table.Country(kCountry, known)) {
      seizure.country = std::move(*code);
    }
    ReadQuantity(table, options, seizure);
    seizure.conveyance = table.Text(kConveyance);
    if (!seizure.conveyance.empty() && std::find(kConveyances.begin(), kConveyances.end(),
                                                 seizure.conveyance) == kConveyances.end()) {
      table.Report(kConveyance, fmt::format("unknown conveyance '{}'; expected vehicle, truck, "
                                            "train, air, foot, post or other",
                                            seizure.conveyance));
    }
    seizure.concealment = table.Text(kConcealment);
    seizure.origin = OptionalCountry(table, kOrigin, known);
    seizure.departure = OptionalCountry(table, kDeparture, known);
    seizure.destination = OptionalCountry(table, kDestination, known);
    seizure.transit = TransitCountries(table, known);
    seizure.route = RoutePlaces(table);
    seizure.agency = table.Text(kAgency);
    seizure.case_id = table.Text(kCaseId);
    ReadProvenance(table, seizure);
    if (table.RowOk()) sink(std::move(seizure), table.Line());
  }
  return problems;
}

ReadOutcome<Seizure> ReadSeizures(std::istream& in, std::string_view file_name,
                                  const KnownCountries& known, const SeizureReadOptions& options) {
  ReadOutcome<Seizure> outcome;
  outcome.problems = ReadSeizures(in, file_name, known, options, [&](Seizure&& seizure, int line) {
    outcome.rows.push_back(std::move(seizure));
    outcome.row_lines.push_back(line);
  });
  return outcome;
}

ReadOutcome<Seizure> ReadSeizures(const std::string& path, const KnownCountries& known,
                                  const SeizureReadOptions& options) {
  return internal::ReadInputFile<Seizure>(
      path, [&](std::istream& in) { return ReadSeizures(in, path, known, options); });
}

}  // namespace ordo::ingest
