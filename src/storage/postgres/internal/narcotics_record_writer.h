#pragma once
// Writes cultivation and price records into the PostgreSQL schema
// (schema/0005_cultivation_and_prices.sql).

#include <vector>

#include "core/cultivation_record.h"
#include "core/price_record.h"
#include "core/result.h"
#include "storage/postgres/internal/pg_handle.h"

namespace ordo::storage::pg_internal {

// Insert every record with one prepared statement, inside the caller's open transaction; the
// caller rolls back on error. Errors and messages as NarcoticsRecordStore's contract and
// MemoryNarcoticsRecordStore; other failures as SqliteError.
Status InsertCultivation(Connection& connection, const std::vector<CultivationRecord>& records);
Status InsertPrices(Connection& connection, const std::vector<PriceRecord>& records);

}  // namespace ordo::storage::pg_internal
