#pragma once
// Writes entities and links into the PostgreSQL schema (schema.cc).

#include "core/result.h"
#include "storage/link_store.h"
#include "storage/postgres/internal/pg_handle.h"

namespace ordo::storage::pg_internal {

// Inserts `batch` inside the caller's open transaction; the caller rolls back on error. Errors
// and messages as LinkStore's contract and MemoryLinkStore; other failures as SqliteError.
Status InsertGraph(Connection& connection, const GraphBatch& batch);

}  // namespace ordo::storage::pg_internal
