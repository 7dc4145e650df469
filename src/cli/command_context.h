#pragma once
// CommandContext: what every command needs besides its own flags: the global options (--db,
// --format, --lang, --data-dir), a way to open the store, and where to print.

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "analytics/registry_seed.h"
#include "cli/cli.h"
#include "cli/report.h"
#include "core/country.h"

namespace ordo::cli {

struct GlobalOptions {
  std::string db_path;  // empty: the default location
  std::string format = "table";
  std::string lang = "en";
  std::string data_dir;  // empty: the environment's
  // `ordo graph --compartment C` (repeatable): the compartments its graph is built from; empty:
  // every one (docs/compartments.md).
  std::vector<std::string> graph_compartments;
};

class CommandContext {
 public:
  CommandContext(const CliEnvironment& env, std::ostream& out, std::ostream& err)
      : env_(env), out_(out), err_(err) {}

  GlobalOptions& options() { return options_; }
  std::ostream& out() { return out_; }
  std::ostream& err() { return err_; }

  // The database path in use: --db, or the default location.
  std::string DatabasePath() const;
  std::string DataDir() const;
  analytics::ReferenceSources Reference() const;

  // Opens the store. An explicit --db must exist (kNotFound otherwise); the default location is
  // created and seeded from the bundled data on first use. A database URI is opened as it is.
  Result<std::unique_ptr<storage::RegistryStore>> OpenStore();
  // Opens the database at `database` (a file or a URI) through the environment.
  Result<std::unique_ptr<storage::RegistryStore>> OpenDatabase(const std::string& database,
                                                               bool create) const;
  // Creates a new database at `path` and seeds it; on any failure the new file is removed. A URI
  // names a server database that must hold no rows yet (kAlreadyExists otherwise).
  Status CreateSeededDatabase(const std::string& path);

  Result<OutputFormat> Format() const { return ParseOutputFormat(options_.format); }
  Result<Language> Lang() const;

  // Prints "ordo: <message>" and records the exit status for `error`.
  void Fail(const Error& error);
  // Fails with the status's error, if it has one.
  void Finish(const Status& status) {
    if (!status) Fail(status.error());
  }
  void FailWithStatus(int exit_code, const std::string& message);
  // Prints the report in the chosen format (or fails on a bad --format).
  void Print(const Report& report);

  int exit_code() const { return exit_code_; }
  // The last message Fail printed, "" when none (for the audit record).
  const std::string& last_error() const { return last_error_; }

  // Whether the command opened or created the database, so that it is audited
  // (cli/audit_trail.h). OpenStore and CreateSeededDatabase set it; commands that reach the file
  // otherwise (backup, restore) call MarkDatabaseUsed.
  bool database_used() const { return database_used_; }
  void MarkDatabaseUsed() { database_used_ = true; }

 private:
  const CliEnvironment& env_;
  std::ostream& out_;
  std::ostream& err_;
  GlobalOptions options_;
  int exit_code_ = 0;
  std::string last_error_;
  bool database_used_ = false;
};

}  // namespace ordo::cli
