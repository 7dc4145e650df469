#include "storage/sqlite/internal/schema_migrations.h"

#include <fmt/format.h>

namespace ordo::storage::internal {

int LatestSchemaVersion() {
  std::span<const SchemaMigration> migrations = SchemaMigrations();
  return migrations.empty() ? 0 : migrations.back().version;
}

Status CheckSchemaVersionSupported(std::int64_t version) {
  if (version <= LatestSchemaVersion()) return OkStatus();
  return FailedPrecondition(fmt::format(
      "database schema version {} is newer than this build of Ordo supports ({}); use a newer "
      "Ordo",
      version, LatestSchemaVersion()));
}

Status MigrateToLatest(Connection& connection) {
  Transaction transaction(connection);
  ORDO_RETURN_IF_ERROR(transaction.Begin());
  ORDO_TRY(current_version, connection.QueryInt("PRAGMA user_version"));
  ORDO_RETURN_IF_ERROR(CheckSchemaVersionSupported(current_version));
  const int latest = LatestSchemaVersion();
  if (current_version == latest) return OkStatus();

  for (const SchemaMigration& migration : SchemaMigrations()) {
    if (migration.version <= current_version) continue;
    Status applied = connection.Execute(migration.sql);
    if (!applied) {
      return Error(applied.error().code(),
                   fmt::format("schema migration {} failed: {}", migration.file_name,
                               applied.error().message()));
    }
    // Prepared per migration: before the first one runs, schema_migrations does not exist.
    ORDO_TRY(record, connection.Prepare("INSERT INTO schema_migrations (version, applied_at) "
                                        "VALUES (?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"));
    record.BindInt(migration.version);
    ORDO_TRY(outcome, record.Insert());
    if (outcome != InsertOutcome::kInserted) {
      return Internal(fmt::format("schema migration {} is already recorded", migration.version));
    }
  }
  // PRAGMA arguments cannot be bound; both values are integers we produce.
  ORDO_RETURN_IF_ERROR(connection.Execute(fmt::format(
      "PRAGMA user_version = {}; PRAGMA application_id = {}", latest, kOrdoApplicationId)));
  return transaction.Commit();
}

}  // namespace ordo::storage::internal
