#pragma once
// Backup and restore of an Ordo SQLite database file: a consistent copy taken with SQLite's online
// backup API while other connections may be reading and writing, and a restore that checks the
// copy before it atomically replaces the database (docs/reliability.md).

#include <string>

#include "core/result.h"

namespace ordo::storage {

struct SqliteBackupOptions {
  // Replace `backup_path` when it already exists (otherwise kAlreadyExists).
  bool overwrite = false;
};

// Copies the Ordo database at `database_path` into `backup_path` as one self-contained SQLite
// file (rollback journal mode, no -wal beside it). The copy is one read transaction on the source,
// so it is a consistent snapshot: writers in other processes go on and their later commits are
// not in it. The copy is written to `backup_path` + ".ordo-partial", checked with PRAGMA
// integrity_check, synced and then renamed over `backup_path`; a crash leaves `backup_path` as it
// was (the partial file may stay behind and is replaced by the next backup).
// Errors: kNotFound (no database), kAlreadyExists (backup_path exists and !overwrite),
// kInvalidArgument (backup_path is the database itself or empty), kFailedPrecondition (the
// database is not an Ordo database or fails its integrity check), kUnavailable (a file cannot be
// read or written, or the database stays locked).
Status BackupSqliteDatabase(const std::string& database_path, const std::string& backup_path,
                            const SqliteBackupOptions& options);

// Checks that `path` is a usable Ordo database without changing it: an SQLite file whose
// application_id is Ordo's, whose schema version this build can read and is the newest one
// recorded in schema_migrations, and which passes PRAGMA integrity_check and foreign_key_check.
// kFailedPrecondition naming the first problem; kNotFound when there is no such file.
Status CheckOrdoDatabaseFile(const std::string& path);

// Replaces the database at `database_path` with the backup at `backup_path`. The backup is copied
// to `database_path` + ".ordo-restore", the copy is checked with CheckOrdoDatabaseFile, synced and
// renamed over the database: the database is either the old one or the backup, never a mix, even
// if the process is killed. `database_path` need not exist. A database that another connection
// has open (for example `ordo serve`) is not replaced: SQLite forbids renaming over an open file.
// Errors: kNotFound (no backup file), kFailedPrecondition (the backup is not a usable Ordo
// database, or database_path holds another application's SQLite database), kUnavailable (the
// database is in use by another process, or a file cannot be read or written). On any error the
// database is unchanged.
Status RestoreSqliteDatabase(const std::string& backup_path, const std::string& database_path);

}  // namespace ordo::storage
