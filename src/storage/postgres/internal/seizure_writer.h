#pragma once
// Writes seizures into the PostgreSQL schema (schema.cc).

#include <vector>

#include "core/result.h"
#include "core/seizure.h"
#include "storage/seizure_store.h"
#include "storage/postgres/internal/pg_handle.h"

namespace ordo::storage::pg_internal {

// Writes every seizure `produce` hands over with one COPY ... FROM STDIN, inside the caller's open
// transaction; the caller rolls back on error. Errors and messages as SeizureStore's contract and
// MemorySeizureStore: kAlreadyExists for a seizure_id already stored or repeated, kInvalidArgument
// for an empty id, half a coordinate pair, a bad route place or an unknown country; other failures
// as PgError. `store_failed` tells the store's own errors from the producer's, returned as they
// are.
Status InsertSeizures(Connection& connection, const SeizureProducer& produce, bool& store_failed);

}  // namespace ordo::storage::pg_internal
