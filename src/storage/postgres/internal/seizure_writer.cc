#include "storage/postgres/internal/seizure_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "storage/compartment_rules.h"
#include "storage/sql/seizure_reader.h"

namespace ordo::storage::pg_internal {
namespace {

constexpr std::string_view kCopySeizures =
    "COPY seizures (seizure_id, date, first_day, last_day, place, lat, lon, admin_region, "
    "country, drug, quantity, unit, quantity_kg, conversion_note, conveyance, concealment, origin, "
    "departure, destination, agency, case_id, synthetic, source, route, transit, compartment, "
    "marking) FROM STDIN";

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

void CopyCode(CopyIn& copy, const std::optional<CountryCode>& code) {
  code ? copy.Field(code->str()) : copy.Null();
}

void CopySeizure(CopyIn& copy, const Seizure& seizure, std::string& scratch) {
  copy.Field(seizure.seizure_id);
  copy.Field(seizure.date.ToString());
  copy.Field(static_cast<std::int64_t>(seizure.date.FirstDay()));
  copy.Field(static_cast<std::int64_t>(seizure.date.LastDay()));
  copy.Field(seizure.place);
  copy.OptionalField(seizure.lat);
  copy.OptionalField(seizure.lon);
  copy.Field(seizure.admin_region);
  copy.Field(seizure.country.str());
  copy.Field(DrugName(seizure.drug));
  copy.Field(seizure.quantity);
  copy.Field(QuantityUnitName(seizure.unit));
  copy.OptionalField(seizure.quantity_kg);
  copy.Field(seizure.conversion_note);
  copy.Field(seizure.conveyance);
  copy.Field(seizure.concealment);
  CopyCode(copy, seizure.origin);
  CopyCode(copy, seizure.departure);
  CopyCode(copy, seizure.destination);
  copy.Field(seizure.agency);
  copy.Field(seizure.case_id);
  copy.Field(static_cast<std::int64_t>(seizure.synthetic ? 1 : 0));
  copy.Field(seizure.source);
  JoinRoute(seizure.route, scratch);
  copy.Field(scratch);
  JoinTransit(seizure.transit, scratch);
  copy.Field(scratch);
  copy.Field(seizure.compartment);
  copy.Field(MarkingName(seizure.marking));
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

// The stored country codes, read once per write inside its transaction (which holds the write
// lock): every code of every row is checked against them, in place of foreign keys.
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

// The server's verdict on the COPY as the contract's error: a repeated seizure_id names it.
Error CopyError(Connection& connection, const ResultHandle& verdict) {
  if (SqlState(verdict.get()) == "23505") {
    // DETAIL: Key (seizure_id)=(S-1) already exists.
    const std::string detail = ErrorDetail(verdict.get());
    constexpr std::string_view kPrefix = "Key (seizure_id)=(";
    constexpr std::string_view kSuffix = ") already exists.";
    if (detail.size() >= kPrefix.size() + kSuffix.size() && detail.starts_with(kPrefix) &&
        detail.ends_with(kSuffix)) {
      const std::string id =
          detail.substr(kPrefix.size(), detail.size() - kPrefix.size() - kSuffix.size());
      return AlreadyExists(fmt::format("seizure '{}' already exists", id));
    }
  }
  return PgError(connection.raw(), verdict.get(), "cannot write seizures");
}

// The look-up of CaseCompartments over the cases read before the write.
CaseCompartments::Lookup CaseLookupIn(const std::unordered_map<std::string, std::string>& stored) {
  return [&stored](const std::string& case_id) -> Result<std::optional<std::string>> {
    const auto found = stored.find(case_id);
    if (found == stored.end()) return std::optional<std::string>();
    return std::optional<std::string>(found->second);
  };
}

}  // namespace

Status InsertSeizures(Connection& connection, const SeizureProducer& produce,
                      bool& store_failed) {
  store_failed = false;
  ORDO_TRY(known, StoredCountryCodes(connection));
  ORDO_TRY(stored_cases, sql::StoredCaseCompartments(connection));
  CaseCompartments cases(CaseLookupIn(stored_cases));
  ORDO_TRY(copy, CopyIn::Start(connection, kCopySeizures));
  std::string scratch;
  std::optional<Error> append_error;
  // Each row goes to the server before its own checks: the server finds a repeated id, and a
  // repeated id is reported before the row's other faults, as the other backends do. The COPY is
  // always finished, so that a repeated id in an earlier row wins over a later fault.
  Status produced = produce([&](const Seizure& seizure) -> Status {
    Status checked = [&]() -> Status {
      if (seizure.seizure_id.empty()) return InvalidArgument("seizure with an empty seizure_id");
      CopySeizure(copy, seizure, scratch);
      ORDO_RETURN_IF_ERROR(copy.EndRow());
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
      if (const CountryCode* unknown = FirstUnknownCountry(known, seizure)) {
        return UnknownCountry(seizure, *unknown);
      }
      return cases.Check(fmt::format("seizure '{}'", seizure.seizure_id), seizure.case_id,
                         seizure.compartment);
    }();
    if (!checked) append_error = checked.error();
    return checked;
  });
  ORDO_TRY(verdict, copy.Finish());
  if (verdict) {
    store_failed = true;
    return CopyError(connection, verdict);
  }
  if (append_error) {
    store_failed = true;
    return *append_error;
  }
  return produced;
}

}  // namespace ordo::storage::pg_internal
