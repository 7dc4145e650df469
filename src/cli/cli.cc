#include "cli/cli.h"

#include <CLI/CLI.hpp>

#include "cli/audit_trail.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"

namespace ordo::cli {

bool IsDatabaseUri(const std::string& database) {
  return database.find("://") != std::string::npos;
}

int RunCli(int argc, const char* const* argv, const CliEnvironment& env, std::ostream& out,
           std::ostream& err) {
  CommandContext context(env, out, err);
  CLI::App app("Ordo: Kyrgyzstan's external relations and counter-narcotics analytics", "ordo");
  app.require_subcommand(1);
  app.fallthrough();
  GlobalOptions& options = context.options();
  app.add_option("--db", options.db_path,
                 "SQLite database file, or a postgresql:// URI (default: " +
                     env.default_db_path + ")");
  app.add_option("--format", options.format, "Output format")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  app.add_option("--lang", options.lang, "Language of country names")
      ->check(CLI::IsMember({"en", "ru", "ky"}))
      ->capture_default_str();
  app.add_option("--data-dir", options.data_dir,
                 "Bundled data used to create a database (default: " + env.data_dir + ")");

  RegisterDatabaseCommands(app, context);
  RegisterRelationsCommands(app, context);
  RegisterCountryCommand(app, context);
  RegisterOrgsCommand(app, context);
  RegisterTradeCommands(app, context);
  RegisterFactsCommand(app, context);
  RegisterSimulateCommand(app, context);
  RegisterSeizuresCommands(app, context);
  RegisterHotspotsCommand(app, context);
  RegisterTrendsCommand(app, context);
  RegisterRoutesCommand(app, context);
  RegisterInterdictCommand(app, context);
  RegisterBulletinCommand(app, context);
  RegisterNarcoticsCommands(app, context);
  RegisterGraphCommands(app, context);
  RegisterExportCommand(app, context);
  RegisterServeCommand(app, context, env);
  RegisterBackupCommands(app, context, env);
  RegisterAuditCommands(app, context);
  RegisterUserCommands(app, context);
  RegisterMigrateCommands(app, context, env);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& parse_error) {
    // --help anywhere prints the help of the command it follows.
    if (parse_error.get_exit_code() == 0) return app.exit(parse_error, out, err);
    err << "ordo: " << parse_error.what() << "\n"
        << "Run 'ordo --help' for the commands and their options.\n";
    return kExitUsage;
  }
  RecordCommand(context, env, app, argc, argv);
  return context.exit_code();
}

}  // namespace ordo::cli
