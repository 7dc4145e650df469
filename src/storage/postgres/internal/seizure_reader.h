#pragma once
// Reads seizures back from the PostgreSQL schema (schema.cc) with a SeizureFilter
// turned into a WHERE clause.

#include <cstddef>

#include "core/result.h"
#include "storage/seizure_store.h"
#include "storage/postgres/internal/pg_handle.h"

namespace ordo::storage::pg_internal {

// Calls `visit` for each matching seizure in write order, after offset, at most limit, decoding
// one row at a time. kFailedPrecondition when a stored value no longer parses; the visitor's error
// as it is.
Status VisitSeizures(Connection& connection, const SeizureFilter& filter,
                     const SeizureVisitor& visit);

// The number of matching rows, ignoring offset and limit.
Result<std::size_t> CountSeizureRows(Connection& connection, const SeizureFilter& filter);

}  // namespace ordo::storage::pg_internal
