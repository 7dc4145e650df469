#include "storage/sqlite/sqlite_backup.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <system_error>
#include <thread>

#include "storage/sqlite/internal/schema_migrations.h"
#include "storage/sqlite/internal/sqlite_handle.h"

namespace ordo::storage {
namespace {

namespace fs = std::filesystem;

constexpr int kBackupBusyTimeoutMs = 5000;
// A restore waits less for the database's lock: a holder is usually `ordo serve`, which will not
// let go, and the user should hear so soon.
constexpr int kRestoreBusyTimeoutMs = 1000;

struct CloseDatabase {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Database = std::unique_ptr<sqlite3, CloseDatabase>;

Result<Database> OpenDatabase(const std::string& path, int flags, int busy_timeout_ms) {
  sqlite3* raw = nullptr;
  int result_code = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Database db(raw);
  if (result_code != SQLITE_OK) {
    return internal::SqliteError(db.get(), result_code, fmt::format("cannot open {}", path));
  }
  sqlite3_extended_result_codes(db.get(), 1);
  sqlite3_busy_timeout(db.get(), busy_timeout_ms);
  return db;
}

Status Execute(sqlite3* db, const std::string& sql) {
  int result_code = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  if (result_code != SQLITE_OK) return internal::SqliteError(db, result_code, sql);
  return OkStatus();
}

// The first column of every row of `sql`, as text joined by "; " (at most ten rows).
Result<std::string> QueryRows(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* raw = nullptr;
  int result_code = sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr);
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, sqlite3_finalize);
  if (result_code != SQLITE_OK) return internal::SqliteError(db, result_code, sql);
  std::string rows;
  for (int row = 0; row < 10; ++row) {
    result_code = sqlite3_step(statement.get());
    if (result_code == SQLITE_DONE) break;
    if (result_code != SQLITE_ROW) return internal::SqliteError(db, result_code, sql);
    const unsigned char* text = sqlite3_column_text(statement.get(), 0);
    if (!rows.empty()) rows += "; ";
    rows += text != nullptr ? reinterpret_cast<const char*>(text) : "NULL";
  }
  return rows;
}

Result<std::int64_t> QueryInt(sqlite3* db, const std::string& sql) {
  ORDO_TRY(text, QueryRows(db, sql));
  try {
    return std::stoll(text);
  } catch (const std::exception&) {
    return Internal(fmt::format("{} returned '{}', not a number", sql, text));
  }
}

// Removes `path` and the files SQLite keeps beside it. A stale journal or log beside a new file
// would be played back into it, so none may survive a rename onto `path`.
void RemoveWithCompanions(const std::string& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(path + suffix, ignored);
}

Status SyncPath(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags);
  if (fd < 0) {
    return Unavailable(
        fmt::format("cannot open {}: {}", path, std::generic_category().message(errno)));
  }
  int synced = ::fsync(fd);
  int sync_errno = errno;
  ::close(fd);
  if (synced != 0) {
    return Unavailable(
        fmt::format("cannot sync {}: {}", path, std::generic_category().message(sync_errno)));
  }
  return OkStatus();
}

// Renames `from` over `to` and syncs their directory, so that the rename survives a power cut.
Status RenameDurably(const std::string& from, const std::string& to) {
  if (std::rename(from.c_str(), to.c_str()) != 0) {
    return Unavailable(fmt::format("cannot rename {} to {}: {}", from, to,
                                   std::generic_category().message(errno)));
  }
  fs::path directory = fs::path(to).parent_path();
  return SyncPath(directory.empty() ? "." : directory.string(), O_RDONLY | O_DIRECTORY);
}

