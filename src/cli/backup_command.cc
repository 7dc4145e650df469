// `ordo backup FILE [--force]` and `ordo restore FILE`: a consistent copy of the database (--db or
// the default) taken while it may be in use, and its checked, atomic replacement by such a copy.
// The mechanics come from the composition root (CliEnvironment::backup and ::restore).

#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <system_error>

#include "cli/command_context.h"
#include "cli/commands.h"

namespace ordo::cli {
namespace {

struct BackupFlags {
  std::string file;
  bool force = false;
};

std::string SizeText(const std::string& path) {
  std::error_code error;
  const std::uintmax_t bytes = std::filesystem::file_size(path, error);
  if (error) return "size unknown";
  return std::to_string(bytes) + " bytes";
}

Status RunBackup(CommandContext& context, const CliEnvironment& env, const BackupFlags& flags) {
  if (!env.backup) return FailedPrecondition("this build of ordo cannot back up its database");
  const std::string database = context.DatabasePath();
  context.MarkDatabaseUsed();
  ORDO_RETURN_IF_ERROR(env.backup(database, flags.file, flags.force));
  context.out() << "backed up " << database << " to " << flags.file << " (" << SizeText(flags.file)
                << ")\n";
  return OkStatus();
}

Status RunRestore(CommandContext& context, const CliEnvironment& env, const std::string& file) {
  if (!env.restore) return FailedPrecondition("this build of ordo cannot restore a database");
  const std::string database = context.DatabasePath();
  context.MarkDatabaseUsed();
  ORDO_RETURN_IF_ERROR(env.restore(file, database));
  context.out() << "restored " << database << " from " << file << " (" << SizeText(database)
                << ")\n";
  return OkStatus();
}

}  // namespace

void RegisterBackupCommands(CLI::App& app, CommandContext& context, const CliEnvironment& env) {
  auto backup_flags = std::make_shared<BackupFlags>();
  CLI::App* backup = app.add_subcommand(
      "backup", "Copy the database to FILE, safely while it is in use (SQLite online backup)");
  backup->add_option("file", backup_flags->file, "Backup file to write")->required();
  backup->add_flag("--force", backup_flags->force, "Replace FILE if it exists");
  backup->callback(
      [&context, &env, backup_flags] { context.Finish(RunBackup(context, env, *backup_flags)); });

  auto restore_file = std::make_shared<std::string>();
  CLI::App* restore = app.add_subcommand(
      "restore", "Replace the database with a backup, after checking it is a sound Ordo database");
  restore->add_option("file", *restore_file, "Backup file written by `ordo backup`")->required();
  restore->callback(
      [&context, &env, restore_file] { context.Finish(RunRestore(context, env, *restore_file)); });
}

}  // namespace ordo::cli
