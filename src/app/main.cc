// Composition root of the `ordo` binary: configuration from the environment -> the store (a SQLite
// file, or PostgreSQL for a postgresql:// URI) -> the command line, and the HTTP server for
// `ordo serve`. The only place that names a concrete storage backend, and the only one that sees
// both the CLI and the API.

#include <sys/stat.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <iostream>
#include <memory>
#include <string>

#include "api/server.h"
#include "cli/cli.h"
#include "storage/postgres/postgres_store.h"
#include "storage/sqlite/sqlite_backup.h"
#include "storage/sqlite/sqlite_store.h"

namespace {

std::string EnvOr(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::string(value) : fallback;
}

// $ORDO_DB, else $XDG_DATA_HOME/ordo/ordo.db, else ~/.local/share/ordo/ordo.db.
std::string DefaultDatabasePath() {
  const std::string home = EnvOr("HOME", ".");
  const std::string data_home = EnvOr("XDG_DATA_HOME", home + "/.local/share");
  return EnvOr("ORDO_DB", data_home + "/ordo/ordo.db");
}

// A postgresql:// (or postgres://) URI opens PostgreSQL; anything else is a SQLite file.
ordo::Result<std::unique_ptr<ordo::storage::RegistryStore>> OpenStore(const std::string& path,
                                                                      bool create) {
  if (ordo::storage::IsPostgresUri(path)) {
    auto store = ordo::storage::PostgresStore::Open(
        path, create ? ordo::storage::PostgresOpenMode::kCreateIfMissing
                     : ordo::storage::PostgresOpenMode::kMustExist);
    if (!store) return store.error();
    return std::unique_ptr<ordo::storage::RegistryStore>(std::move(*store));
  }
  auto store = ordo::storage::SqliteStore::Open(
      path, create ? ordo::storage::SqliteOpenMode::kCreateIfMissing
                   : ordo::storage::SqliteOpenMode::kMustExist);
  if (!store) return store.error();
  return std::unique_ptr<ordo::storage::RegistryStore>(std::move(*store));
}

// The seizure side of the same database, for the API's narcotics routes: each worker borrows
// one such connection per request (api/seizure_store_pool.h) instead of loading the records.
ordo::Result<std::unique_ptr<ordo::storage::SeizureStore>> OpenSeizures(const std::string& path) {
  if (ordo::storage::IsPostgresUri(path)) {
    auto store =
        ordo::storage::PostgresStore::Open(path, ordo::storage::PostgresOpenMode::kMustExist);
    if (!store) return store.error();
    return std::unique_ptr<ordo::storage::SeizureStore>(std::move(*store));
  }
  auto store = ordo::storage::SqliteStore::Open(path, ordo::storage::SqliteOpenMode::kMustExist);
  if (!store) return store.error();
  return std::unique_ptr<ordo::storage::SeizureStore>(std::move(*store));
}

// The entities and links of the same database, for the API's graph routes: read once per change of
// the file into the graph they answer from, and opened per request for an entity's properties.
ordo::Result<std::unique_ptr<ordo::storage::LinkStore>> OpenLinks(const std::string& path) {
  if (ordo::storage::IsPostgresUri(path)) {
    auto store =
        ordo::storage::PostgresStore::Open(path, ordo::storage::PostgresOpenMode::kMustExist);
    if (!store) return store.error();
    return std::unique_ptr<ordo::storage::LinkStore>(std::move(*store));
  }
  auto store = ordo::storage::SqliteStore::Open(path, ordo::storage::SqliteOpenMode::kMustExist);
  if (!store) return store.error();
  return std::unique_ptr<ordo::storage::LinkStore>(std::move(*store));
}

// The data version and the link data version of a database, as the snapshot provider polls them
// (data_version first, then link_data_version, both under its lock).
struct DataVersionReaders {
  std::function<ordo::Result<std::int64_t>()> data_version;
  std::function<ordo::Result<std::int64_t>()> link_data_version;
};

// Of a PostgreSQL database (PostgresStore::DataVersion, LinkDataVersion), read over one connection
// kept open between checks and opened again after a failure.
DataVersionReaders PostgresDataVersion(const std::string& uri) {
  auto connection = std::make_shared<std::unique_ptr<ordo::storage::PostgresStore>>();
  DataVersionReaders readers;
  readers.data_version = [uri, connection]() -> ordo::Result<std::int64_t> {
    if (*connection == nullptr) {
      auto store =
          ordo::storage::PostgresStore::Open(uri, ordo::storage::PostgresOpenMode::kMustExist);
      if (!store) return store.error();
      *connection = std::move(*store);
    }
    ordo::Result<std::int64_t> version = (*connection)->DataVersion();
    if (!version) connection->reset();
    return version;
  };
  readers.link_data_version = [connection]() -> ordo::Result<std::int64_t> {
    if (*connection == nullptr) return ordo::Unavailable("the data version could not be read");
    ordo::Result<std::int64_t> version = (*connection)->LinkDataVersion();
    if (!version) connection->reset();
    return version;
  };
  return readers;
}

// Of a SQLite file (SqliteStore::DataVersion, LinkDataVersion), read over one connection kept open
// between checks. A file replaced under the server (`ordo restore`) has another inode: the
// connection is opened again on the new file, and both values jump by 2^40 so that they differ
// from anything read before, whatever the new file's own counters say.
DataVersionReaders SqliteDataVersion(const std::string& path) {
  struct State {
    std::unique_ptr<ordo::storage::SqliteStore> store;
    ino_t inode = 0;
    dev_t device = 0;
    std::int64_t offset = 0;
  };
  auto state = std::make_shared<State>();
  DataVersionReaders readers;
  readers.data_version = [path, state]() -> ordo::Result<std::int64_t> {
    struct stat file {};
    if (::stat(path.c_str(), &file) != 0) {
      state->store.reset();
      return ordo::Unavailable("cannot read " + path + ": " + std::strerror(errno));
    }
    if (state->store != nullptr && (file.st_ino != state->inode || file.st_dev != state->device)) {
      state->store.reset();
      state->offset += std::int64_t{1} << 40;
    }
    if (state->store == nullptr) {
      auto store = ordo::storage::SqliteStore::Open(path, ordo::storage::SqliteOpenMode::kMustExist);
      if (!store) return store.error();
      state->store = std::move(*store);
      state->inode = file.st_ino;
      state->device = file.st_dev;
    }
    ordo::Result<std::int64_t> version = state->store->DataVersion();
    if (!version) {
      state->store.reset();
      return version;
    }
    return *version + state->offset;
  };
  // On the connection (and file) data_version has just read.
  readers.link_data_version = [state]() -> ordo::Result<std::int64_t> {
    if (state->store == nullptr) return ordo::Unavailable("the data version could not be read");
    ordo::Result<std::int64_t> version = state->store->LinkDataVersion();
    if (!version) {
      state->store.reset();
      return version;
    }
    return *version + state->offset;
  };
  return readers;
}

// The accounts of the same database, for the server's sign-in (re-read on every request).
ordo::Result<std::unique_ptr<ordo::storage::AccountStore>> OpenAccounts(const std::string& path) {
  if (ordo::storage::IsPostgresUri(path)) {
    auto store =
        ordo::storage::PostgresStore::Open(path, ordo::storage::PostgresOpenMode::kMustExist);
    if (!store) return store.error();
    return std::unique_ptr<ordo::storage::AccountStore>(std::move(*store));
  }
  auto store = ordo::storage::SqliteStore::Open(path, ordo::storage::SqliteOpenMode::kMustExist);
  if (!store) return store.error();
  return std::unique_ptr<ordo::storage::AccountStore>(std::move(*store));
}

// The audit log of the same database, for the server's records of sign-ins and of requests.
ordo::Result<std::unique_ptr<ordo::storage::AuditStore>> OpenAudit(const std::string& path) {
  if (ordo::storage::IsPostgresUri(path)) {
    auto store =
        ordo::storage::PostgresStore::Open(path, ordo::storage::PostgresOpenMode::kMustExist);
    if (!store) return store.error();
    return std::unique_ptr<ordo::storage::AuditStore>(std::move(*store));
  }
  auto store = ordo::storage::SqliteStore::Open(path, ordo::storage::SqliteOpenMode::kMustExist);
  if (!store) return store.error();
  return std::unique_ptr<ordo::storage::AuditStore>(std::move(*store));
}

// The graph jobs of the same database, so that their results outlive a restart (api/graph_jobs.h).
ordo::Result<std::unique_ptr<ordo::storage::GraphJobStore>> OpenGraphJobs(
    const std::string& path) {
  if (ordo::storage::IsPostgresUri(path)) {
    auto store =
        ordo::storage::PostgresStore::Open(path, ordo::storage::PostgresOpenMode::kMustExist);
    if (!store) return store.error();
    return std::unique_ptr<ordo::storage::GraphJobStore>(std::move(*store));
  }
  auto store = ordo::storage::SqliteStore::Open(path, ordo::storage::SqliteOpenMode::kMustExist);
  if (!store) return store.error();
  return std::unique_ptr<ordo::storage::GraphJobStore>(std::move(*store));
}

// `ordo serve`: the API server over the database, re-read whenever its data version changes: a
// write by any `ordo` process, or a SQLite file replaced (docs/api/README.md, "Freshness").
ordo::Status Serve(const ordo::cli::ServeOptions& options) {
  ordo::api::ServeConfig config;
  config.http.host = options.host;
  config.http.port = options.port;
  config.http.worker_threads = options.threads;
  config.http.tls_cert_file = options.tls_cert_file;
  config.http.tls_key_file = options.tls_key_file;
  config.web_root = options.web_root;
  config.data.open_store = [path = options.db_path] { return OpenStore(path, /*create=*/false); };
  DataVersionReaders versions = ordo::storage::IsPostgresUri(options.db_path)
                                    ? PostgresDataVersion(options.db_path)
                                    : SqliteDataVersion(options.db_path);
  config.data.data_version = std::move(versions.data_version);
  config.data.link_data_version = std::move(versions.link_data_version);
  config.data.open_seizures = [path = options.db_path] { return OpenSeizures(path); };
  config.data.open_links = [path = options.db_path] { return OpenLinks(path); };
  config.snapshots.log = options.log;
  config.snapshots.idle_seizure_stores = static_cast<std::size_t>(options.threads);
  config.open_accounts = [path = options.db_path] { return OpenAccounts(path); };
  config.open_audit = [path = options.db_path] { return OpenAudit(path); };
  config.jobs.open_store = [path = options.db_path] { return OpenGraphJobs(path); };
  config.auth.session_idle = std::chrono::minutes(options.session_idle_minutes);
  config.auth.session_max = std::chrono::minutes(options.session_max_minutes);
  config.auth.rate_per_second = options.rate_limit;
  config.auth.rate_burst = 4 * options.rate_limit;
  config.on_listening = options.on_listening;
  config.on_signin_link = options.on_signin_link;
  config.log = options.log;
  return ordo::api::Serve(std::move(config));
}

}  // namespace

