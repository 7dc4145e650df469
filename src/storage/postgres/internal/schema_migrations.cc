#include "storage/postgres/internal/schema_migrations.h"

#include <fmt/format.h>

namespace ordo::storage::pg_internal {

int LatestSchemaVersion() {
  std::span<const SchemaMigration> migrations = SchemaMigrations();
  return migrations.empty() ? 0 : migrations.back().version;
}

Result<std::int64_t> CurrentSchemaVersion(Connection& connection) {
  ORDO_TRY(has_migrations,
           connection.QueryInt("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = "
                               "current_schema() AND tablename = 'schema_migrations'"));
  if (has_migrations == 0) {
    ORDO_TRY(tables, connection.QueryInt("SELECT count(*) FROM pg_catalog.pg_tables WHERE "
                                         "schemaname = current_schema()"));
    if (tables != 0) {
      return FailedPrecondition(fmt::format(
          "it is not an Ordo database: its schema holds {} tables but no schema_migrations "
          "(another application's)",
          tables));
    }
    return 0;
  }
  return connection.QueryInt("SELECT coalesce(max(version), 0) FROM schema_migrations");
}

namespace {

Status CheckSupported(std::int64_t version) {
  if (version <= LatestSchemaVersion()) return OkStatus();
  return FailedPrecondition(fmt::format(
      "database schema version {} is newer than this build of Ordo supports ({}); use a newer "
      "Ordo",
      version, LatestSchemaVersion()));
}

}  // namespace

Status MigrateToLatest(Connection& connection) {
  Transaction transaction(connection);
  ORDO_RETURN_IF_ERROR(transaction.Begin());
  ORDO_TRY(current_version, CurrentSchemaVersion(connection));
  ORDO_RETURN_IF_ERROR(CheckSupported(current_version));
  if (current_version == LatestSchemaVersion()) return OkStatus();
  for (const SchemaMigration& migration : SchemaMigrations()) {
    if (migration.version <= current_version) continue;
    Status applied = connection.Execute(migration.sql);
    if (!applied) {
      return Error(applied.error().code(),
                   fmt::format("schema migration {} failed: {}", migration.file_name,
                               applied.error().message()));
    }
    ORDO_TRY(record, connection.Prepare("INSERT INTO schema_migrations (version) VALUES (?)"));
    record.BindInt(migration.version);
    ORDO_TRY(outcome, record.Insert());
    if (outcome != InsertOutcome::kInserted) {
      return Internal(fmt::format("schema migration {} is already recorded", migration.version));
    }
  }
  return transaction.Commit();
}

}  // namespace ordo::storage::pg_internal
