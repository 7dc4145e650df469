#pragma once
// The `ordo` command line: parses arguments, runs one command against a store and prints its report.
// The concrete storage backend comes from the composition root (app/) through CliEnvironment.

#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "core/result.h"
#include "storage/registry_store.h"

namespace ordo::cli {

// What `ordo serve` asks the composition root to run (the CLI does not know the HTTP server).
struct ServeOptions {
  std::string db_path;              // an existing, initialised database
  std::string host = "127.0.0.1";   // an IP address or a host name
  std::uint16_t port = 8080;        // 0 picks a free port
  std::string web_root;             // the built web application; need not exist
  int threads = 2;                  // worker threads that answer requests
  int session_idle_minutes = 30;    // a session unused this long ends
  int session_max_minutes = 12 * 60;  // any session ends this long after sign-in
  double rate_limit = 50;
  std::string tls_cert_file;        // HTTPS when both are set (PEM)
  std::string tls_key_file;           // requests per second per session or token (bursts of 4x); 0: off
  // Called once the port is bound, with the URL to open ("http://127.0.0.1:8080/").
  std::function<void(const std::string& url)> on_listening;
  // Called after on_listening on a loopback address when no account exists, with the one-time
  // sign-in link of the local administrator.
  std::function<void(const std::string& link)> on_signin_link;
  // Told about events while serving (the database changed and was re-read, or could not be).
  std::function<void(const std::string& message)> log;
};

struct CliEnvironment {
  // Opens the database at `path`: a file, or a URI ("scheme://...", see IsDatabaseUri) naming a
  // database server. With create = false a missing file, or a server database without Ordo's
  // tables, is an error; with create = true it is created with an empty schema.
  std::function<Result<std::unique_ptr<storage::RegistryStore>>(const std::string& path, bool create)>
      open_store;
  std::string default_db_path;  // used when --db is not given; created and seeded on first use
  std::string data_dir;         // bundled data; --data-dir overrides it
  std::string iso_codes_json;   // Debian iso-codes iso_3166-1.json
  std::string locale_dir;       // holds {ru,ky}/LC_MESSAGES/iso_3166-1.mo
  // Serves the API and the web application until SIGINT or SIGTERM; OK after a graceful stop.
  // Errors: kInvalidArgument for an address that cannot be listened on, kUnavailable for a port
  // in use, or what loading the database returns. Empty in a build without a server.
  std::function<Status(const ServeOptions& options)> serve;
  std::string default_web_root;  // --web-root when not given
  // `ordo backup`: copies the database at `database` to `file` while it may be in use; replaces
  // an existing `file` only with `overwrite`. `ordo restore`: checks the backup at `file` and
  // atomically replaces the database at `database` with it. Errors as in
  // storage/sqlite/sqlite_backup.h. Empty in a build without them.
  std::function<Status(const std::string& database, const std::string& file, bool overwrite)>
      backup;
  std::function<Status(const std::string& file, const std::string& database)> restore;
  // `ordo migrate`: brings the schema of the database at `database` (a file that must exist, or a
  // URI, whose tables are created when missing) to the newest version this build knows and
  // returns that version. Empty in a build without it.
  std::function<Result<int>(const std::string& database)> migrate;
};

// True when a --db value is a URI naming a database server ("postgresql://..."), not a file.
bool IsDatabaseUri(const std::string& database);

// Runs the command line; returns the process exit status (cli/exit_codes.h).
int RunCli(int argc, const char* const* argv, const CliEnvironment& env, std::ostream& out,
           std::ostream& err);

}  // namespace ordo::cli
