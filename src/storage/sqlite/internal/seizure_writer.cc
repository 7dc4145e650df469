#include "storage/sqlite/internal/seizure_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "storage/compartment_rules.h"
#include "storage/sql/seizure_reader.h"

namespace ordo::storage::internal {
namespace {

constexpr std::string_view kInsertSeizure =
    "INSERT INTO seizures (seizure_id, date, first_day, last_day, place, lat, lon, admin_region, "
    "country, drug, quantity, unit, quantity_kg, conversion_note, conveyance, concealment, origin, "
    "departure, destination, agency, case_id, synthetic, source, route, transit, compartment, "
    "marking) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

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
  insert.BindTextUntilReset(seizure.compartment);
  insert.BindTextUntilReset(MarkingName(seizure.marking));
}

Error UnknownCountry(const Seizure& seizure, const CountryCode& code) {
  return InvalidArgument(
      fmt::format("seizure '{}': unknown country '{}'", seizure.seizure_id, code.str()));
}

// The first of the seizure's country codes that is not stored, in the order MemorySeizureStore
// checks them, or nullptr.
const CountryCode* FirstUnknownCountry(const std::unordered_set<std::string>& known,
                                       const Seizure& seizure) {
  if (known.count(seizure.country.str()) == 0) return &seizure.country;
  for (const std::optional<CountryCode>* code :
       {&seizure.origin, &seizure.departure, &seizure.destination}) {
    if (code->has_value() && known.count((*code)->str()) == 0) return &**code;
  }
  for (const CountryCode& code : seizure.transit) {
    if (known.count(code.str()) == 0) return &code;
  }
  return nullptr;
}

// The stored country codes, read once per write inside its transaction: every code of every row
// is checked against them, in place of SQLite's foreign keys (see SqliteStore::AppendSeizuresFrom).
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

// Drops the seizures table's secondary indexes (not the UNIQUE one on seizure_id, which finds
// duplicate ids) and returns their CREATE statements, to be run after the last row: filling an
// index row by row, in the rows' random order of days, costs about a third more CPU than building
// it by one sort at the end (measured with the sqlite3 shell on a million rows; bench/README.md).
// Inside the caller's transaction, so a rollback restores them.
Result<std::vector<std::string>> DropSecondaryIndexes(Connection& connection) {
  std::vector<std::string> names;
  std::vector<std::string> creates;
  {
    ORDO_TRY(select, connection.Prepare(
                         "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND "
                         "tbl_name = 'seizures' AND sql IS NOT NULL ORDER BY rowid"));
    while (true) {
      ORDO_TRY(has_row, select.Step());
      if (!has_row) break;
      names.push_back(select.ColumnText(0));
      creates.push_back(select.ColumnText(1));
    }
  }
  for (const std::string& name : names) {
    ORDO_RETURN_IF_ERROR(connection.Execute(fmt::format("DROP INDEX \"{}\"", name)));
  }
  return creates;
}

// The indexes are rebuilt once a write has added as many rows as the table held before, and at
// least this many: small writes never touch the schema, and a rebuild never costs more than the
// row-by-row inserts it replaces.
constexpr std::int64_t kRowsBeforeIndexRebuild = 4096;

// The look-up of CaseCompartments over the cases read before the write.
CaseCompartments::Lookup CaseLookupIn(const std::unordered_map<std::string, std::string>& stored) {
  return [&stored](const std::string& case_id) -> Result<std::optional<std::string>> {
    const auto found = stored.find(case_id);
    if (found == stored.end()) return std::optional<std::string>();
    return std::optional<std::string>(found->second);
  };
}

}  // namespace

Status InsertSeizures(Connection& connection, const SeizureProducer& produce) {
  ORDO_TRY(stored_rows, connection.QueryInt("SELECT count(*) FROM seizures"));
  const std::int64_t rebuild_after = std::max(stored_rows, kRowsBeforeIndexRebuild);
  std::int64_t written = 0;
  std::vector<std::string> deferred_indexes;
  ORDO_TRY(insert, connection.Prepare(kInsertSeizure));
  ORDO_TRY(known, StoredCountryCodes(connection));
  ORDO_TRY(stored_cases, sql::StoredCaseCompartments(connection));
  CaseCompartments cases(CaseLookupIn(stored_cases));
  DerivedTexts texts;
  ORDO_RETURN_IF_ERROR(produce([&](const Seizure& seizure) -> Status {
    if (seizure.seizure_id.empty()) return InvalidArgument("seizure with an empty seizure_id");
    if (++written == rebuild_after) {
      ORDO_TRY(creates, DropSecondaryIndexes(connection));
      deferred_indexes = std::move(creates);
    }
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
    if (const CountryCode* unknown = FirstUnknownCountry(known, seizure)) {
      return UnknownCountry(seizure, *unknown);
    }
    if (Status compartment = cases.Check(fmt::format("seizure '{}'", seizure.seizure_id),
                                         seizure.case_id, seizure.compartment);
        !compartment) {
      return compartment;
    }
    if (outcome == InsertOutcome::kForeignKeyViolation) {  // foreign keys are on after all
      return Internal(fmt::format("seizure '{}': foreign key failure without an unknown country",
                                  seizure.seizure_id));
    }
    return OkStatus();
  }));
  for (const std::string& create : deferred_indexes) {
    ORDO_RETURN_IF_ERROR(connection.Execute(create));
  }
  return OkStatus();
}

}  // namespace ordo::storage::internal
