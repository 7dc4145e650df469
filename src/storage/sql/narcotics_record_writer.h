#pragma once
// Writes cultivation and price records.
// Shared by the SQLite and PostgreSQL stores: a template over either backend's handle
// (storage/sql/sql_dialect.h).

#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "core/cultivation_record.h"
#include "core/price_record.h"
#include "core/result.h"
#include "storage/narcotics_record_store.h"
#include "storage/sql/sql_dialect.h"

namespace ordo::storage::sql {

inline constexpr std::string_view kInsertCultivation =
    "INSERT INTO cultivation_records (year, country, region, crop, kind, hectares, source, "
    "synthetic, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
inline constexpr std::string_view kInsertPrice =
    "INSERT INTO drug_prices (date, first_day, last_day, country, place, drug, level, price, "
    "unit, currency, purity_percent, source, synthetic) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

template <typename Statement>
void Bind(Statement& insert, const CultivationRecord& record) {
  insert.BindInt(record.year);
  insert.BindText(record.country.str());
  insert.BindText(record.region);
  insert.BindText(CropName(record.crop));
  insert.BindText(CultivationKindName(record.kind));
  insert.BindDouble(record.hectares);
  insert.BindText(record.source);
  insert.BindInt(record.synthetic ? 1 : 0);
  insert.BindText(record.note);
}

template <typename Statement>
void Bind(Statement& insert, const PriceRecord& record) {
  insert.BindText(record.date.ToString());
  insert.BindInt(record.date.FirstDay());
  insert.BindInt(record.date.LastDay());
  insert.BindText(record.country.str());
  insert.BindText(record.place);
  insert.BindText(DrugName(record.drug));
  insert.BindText(PriceLevelName(record.level));
  insert.BindDouble(record.price);
  insert.BindText(PriceUnitName(record.unit));
  insert.BindText(record.currency);
  insert.BindOptionalDouble(record.purity_percent);
  insert.BindText(record.source);
  insert.BindInt(record.synthetic ? 1 : 0);
}

// The record's own fields first, then the UNIQUE and FOREIGN KEY outcomes of its INSERT; a key
// repeated in the store always names a stored country, so the two never both apply.
template <typename Record, typename Check, typename Connection>
Status InsertAll(Connection& connection, std::string_view sql, std::string_view what,
                 const std::vector<Record>& records, Check check) {
  ORDO_TRY(insert, connection.Prepare(sql));
  for (const Record& record : records) {
    ORDO_RETURN_IF_ERROR(check(record));
    Bind(insert, record);
    ORDO_TRY(outcome, insert.Insert());
    if (outcome == InsertOutcome::kUniqueViolation) {
      return AlreadyExists(fmt::format("{} {} already exists", what, DescribeKey(record)));
    }
    if (outcome == InsertOutcome::kForeignKeyViolation) {
      return InvalidArgument(fmt::format("{} {}: unknown country '{}'", what, DescribeKey(record),
                                         record.country.str()));
    }
  }
  return OkStatus();
}

// Insert every record with one prepared statement, inside the caller's open transaction; the
// caller rolls back on error. Errors and messages as NarcoticsRecordStore's contract and
// MemoryNarcoticsRecordStore; other failures as the backend maps them.
template <typename Connection>
Status InsertCultivation(Connection& connection, const std::vector<CultivationRecord>& records) {
  return InsertAll(connection, kInsertCultivation, "cultivation record", records,
                   CheckCultivationRecord);
}

template <typename Connection>
Status InsertPrices(Connection& connection, const std::vector<PriceRecord>& records) {
  return InsertAll(connection, kInsertPrice, "price record", records, CheckPriceRecord);
}

}  // namespace ordo::storage::sql