int main(int argc, char** argv) {
  ordo::cli::CliEnvironment env;
  env.open_store = OpenStore;
  env.default_db_path = DefaultDatabasePath();
  env.data_dir = EnvOr("ORDO_DATA_DIR", ORDO_DEFAULT_DATA_DIR);
  env.iso_codes_json = EnvOr("ORDO_ISO_CODES_DIR", ORDO_DEFAULT_ISO_CODES_DIR) + "/iso_3166-1.json";
  env.locale_dir = EnvOr("ORDO_LOCALE_DIR", ORDO_DEFAULT_LOCALE_DIR);
  env.serve = Serve;
  env.default_web_root = EnvOr("ORDO_WEB_ROOT", ORDO_DEFAULT_WEB_ROOT);
  env.backup = [](const std::string& database, const std::string& file,
                  bool overwrite) -> ordo::Status {
    if (ordo::storage::IsPostgresUri(database)) {
      return ordo::FailedPrecondition(
          "ordo backup copies SQLite files; back up a PostgreSQL database with pg_dump");
    }
    return ordo::storage::BackupSqliteDatabase(database, file, {.overwrite = overwrite});
  };
  env.restore = [](const std::string& file, const std::string& database) -> ordo::Status {
    if (ordo::storage::IsPostgresUri(database)) {
      return ordo::FailedPrecondition(
          "ordo restore replaces SQLite files; restore a PostgreSQL database with pg_restore");
    }
    return ordo::storage::RestoreSqliteDatabase(file, database);
  };
  env.migrate = [](const std::string& database) -> ordo::Result<int> {
    if (ordo::storage::IsPostgresUri(database)) {
      auto store = ordo::storage::PostgresStore::Open(
          database, ordo::storage::PostgresOpenMode::kCreateIfMissing);
      if (!store) return store.error();
      return (*store)->SchemaVersion();
    }
    auto store =
        ordo::storage::SqliteStore::Open(database, ordo::storage::SqliteOpenMode::kMustExist);
    if (!store) return store.error();
    return (*store)->SchemaVersion();
  };
  return ordo::cli::RunCli(argc, argv, env, std::cout, std::cerr);
}
