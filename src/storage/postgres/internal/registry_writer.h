#pragma once
// Writes a RegistryBatch into the PostgreSQL schema (schema.cc), one table per row kind.

#include "core/result.h"
#include "storage/registry_store.h"
#include "storage/postgres/internal/pg_handle.h"

namespace ordo::storage::pg_internal {

// Inserts every row of `batch` with prepared statements, in the order of RegistryBatch's fields
// (every Country before any Country's land_neighbours), inside the caller's open transaction; the
// caller rolls back on error. Returns kAlreadyExists or kInvalidArgument naming the key or country
// code, with the same messages as MemoryStore, and kInvalidArgument for a Country with an empty
// iso3; other failures as SqliteError maps them.
Status InsertBatch(Connection& connection, const RegistryBatch& batch);

}  // namespace ordo::storage::pg_internal
