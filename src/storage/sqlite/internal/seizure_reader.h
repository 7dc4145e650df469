#pragma once
// Reads seizures back from the SQLite schema (schema/0003_seizures.sql, 0004 and 0006) with a SeizureFilter
// turned into a WHERE clause.

#include <cstddef>

#include "core/result.h"
#include "storage/seizure_store.h"
#include "storage/sqlite/internal/sqlite_handle.h"

namespace ordo::storage::internal {

// Calls `visit` for each matching seizure in write order, after offset, at most limit, decoding
// one row at a time. kFailedPrecondition when a stored value no longer parses; the visitor's error
// as it is.
Status VisitSeizures(Connection& connection, const SeizureFilter& filter,
                     const SeizureVisitor& visit);

// The number of matching rows, ignoring offset and limit.
Result<std::size_t> CountSeizureRows(Connection& connection, const SeizureFilter& filter);

}  // namespace ordo::storage::internal
