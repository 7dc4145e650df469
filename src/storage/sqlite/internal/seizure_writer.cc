#include "storage/sqlite/internal/seizure_writer.h"

#include <fmt/format.h>

#include <string>
#include <unordered_set>

namespace ordo::storage::internal {
namespace {

constexpr std::string_view kInsertSeizure =
    "INSERT INTO seizures (seizure_id, date, first_day, last_day, place, lat, lon, admin_region, "
    "country, drug, quantity, unit, quantity_kg, conversion_note, conveyance, concealment, origin, "
    "departure, destination, agency, case_id, synthetic, source, route, transit) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

// Seizure::route as stored: names joined by ';'.
void JoinRoute(const std::vector<std::string>& route, std::string& joined) {
  joined.clear();
  for (const std::string& place : route) {
    if (!joined.empty()) joined += ';';
    joined += place;
  }
}

// Seizure::transit as stored: codes joined by ';'.
void JoinTransit(const std::vector<CountryCode>& transit, std::string& joined) {
  joined.clear();
  for (const CountryCode& code : transit) {
    if (!joined.empty()) joined += ';';
    joined += code.str();
  }
}

// The texts of a row that are not fields of the Seizure itself, kept alive until the insert has
// run: every text is bound without SQLite's copy (BindTextUntilReset).
struct DerivedTexts {
  std::string date;
  std::string route;
  std::string transit;
};

void BindCode(Statement& insert, const std::optional<CountryCode>& code) {
  code ? insert.BindTextUntilReset(code->str()) : insert.BindNull();
}

void BindSeizure(Statement& insert, const Seizure& seizure, DerivedTexts& texts) {
  texts.date = seizure.date.ToString();
  JoinRoute(seizure.route, texts.route);
  JoinTransit(seizure.transit, texts.transit);
  insert.BindTextUntilReset(seizure.seizure_id);
  insert.BindTextUntilReset(texts.date);
  insert.BindInt(seizure.date.FirstDay());
  insert.BindInt(seizure.date.LastDay());
  insert.BindTextUntilReset(seizure.place);
  insert.BindOptionalDouble(seizure.lat);
  insert.BindOptionalDouble(seizure.lon);
  insert.BindTextUntilReset(seizure.admin_region);
  insert.BindTextUntilReset(seizure.country.str());
  insert.BindTextUntilReset(DrugName(seizure.drug));
  insert.BindDouble(seizure.quantity);
  insert.BindTextUntilReset(QuantityUnitName(seizure.unit));
  insert.BindOptionalDouble(seizure.quantity_kg);
  insert.BindTextUntilReset(seizure.conversion_note);
  insert.BindTextUntilReset(seizure.conveyance);
  insert.BindTextUntilReset(seizure.concealment);
  BindCode(insert, seizure.origin);
  BindCode(insert, seizure.departure);
  BindCode(insert, seizure.destination);
  insert.BindTextUntilReset(seizure.agency);
  insert.BindTextUntilReset(seizure.case_id);
  insert.BindInt(seizure.synthetic ? 1 : 0);
  insert.BindTextUntilReset(seizure.source);
  insert.BindTextUntilReset(texts.route);
  insert.BindTextUntilReset(texts.transit);
}

Error UnknownCountry(const Seizure& seizure, const CountryCode& code) {
  return InvalidArgument(
      fmt::format("seizure '{}': unknown country '{}'", seizure.seizure_id, code.str()));
}

// After a FOREIGN KEY failure of the seizure row: the first of its codes that is not stored, in
// the order MemorySeizureStore checks them.
Error NameUnknownCountry(Statement& lookup, const Seizure& seizure) {
  for (const std::optional<CountryCode>& code :
       {std::optional<CountryCode>(seizure.country), seizure.origin, seizure.departure,
        seizure.destination}) {
    if (!code) continue;
    lookup.Reset();
    lookup.BindText(code->str());
    Result<bool> found = lookup.Step();
    if (!found) return found.error();
    if (!*found) return UnknownCountry(seizure, *code);
  }
  return Internal(fmt::format("seizure '{}': foreign key failure without an unknown country",
                              seizure.seizure_id));
}

// The stored country codes, read once per write: transit codes are checked against them (the
// other country columns have foreign keys).
Result<std::unordered_set<std::string>> StoredCountryCodes(Connection& connection) {
  ORDO_TRY(select, connection.Prepare("SELECT iso3 FROM countries"));
  std::unordered_set<std::string> codes;
  while (true) {
    ORDO_TRY(has_row, select.Step());
    if (!has_row) break;
    codes.insert(select.ColumnText(0));
  }
  return codes;
}

}  // namespace

Status InsertSeizures(Connection& connection, const SeizureProducer& produce) {
  ORDO_TRY(insert, connection.Prepare(kInsertSeizure));
  ORDO_TRY(known, StoredCountryCodes(connection));
  ORDO_TRY(lookup, connection.Prepare("SELECT 1 FROM countries WHERE iso3 = ?"));
  DerivedTexts texts;
  return produce([&](const Seizure& seizure) -> Status {
    if (seizure.seizure_id.empty()) return InvalidArgument("seizure with an empty seizure_id");
    BindSeizure(insert, seizure, texts);
    ORDO_TRY(outcome, insert.Insert());
    if (outcome == InsertOutcome::kUniqueViolation) {
      return AlreadyExists(fmt::format("seizure '{}' already exists", seizure.seizure_id));
    }
    if (seizure.lat.has_value() != seizure.lon.has_value()) {
      return InvalidArgument(fmt::format(
          "seizure '{}': lat and lon must both be given or both be empty", seizure.seizure_id));
    }
    for (const std::string& place : seizure.route) {
      if (place.empty() || place.find(';') != std::string::npos) {
        return InvalidArgument(fmt::format("seizure '{}': a route place is empty or contains ';'",
                                           seizure.seizure_id));
      }
    }
    if (outcome == InsertOutcome::kForeignKeyViolation) {
      return NameUnknownCountry(lookup, seizure);
    }
    for (const CountryCode& code : seizure.transit) {
      if (known.count(code.str()) == 0) return UnknownCountry(seizure, code);
    }
    return OkStatus();
  });
}

}  // namespace ordo::storage::internal
