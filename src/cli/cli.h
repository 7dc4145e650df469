#pragma once
// The `ordo` command line: parses arguments, runs one command against a store and prints its report.
// The concrete storage backend comes from the composition root (app/) through CliEnvironment.

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "core/result.h"
#include "storage/registry_store.h"

namespace ordo::cli {

struct CliEnvironment {
  // Opens the database at `path`. With create = false a missing file is kNotFound; with create =
  // true it is created with an empty schema.
  std::function<Result<std::unique_ptr<storage::RegistryStore>>(const std::string& path, bool create)>
      open_store;
  std::string default_db_path;  // used when --db is not given; created and seeded on first use
  std::string data_dir;         // bundled data; --data-dir overrides it
  std::string iso_codes_json;   // Debian iso-codes iso_3166-1.json
  std::string locale_dir;       // holds {ru,ky}/LC_MESSAGES/iso_3166-1.mo
};

// Runs the command line; returns the process exit status (cli/exit_codes.h).
int RunCli(int argc, const char* const* argv, const CliEnvironment& env, std::ostream& out,
           std::ostream& err);

}  // namespace ordo::cli
