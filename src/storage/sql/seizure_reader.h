#pragma once
// Reads seizures back with a SeizureFilter turned into a WHERE clause.
// Shared by the SQLite and PostgreSQL stores: a template over either backend's handle
// (storage/sql/sql_dialect.h).

#include <cstddef>
#include <string>
#include <unordered_map>

#include "core/result.h"
#include "storage/seizure_store.h"
#include "storage/sql/row_decoding.h"
#include "storage/sql/sql_dialect.h"

namespace ordo::storage::sql {

inline constexpr std::string_view kTable = "seizures";

// Columns in the order DecodeSeizure reads them; route comes as "Khorog;Osh" and transit as
// "KAZ;TJK".
inline constexpr std::string_view kSelect =
    "SELECT seizure_id, date, place, lat, lon, admin_region, country, drug, quantity, unit, "
    "quantity_kg, conversion_note, conveyance, concealment, origin, departure, destination, "
    "agency, case_id, synthetic, source, route, transit, compartment, marking FROM seizures";

// " WHERE ..." for the filter's conditions, with parameters bound in the same order by Bind.
inline std::string WhereClause(const SeizureFilter& filter) {
  std::string where;
  auto add = [&where](std::string_view condition) {
    where += where.empty() ? " WHERE " : " AND ";
    where += condition;
  };
  if (filter.from) add("first_day >= ?");
  if (filter.to) add("last_day <= ?");
  if (filter.drug) add("drug = ?");
  if (filter.country) add("country = ?");
  if (filter.synthetic) add("synthetic = ?");
  if (!filter.visibility.every()) {
    const std::size_t count = filter.visibility.compartments().size();
    if (count == 0) {
      add("1 = 0");  // sees nothing
    } else {
      std::string in = "compartment IN (?";
      for (std::size_t i = 1; i < count; ++i) in += ", ?";
      add(in + ")");
    }
  }
  return where;
}

template <typename Statement>
void BindFilter(Statement& statement, const SeizureFilter& filter) {
  if (filter.from) statement.BindInt(filter.from->FirstDay());
  if (filter.to) statement.BindInt(filter.to->LastDay());
  if (filter.drug) statement.BindText(DrugName(*filter.drug));
  if (filter.country) statement.BindText(filter.country->str());
  if (filter.synthetic) statement.BindInt(*filter.synthetic ? 1 : 0);
  if (!filter.visibility.every()) {
    for (const std::string& compartment : filter.visibility.compartments()) {
      statement.BindText(compartment);
    }
  }
}

template <typename Statement>
Result<std::optional<CountryCode>> ReadOptionalCode(const Statement& row, int column) {
  if (row.IsNull(column)) return std::optional<CountryCode>();
  ORDO_TRY(code, ReadCode(row, column, kTable));
  return std::optional<CountryCode>(std::move(code));
}

template <typename Statement>
Result<std::vector<CountryCode>> ReadTransit(const Statement& row, int column) {
  std::vector<CountryCode> transit;
  const std::string text = row.ColumnText(column);
  if (text.empty()) return transit;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(';', start);
    if (end == std::string::npos) end = text.size();
    Result<CountryCode> code =
        CountryCode::Parse(std::string_view(text).substr(start, end - start));
    if (!code) return Damaged(kTable, code.error());
    transit.push_back(std::move(*code));
    start = end + 1;
  }
  return transit;
}

inline std::vector<std::string> SplitRoute(const std::string& text) {
  std::vector<std::string> route;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(';', start);
    if (end == std::string::npos) end = text.size();
    route.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return route;
}

