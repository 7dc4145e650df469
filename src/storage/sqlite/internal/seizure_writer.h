#pragma once
// Writes seizures into the SQLite schema (schema/0003_seizures.sql, 0004 and 0006).

#include <vector>

#include "core/result.h"
#include "core/seizure.h"
#include "storage/seizure_store.h"
#include "storage/sqlite/internal/sqlite_handle.h"

namespace ordo::storage::internal {

// Inserts every seizure `produce` hands over with two prepared statements, inside the caller's open
// transaction; the caller rolls back on error. Errors and messages as SeizureStore's contract and
// MemorySeizureStore: kAlreadyExists for a seizure_id already stored or repeated, kInvalidArgument
// for an empty id, half a coordinate pair or an unknown country; other failures as SqliteError.
// A write that adds at least as many rows as the table held (and at least 4,096) drops the
// secondary indexes on the way and builds them again after the last row, which makes large
// imports cheaper; a rollback restores them.
Status InsertSeizures(Connection& connection, const SeizureProducer& produce);

}  // namespace ordo::storage::internal
