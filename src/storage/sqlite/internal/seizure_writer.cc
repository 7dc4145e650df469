#include "storage/sqlite/internal/seizure_writer.h"

#include <string>

#include <fmt/format.h>

namespace ordo::storage::internal {
namespace {

constexpr std::string_view kInsertSeizure =
    "INSERT INTO seizures (seizure_id, date, first_day, last_day, place, lat, lon, admin_region, "
    "country, drug, quantity, unit, quantity_kg, conversion_note, conveyance, concealment, origin, "
    "departure, destination, agency, case_id, synthetic, source, route) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kInsertTransit =
    "INSERT INTO seizure_transit (seizure, position, iso3) VALUES (?, ?, ?)";

std::optional<std::string> CodeText(const std::optional<CountryCode>& code) {
  if (!code) return std::nullopt;
  return code->str();
}

// Seizure::route as stored: names joined by ';'.
std::string JoinRoute(const std::vector<std::string>& route) {
  std::string joined;
  for (const std::string& place : route) {
    if (!joined.empty()) joined += ';';
    joined += place;
  }
  return joined;
}

void BindSeizure(Statement& insert, const Seizure& seizure) {
  insert.BindText(seizure.seizure_id);
  insert.BindText(seizure.date.ToString());
  insert.BindInt(seizure.date.FirstDay());
  insert.BindInt(seizure.date.LastDay());
  insert.BindText(seizure.place);
  insert.BindOptionalDouble(seizure.lat);
  insert.BindOptionalDouble(seizure.lon);
  insert.BindText(seizure.admin_region);
  insert.BindText(seizure.country.str());
  insert.BindText(DrugName(seizure.drug));
  insert.BindDouble(seizure.quantity);
  insert.BindText(QuantityUnitName(seizure.unit));
  insert.BindOptionalDouble(seizure.quantity_kg);
  insert.BindText(seizure.conversion_note);
  insert.BindText(seizure.conveyance);
  insert.BindText(seizure.concealment);
  insert.BindOptionalText(CodeText(seizure.origin));
  insert.BindOptionalText(CodeText(seizure.departure));
  insert.BindOptionalText(CodeText(seizure.destination));
  insert.BindText(seizure.agency);
  insert.BindText(seizure.case_id);
  insert.BindInt(seizure.synthetic ? 1 : 0);
  insert.BindText(seizure.source);
  insert.BindText(JoinRoute(seizure.route));
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

Status InsertTransit(Statement& insert, std::int64_t row_id, const Seizure& seizure) {
  for (std::size_t position = 0; position < seizure.transit.size(); ++position) {
    insert.BindInt(row_id);
    insert.BindInt(static_cast<std::int64_t>(position));
    insert.BindText(seizure.transit[position].str());
    ORDO_TRY(outcome, insert.Insert());
    if (outcome == InsertOutcome::kForeignKeyViolation) {
      return UnknownCountry(seizure, seizure.transit[position]);
    }
    if (outcome != InsertOutcome::kInserted) return Internal("duplicate transit position");
  }
  return OkStatus();
}

}  // namespace

Status InsertSeizures(Connection& connection, const SeizureProducer& produce) {
  ORDO_TRY(insert, connection.Prepare(kInsertSeizure));
  ORDO_TRY(insert_transit, connection.Prepare(kInsertTransit));
  ORDO_TRY(lookup, connection.Prepare("SELECT 1 FROM countries WHERE iso3 = ?"));
  return produce([&](const Seizure& seizure) -> Status {
    if (seizure.seizure_id.empty()) return InvalidArgument("seizure with an empty seizure_id");
    BindSeizure(insert, seizure);
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
        return InvalidArgument(fmt::format(
            "seizure '{}': a route place is empty or contains ';'", seizure.seizure_id));
      }
    }
    if (outcome == InsertOutcome::kForeignKeyViolation) {
      return NameUnknownCountry(lookup, seizure);
    }
    return InsertTransit(insert_transit, connection.LastInsertRowId(), seizure);
  });
}

}  // namespace ordo::storage::internal