template <typename Statement>
Result<Seizure> DecodeSeizure(const Statement& row) {
  Seizure seizure;
  seizure.seizure_id = row.ColumnText(0);
  ORDO_TRY(date, ReadDate(row, 1, kTable));
  if (!date) return Damaged(kTable, InvalidArgument("a seizure without a date"));
  seizure.date = *date;
  seizure.place = row.ColumnText(2);
  seizure.lat = row.ColumnOptionalDouble(3);
  seizure.lon = row.ColumnOptionalDouble(4);
  seizure.admin_region = row.ColumnText(5);
  ORDO_TRY(country, ReadCode(row, 6, kTable));
  seizure.country = std::move(country);
  Result<Drug> drug = ParseDrug(row.ColumnText(7));
  if (!drug) return Damaged(kTable, drug.error());
  seizure.drug = *drug;
  seizure.quantity = row.ColumnDouble(8);
  Result<QuantityUnit> unit = ParseQuantityUnit(row.ColumnText(9));
  if (!unit) return Damaged(kTable, unit.error());
  seizure.unit = *unit;
  seizure.quantity_kg = row.ColumnOptionalDouble(10);
  seizure.conversion_note = row.ColumnText(11);
  seizure.conveyance = row.ColumnText(12);
  seizure.concealment = row.ColumnText(13);
  ORDO_TRY(origin, ReadOptionalCode(row, 14));
  ORDO_TRY(departure, ReadOptionalCode(row, 15));
  ORDO_TRY(destination, ReadOptionalCode(row, 16));
  seizure.origin = std::move(origin);
  seizure.departure = std::move(departure);
  seizure.destination = std::move(destination);
  seizure.agency = row.ColumnText(17);
  seizure.case_id = row.ColumnText(18);
  seizure.synthetic = row.ColumnInt(19) != 0;
  seizure.source = row.ColumnText(20);
  seizure.route = SplitRoute(row.ColumnText(21));
  ORDO_TRY(transit, ReadTransit(row, 22));
  seizure.transit = std::move(transit);
  seizure.compartment = row.ColumnText(23);
  Result<Marking> marking = ParseMarking(row.ColumnText(24));
  if (!marking) return Damaged(kTable, marking.error());
  seizure.marking = *marking;
  return seizure;
}

// Calls `visit` for each matching seizure in write order, after offset, at most limit, decoding
// one row at a time. kFailedPrecondition when a stored value no longer parses; the visitor's error
// as it is.
template <typename Connection>
Status VisitSeizures(Connection& connection, const SeizureFilter& filter,
                     const SeizureVisitor& visit) {
  // Rows come through a cursor where the backend has one, a few thousand at a time.
  ORDO_TRY(statement, connection.Prepare(std::string(kSelect) + WhereClause(filter) +
                                             " ORDER BY id LIMIT ? OFFSET ?",
                                         /*stream=*/true));
  BindFilter(statement, filter);
  statement.BindOptionalInt(filter.limit == 0 ? Connection::kNoLimit
                                              : std::optional<std::int64_t>(filter.limit));
  statement.BindInt(static_cast<std::int64_t>(filter.offset));
  while (true) {
    ORDO_TRY(has_row, statement.Step());
    if (!has_row) return OkStatus();
    ORDO_TRY(seizure, DecodeSeizure(statement));
    ORDO_RETURN_IF_ERROR(visit(seizure));
  }
}

// The number of matching rows, ignoring offset and limit.
template <typename Connection>
Result<std::size_t> CountSeizureRows(Connection& connection, const SeizureFilter& filter) {
  ORDO_TRY(statement, connection.Prepare("SELECT count(*) FROM seizures" + WhereClause(filter)));
  BindFilter(statement, filter);
  ORDO_TRY(has_row, statement.Step());
  if (!has_row) return Internal("count(*) returned no row");
  return static_cast<std::size_t>(statement.ColumnInt(0));
}

// Where the database holds case `case_id`: the compartment of any of its seizures, entities or
// links (a store that holds all three keeps a case in one compartment across them), or nullopt.
inline constexpr std::string_view kCaseCompartment =
    "SELECT compartment FROM seizures WHERE case_id = ? UNION ALL "
    "SELECT compartment FROM entities WHERE case_id = ? UNION ALL "
    "SELECT compartment FROM links WHERE case_id = ? LIMIT 1";

template <typename Connection>
Result<std::optional<std::string>> FindCaseCompartmentRow(Connection& connection,
                                                          const std::string& case_id) {
  ORDO_TRY(select, connection.Prepare(kCaseCompartment));
  for (int i = 0; i < 3; ++i) select.BindText(case_id);
  ORDO_TRY(has_row, select.Step());
  if (!has_row) return std::optional<std::string>();
  return std::optional<std::string>(select.ColumnText(0));
}

// Every case the database holds, with its compartment, read once before a bulk seizure write
// (which cannot query while it writes; a PostgreSQL COPY holds the connection).
template <typename Connection>
Result<std::unordered_map<std::string, std::string>> StoredCaseCompartments(
    Connection& connection) {
  ORDO_TRY(select, connection.Prepare(
                       "SELECT DISTINCT case_id, compartment FROM seizures WHERE case_id <> '' "
                       "UNION SELECT DISTINCT case_id, compartment FROM entities WHERE case_id <> '' "
                       "UNION SELECT DISTINCT case_id, compartment FROM links WHERE case_id <> ''",
                       /*stream=*/true));
  std::unordered_map<std::string, std::string> cases;
  while (true) {
    ORDO_TRY(has_row, select.Step());
    if (!has_row) return cases;
    cases.emplace(select.ColumnText(0), select.ColumnText(1));
  }
}

}  // namespace ordo::storage::sql
