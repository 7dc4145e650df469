#pragma once
// The SQLite schema migrations, compiled into the binary from src/storage/sqlite/schema/*.sql by
// embed_schema.cmake, and the code that applies them to a connection.

#include <cstdint>
#include <span>
#include <string_view>

#include "core/result.h"
#include "storage/sqlite/internal/sqlite_handle.h"

namespace ordo::storage::internal {

// One schema file: "0002_add_x.sql" has version 2. Versions run 1, 2, ... without gaps (the
// build checks this).
struct SchemaMigration {
  int version;
  std::string_view file_name;
  std::string_view sql;
};

// Every migration in version order. The views point at static storage and never dangle.
std::span<const SchemaMigration> SchemaMigrations();

// The newest schema version this build knows: the last migration's version.
int LatestSchemaVersion();

// kFailedPrecondition when `version` (a database's user_version) is newer than this build knows.
Status CheckSchemaVersionSupported(std::int64_t version);

// Identifies an Ordo database by PRAGMA application_id ("Ordo" in ASCII).
inline constexpr std::int64_t kOrdoApplicationId = 0x4f72646f;

// Brings the schema at `connection` up to LatestSchemaVersion(): in one IMMEDIATE transaction,
// runs every migration newer than PRAGMA user_version in order, records each in
// schema_migrations and sets user_version (and, on a new database, application_id). Re-reads the
// version inside the transaction, so two processes opening one new file migrate it once.
// Returns kFailedPrecondition when the database is newer than this build, kUnavailable when the
// write lock cannot be had, and other SqliteError codes when a migration fails (nothing changes).
Status MigrateToLatest(Connection& connection);

}  // namespace ordo::storage::internal