// Copies every page of `source` into a new file at `destination_path` in one backup step, which
// reads the source in one transaction (a consistent snapshot). The copy is switched to rollback
// journal mode so that it is a single self-contained file.
Status CopyDatabase(sqlite3* source, const std::string& destination_path) {
  ORDO_TRY(destination, OpenDatabase(destination_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                     kBackupBusyTimeoutMs));
  sqlite3_backup* backup = sqlite3_backup_init(destination.get(), "main", source, "main");
  if (backup == nullptr) {
    return internal::SqliteError(destination.get(), sqlite3_errcode(destination.get()), "backup");
  }
  int result_code = SQLITE_OK;
  // Busy and locked are transient (another connection holds a lock SQLite's busy handler could
  // not wait out in this step); anything else ends the copy.
  for (int attempt = 0; attempt < 50; ++attempt) {
    result_code = sqlite3_backup_step(backup, -1);
    if (result_code != SQLITE_BUSY && result_code != SQLITE_LOCKED) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  sqlite3_backup_finish(backup);
  if (result_code != SQLITE_DONE) {
    // The source's message says why its pages could not be read (not a database, damaged).
    sqlite3* reporter = sqlite3_errcode(source) != SQLITE_OK ? source : destination.get();
    return internal::SqliteError(reporter, result_code, "copying the database");
  }
  ORDO_TRY(mode, QueryRows(destination.get(), "PRAGMA journal_mode = DELETE"));
  if (mode != "delete") return Internal("the copy stayed in journal mode " + mode);
  return OkStatus();
}

Error NotAnOrdoDatabase(const std::string& path, const std::string& why) {
  return FailedPrecondition(fmt::format("{} is not a usable Ordo database: {}", path, why));
}

// The checks of CheckOrdoDatabaseFile on an open connection.
Status CheckOrdoDatabase(sqlite3* db, const std::string& path) {
  Result<std::int64_t> application_id = QueryInt(db, "PRAGMA application_id");
  if (!application_id) {
    return NotAnOrdoDatabase(path, "it is not an SQLite database, or it is damaged (" +
                                       application_id.error().message() + ")");
  }
  Result<std::int64_t> table_count = QueryInt(db, "SELECT count(*) FROM sqlite_schema");
  if (*application_id == 0 && table_count && *table_count == 0) {
    return NotAnOrdoDatabase(path, "it is empty");
  }
  if (*application_id != internal::kOrdoApplicationId) {
    return NotAnOrdoDatabase(
        path, fmt::format("it is an SQLite database of another application (application_id {})",
                          *application_id));
  }
  ORDO_TRY(user_version, QueryInt(db, "PRAGMA user_version"));
  if (Status supported = internal::CheckSchemaVersionSupported(user_version); !supported) {
    return NotAnOrdoDatabase(path, supported.error().message());
  }
  Result<std::int64_t> recorded =
      QueryInt(db, "SELECT coalesce(max(version), 0) FROM schema_migrations");
  if (!recorded) return NotAnOrdoDatabase(path, "it has no readable schema_migrations table");
  if (*recorded != user_version || user_version < 1) {
    return NotAnOrdoDatabase(path, fmt::format("its schema version is {} but schema_migrations "
                                               "records {}",
                                               user_version, *recorded));
  }
  Result<std::string> integrity = QueryRows(db, "PRAGMA integrity_check");
  if (!integrity)
    return NotAnOrdoDatabase(path, "it is damaged (" + integrity.error().message() + ")");
  if (*integrity != "ok")
    return NotAnOrdoDatabase(path, "it fails its integrity check: " + *integrity);
  Result<std::string> dangling = QueryRows(db, "PRAGMA foreign_key_check");
  if (!dangling)
    return NotAnOrdoDatabase(path, "it is damaged (" + dangling.error().message() + ")");
  if (!dangling->empty()) {
    return NotAnOrdoDatabase(path, "it has rows that refer to missing rows in " + *dangling);
  }
  return OkStatus();
}

// CheckOrdoDatabaseFile of the file at `path`, with `name` in the messages.
Status CheckFileNamed(const std::string& path, const std::string& name) {
  std::error_code error;
  if (!fs::exists(path, error)) return NotFound("file not found: " + name);
  if (!fs::is_regular_file(path, error)) return NotAnOrdoDatabase(name, "it is not a regular file");
  // Read-only: checking must not play back a journal or create a log beside the file.
  Result<Database> db = OpenDatabase(path, SQLITE_OPEN_READONLY, kBackupBusyTimeoutMs);
  if (!db) return NotAnOrdoDatabase(name, db.error().message());
  return CheckOrdoDatabase(db->get(), name);
}

bool IsDamage(const Error& error) { return error.code() == ErrorCode::kFailedPrecondition; }

// Takes the database at `path`, which is about to be replaced, out of WAL mode: SQLite allows
// that only when no other connection has the file open, so success proves that nobody is using
// it. `lock` then holds an exclusive lock on it until the caller has renamed the new file in.
// A damaged file is no obstacle (the restore is there to replace it); another application's
// database is.
Status TakeOverDatabase(const std::string& path, Database& lock) {
  ORDO_TRY(db, OpenDatabase(path, SQLITE_OPEN_READWRITE, kRestoreBusyTimeoutMs));
  Result<std::int64_t> application_id = QueryInt(db.get(), "PRAGMA application_id");
  if (!application_id && IsDamage(application_id.error())) return OkStatus();
  if (!application_id) return application_id.error();
  ORDO_TRY(table_count, QueryInt(db.get(), "SELECT count(*) FROM sqlite_schema"));
  if (*application_id != internal::kOrdoApplicationId &&
      (*application_id != 0 || table_count != 0)) {
    return FailedPrecondition(fmt::format(
        "{} holds an SQLite database of another application (application_id {}); restore "
        "replaces only Ordo databases",
        path, *application_id));
  }
  Result<std::string> mode = QueryRows(db.get(), "PRAGMA journal_mode = DELETE");
  if (!mode || *mode != "delete") {
    return Unavailable(fmt::format(
        "{} is in use by another process (for example `ordo serve`); stop it and restore again",
        path));
  }
  if (Status locked = Execute(db.get(), "BEGIN EXCLUSIVE"); !locked) {
    return Unavailable(
        fmt::format("{} is in use by another process: {}", path, locked.error().message()));
  }
  lock = std::move(db);
  return OkStatus();
}

}  // namespace

