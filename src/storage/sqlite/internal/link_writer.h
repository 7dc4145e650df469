#pragma once
// Writes entities and links into the SQLite schema (schema/0007_entities_and_links.sql).

#include "core/result.h"
#include "storage/link_store.h"
#include "storage/sqlite/internal/sqlite_handle.h"

namespace ordo::storage::internal {

// Inserts `batch` inside the caller's open transaction; the caller rolls back on error. Errors
// and messages as LinkStore's contract and MemoryLinkStore; other failures as SqliteError.
Status InsertGraph(Connection& connection, const GraphBatch& batch);

}  // namespace ordo::storage::internal
