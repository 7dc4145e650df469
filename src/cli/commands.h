#pragma once
// Registration of the `ordo` subcommands, one function per command group. Each adds its
// subcommands to `app`; their callbacks run against `context` and record the exit status there.

namespace CLI {
class App;
}

namespace ordo::cli {

class CommandContext;
struct CliEnvironment;

void RegisterDatabaseCommands(CLI::App& app, CommandContext& context);  // init, summary, import
void RegisterRelationsCommands(CLI::App& app, CommandContext& context);  // relations, timeline, coverage
void RegisterCountryCommand(CLI::App& app, CommandContext& context);     // country
void RegisterOrgsCommand(CLI::App& app, CommandContext& context);        // orgs
void RegisterTradeCommands(CLI::App& app, CommandContext& context);      // trade, trade concentration
void RegisterFactsCommand(CLI::App& app, CommandContext& context);       // facts
void RegisterSimulateCommand(CLI::App& app, CommandContext& context);     // simulate
void RegisterSeizuresCommands(CLI::App& app, CommandContext& context);    // seizures
void RegisterHotspotsCommand(CLI::App& app, CommandContext& context);     // hotspots
void RegisterTrendsCommand(CLI::App& app, CommandContext& context);       // trends
void RegisterRoutesCommand(CLI::App& app, CommandContext& context);       // routes
void RegisterInterdictCommand(CLI::App& app, CommandContext& context);    // interdict
void RegisterBulletinCommand(CLI::App& app, CommandContext& context);     // bulletin
void RegisterNarcoticsCommands(CLI::App& app, CommandContext& context);  // narcotics
void RegisterGraphCommands(CLI::App& app, CommandContext& context);      // graph
// graph communities, kcore, keyplayers: added to the `graph` command by RegisterGraphCommands.
void RegisterGraphGroupCommands(CLI::App& graph_command, CommandContext& context);
void RegisterExportCommand(CLI::App& app, CommandContext& context);      // export
void RegisterServeCommand(CLI::App& app, CommandContext& context,
                          const CliEnvironment& env);                    // serve
void RegisterBackupCommands(CLI::App& app, CommandContext& context,
                            const CliEnvironment& env);  // backup, restore
void RegisterAuditCommands(CLI::App& app, CommandContext& context);  // audit
void RegisterUserCommands(CLI::App& app, CommandContext& context);   // user
void RegisterMigrateCommands(CLI::App& app, CommandContext& context,
                             const CliEnvironment& env);  // migrate, migrate-data

}  // namespace ordo::cli
