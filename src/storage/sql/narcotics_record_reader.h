#pragma once
// Reads cultivation and price records back, with the filters turned into WHERE clauses.
// Shared by the SQLite and PostgreSQL stores: a template over either backend's handle
// (storage/sql/sql_dialect.h).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "storage/narcotics_record_store.h"
#include "storage/sql/row_decoding.h"
#include "storage/sql/sql_dialect.h"

namespace ordo::storage::sql {

inline constexpr std::string_view kCultivationTable = "cultivation_records";
inline constexpr std::string_view kPriceTable = "drug_prices";

// Columns in the order DecodeCultivation and DecodePrice read them.
inline constexpr std::string_view kSelectCultivation =
    "SELECT year, country, region, crop, kind, hectares, source, synthetic, note "
    "FROM cultivation_records";
inline constexpr std::string_view kSelectPrice =
    "SELECT date, country, place, drug, level, price, unit, currency, purity_percent, source, "
    "synthetic FROM drug_prices";

inline void AddCondition(std::string& where, std::string_view condition) {
  where += where.empty() ? " WHERE " : " AND ";
  where += condition;
}

// " WHERE ..." for the filter's conditions, with parameters bound in the same order by Bind.
inline std::string WhereClause(const CultivationFilter& filter) {
  std::string where;
  if (filter.from_year) AddCondition(where, "year >= ?");
  if (filter.to_year) AddCondition(where, "year <= ?");
  if (filter.country) AddCondition(where, "country = ?");
  if (filter.crop) AddCondition(where, "crop = ?");
  return where;
}

template <typename Statement>
void Bind(Statement& statement, const CultivationFilter& filter) {
  if (filter.from_year) statement.BindInt(*filter.from_year);
  if (filter.to_year) statement.BindInt(*filter.to_year);
  if (filter.country) statement.BindText(filter.country->str());
  if (filter.crop) statement.BindText(CropName(*filter.crop));
}

inline std::string WhereClause(const PriceFilter& filter) {
  std::string where;
  if (filter.from) AddCondition(where, "first_day >= ?");
  if (filter.to) AddCondition(where, "last_day <= ?");
  if (filter.country) AddCondition(where, "country = ?");
  if (filter.drug) AddCondition(where, "drug = ?");
  return where;
}

template <typename Statement>
void Bind(Statement& statement, const PriceFilter& filter) {
  if (filter.from) statement.BindInt(filter.from->FirstDay());
  if (filter.to) statement.BindInt(filter.to->LastDay());
  if (filter.country) statement.BindText(filter.country->str());
  if (filter.drug) statement.BindText(DrugName(*filter.drug));
}

// A parsed vocabulary value, or damage to `table` when the stored text no longer parses.
template <typename T>
Result<T> Vocabulary(Result<T> parsed, std::string_view table) {
  if (!parsed) return Damaged(table, parsed.error());
  return parsed;
}

template <typename Statement>
Result<CultivationRecord> DecodeCultivation(const Statement& row) {
  CultivationRecord record;
  ORDO_TRY(year, ReadOptionalInt(row, 0, kCultivationTable));
  if (!year) return Damaged(kCultivationTable, InvalidArgument("a record without a year"));
  record.year = *year;
  ORDO_TRY(country, ReadCode(row, 1, kCultivationTable));
  record.country = std::move(country);
  record.region = row.ColumnText(2);
  ORDO_TRY(crop, Vocabulary(ParseCrop(row.ColumnText(3)), kCultivationTable));
  record.crop = crop;
  ORDO_TRY(kind, Vocabulary(ParseCultivationKind(row.ColumnText(4)), kCultivationTable));
  record.kind = kind;
  record.hectares = row.ColumnDouble(5);
  record.source = row.ColumnText(6);
  record.synthetic = row.ColumnInt(7) != 0;
  record.note = row.ColumnText(8);
  return record;
}

template <typename Statement>
Result<PriceRecord> DecodePrice(const Statement& row) {
  PriceRecord record;
  ORDO_TRY(date, ReadDate(row, 0, kPriceTable));
  if (!date) return Damaged(kPriceTable, InvalidArgument("a price without a date"));
  record.date = *date;
  ORDO_TRY(country, ReadCode(row, 1, kPriceTable));
  record.country = std::move(country);
  record.place = row.ColumnText(2);
  ORDO_TRY(drug, Vocabulary(ParseDrug(row.ColumnText(3)), kPriceTable));
  record.drug = drug;
  ORDO_TRY(level, Vocabulary(ParsePriceLevel(row.ColumnText(4)), kPriceTable));
  record.level = level;
  record.price = row.ColumnDouble(5);
  ORDO_TRY(unit, Vocabulary(ParsePriceUnit(row.ColumnText(6)), kPriceTable));
  record.unit = unit;
  record.currency = row.ColumnText(7);
  record.purity_percent = row.ColumnOptionalDouble(8);
  record.source = row.ColumnText(9);
  record.synthetic = row.ColumnInt(10) != 0;
  return record;
}

template <typename Record, typename Filter, typename Decode, typename Connection>
Result<std::vector<Record>> ReadMatching(Connection& connection, std::string_view select,
                                         const Filter& filter, Decode decode) {
  ORDO_TRY(statement,
           connection.Prepare(std::string(select) + WhereClause(filter) + " ORDER BY id"));
  Bind(statement, filter);
  std::vector<Record> records;
  while (true) {
    ORDO_TRY(has_row, statement.Step());
    if (!has_row) return records;
    ORDO_TRY(record, decode(statement));
    records.push_back(std::move(record));
  }
}

template <typename Filter, typename Connection>
Result<std::size_t> CountMatching(Connection& connection, std::string_view table,
                                  const Filter& filter) {
  ORDO_TRY(statement,
           connection.Prepare("SELECT count(*) FROM " + std::string(table) + WhereClause(filter)));
  Bind(statement, filter);
  ORDO_TRY(has_row, statement.Step());
  if (!has_row) return Internal("count(*) returned no row");
  return static_cast<std::size_t>(statement.ColumnInt(0));
}

// The matching records in write order. kFailedPrecondition when a stored value no longer parses.
template <typename Connection>
Result<std::vector<CultivationRecord>> ReadCultivation(Connection& connection,
                                                       const CultivationFilter& filter) {
  return ReadMatching<CultivationRecord>(connection, kSelectCultivation, filter,
                                         [](const auto& row) { return DecodeCultivation(row); });
}

template <typename Connection>
Result<std::vector<PriceRecord>> ReadPrices(Connection& connection, const PriceFilter& filter) {
  return ReadMatching<PriceRecord>(connection, kSelectPrice, filter,
                                   [](const auto& row) { return DecodePrice(row); });
}

// The number of matching records.
template <typename Connection>
Result<std::size_t> CountCultivationRows(Connection& connection, const CultivationFilter& filter) {
  return CountMatching(connection, kCultivationTable, filter);
}

template <typename Connection>
Result<std::size_t> CountPriceRows(Connection& connection, const PriceFilter& filter) {
  return CountMatching(connection, kPriceTable, filter);
}

}  // namespace ordo::storage::sql