Status CheckOrdoDatabaseFile(const std::string& path) { return CheckFileNamed(path, path); }

Status BackupSqliteDatabase(const std::string& database_path, const std::string& backup_path,
                            const SqliteBackupOptions& options) {
  if (backup_path.empty()) return InvalidArgument("backup file name is empty");
  std::error_code error;
  if (!fs::exists(database_path, error))
    return NotFound("database file not found: " + database_path);
  if (fs::exists(backup_path, error)) {
    if (fs::equivalent(database_path, backup_path, error)) {
      return InvalidArgument(backup_path + " is the database itself");
    }
    if (!options.overwrite) {
      return AlreadyExists(backup_path + " already exists (--force replaces it)");
    }
  }
  // Read-write, so that the source's write-ahead log is read like any other connection reads it.
  ORDO_TRY(source, OpenDatabase(database_path, SQLITE_OPEN_READWRITE, kBackupBusyTimeoutMs));
  Result<std::int64_t> application_id = QueryInt(source.get(), "PRAGMA application_id");
  if (!application_id || *application_id != internal::kOrdoApplicationId) {
    return NotAnOrdoDatabase(database_path, "it is not an Ordo database");
  }
  const std::string partial = backup_path + ".ordo-partial";
  RemoveWithCompanions(partial);
  auto fail = [&partial](const Error& failure) {
    RemoveWithCompanions(partial);
    return failure;
  };
  if (Status copied = CopyDatabase(source.get(), partial); !copied) return fail(copied.error());
  source.reset();
  if (Status checked = CheckOrdoDatabaseFile(partial); !checked) {
    return fail(
        FailedPrecondition(fmt::format("the copy of {} is not sound, nothing was written: {}",
                                       database_path, checked.error().message())));
  }
  if (Status synced = SyncPath(partial, O_RDONLY); !synced) return fail(synced.error());
  // The rename replaces an older backup in one step; only files SQLite would read beside it go.
  for (const char* suffix : {"-journal", "-wal", "-shm"}) fs::remove(backup_path + suffix, error);
  if (Status renamed = RenameDurably(partial, backup_path); !renamed) return fail(renamed.error());
  return OkStatus();
}

Status RestoreSqliteDatabase(const std::string& backup_path, const std::string& database_path) {
  if (database_path.empty()) return InvalidArgument("database path is empty");
  std::error_code error;
  if (!fs::exists(backup_path, error)) return NotFound("backup file not found: " + backup_path);
  if (fs::exists(database_path, error) && fs::equivalent(database_path, backup_path, error)) {
    return InvalidArgument(backup_path + " is the database itself");
  }
  const fs::path parent = fs::path(database_path).parent_path();
  if (!parent.empty()) fs::create_directories(parent, error);

  const std::string staged = database_path + ".ordo-restore";
  RemoveWithCompanions(staged);
  auto fail = [&staged, &database_path](const Error& failure) {
    RemoveWithCompanions(staged);
    return Error(failure.code(), failure.message() + "; " + database_path + " was not changed");
  };
  Result<Database> source = OpenDatabase(backup_path, SQLITE_OPEN_READONLY, kBackupBusyTimeoutMs);
  if (!source) return fail(NotAnOrdoDatabase(backup_path, source.error().message()));
  if (Status copied = CopyDatabase(source->get(), staged); !copied) {
    if (IsDamage(copied.error()))
      return fail(NotAnOrdoDatabase(backup_path, copied.error().message()));
    return fail(copied.error());
  }
  source->reset();
  // The copy, not the file the user named, is what replaces the database: check that.
  if (Status checked = CheckFileNamed(staged, backup_path); !checked) return fail(checked.error());
  if (Status synced = SyncPath(staged, O_RDONLY); !synced) return fail(synced.error());

  Database lock;
  if (fs::exists(database_path, error)) {
    if (Status taken = TakeOverDatabase(database_path, lock); !taken) return fail(taken.error());
  }
  // Out of WAL mode (or damaged) now: a journal or log left beside it belongs to the old file.
  for (const char* suffix : {"-journal", "-wal", "-shm"}) fs::remove(database_path + suffix, error);
  if (Status renamed = RenameDurably(staged, database_path); !renamed) return fail(renamed.error());
  return OkStatus();
}

}  // namespace ordo::storage
