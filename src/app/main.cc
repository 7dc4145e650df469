// Composition root of the `ordo` binary: configuration from the environment -> the SQLite store ->
// the command line. The only place that names a concrete storage backend.

#include <cstdlib>
#include <iostream>
#include <string>

#include "cli/cli.h"
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

}  // namespace

int main(int argc, char** argv) {
  ordo::cli::CliEnvironment env;
  env.open_store = [](const std::string& path, bool create)
      -> ordo::Result<std::unique_ptr<ordo::storage::RegistryStore>> {
    auto store = ordo::storage::SqliteStore::Open(
        path, create ? ordo::storage::SqliteOpenMode::kCreateIfMissing
                     : ordo::storage::SqliteOpenMode::kMustExist);
    if (!store) return store.error();
    return std::unique_ptr<ordo::storage::RegistryStore>(std::move(*store));
  };
  env.default_db_path = DefaultDatabasePath();
  env.data_dir = EnvOr("ORDO_DATA_DIR", ORDO_DEFAULT_DATA_DIR);
  env.iso_codes_json = EnvOr("ORDO_ISO_CODES_DIR", ORDO_DEFAULT_ISO_CODES_DIR) + "/iso_3166-1.json";
  env.locale_dir = EnvOr("ORDO_LOCALE_DIR", ORDO_DEFAULT_LOCALE_DIR);
  return ordo::cli::RunCli(argc, argv, env, std::cout, std::cerr);
}
