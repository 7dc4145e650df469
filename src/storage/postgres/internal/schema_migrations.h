#pragma once
// The PostgreSQL schema migrations, compiled into the binary from src/storage/postgres/schema/*.sql
// (by storage/sqlite/embed_schema.cmake), and the code that applies them to a connection.

#include <cstdint>
#include <span>
#include <string_view>

#include "core/result.h"
#include "storage/postgres/internal/pg_handle.h"

namespace ordo::storage::pg_internal {

// One schema file: "0002_add_x.sql" has version 2. Versions run 1, 2, ... without gaps.
struct SchemaMigration {
  int version;
  std::string_view file_name;
  std::string_view sql;
};

// Every migration in version order. The views point at static storage and never dangle.
std::span<const SchemaMigration> SchemaMigrations();

// The newest schema version this build knows.
int LatestSchemaVersion();

// The schema version of the connection's current schema (search_path): the highest version in
// its schema_migrations, 0 when it has none. kFailedPrecondition when the schema holds tables but
// no schema_migrations (another application's).
Result<std::int64_t> CurrentSchemaVersion(Connection& connection);

// Brings the current schema up to LatestSchemaVersion() in one transaction under the store's
// write lock, so two processes opening one new database migrate it once: runs every newer
// migration in order and records each in schema_migrations. kFailedPrecondition when the
// database is newer than this build; nothing changes when a migration fails.
Status MigrateToLatest(Connection& connection);

}  // namespace ordo::storage::pg_internal
