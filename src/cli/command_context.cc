#include "cli/command_context.h"

#include <filesystem>
#include <system_error>

#include "cli/exit_codes.h"

namespace ordo::cli {

std::string CommandContext::DatabasePath() const {
  return options_.db_path.empty() ? env_.default_db_path : options_.db_path;
}

std::string CommandContext::DataDir() const {
  return options_.data_dir.empty() ? env_.data_dir : options_.data_dir;
}

analytics::ReferenceSources CommandContext::Reference() const {
  return {env_.iso_codes_json, env_.locale_dir + "/ru/LC_MESSAGES/iso_3166-1.mo",
          env_.locale_dir + "/ky/LC_MESSAGES/iso_3166-1.mo", DataDir() + "/reference"};
}

Result<Language> CommandContext::Lang() const {
  auto language = ParseLanguage(options_.lang);
  if (!language) return InvalidArgument("--lang: " + language.error().message());
  return language;
}

Result<std::unique_ptr<storage::RegistryStore>> CommandContext::OpenDatabase(
    const std::string& database, bool create) const {
  return env_.open_store(database, create);
}

Status CommandContext::CreateSeededDatabase(const std::string& path) {
  if (IsDatabaseUri(path)) {
    ORDO_TRY(store, env_.open_store(path, /*create=*/true));
    ORDO_TRY(counts, store->Counts());
    if (counts.countries != 0) return AlreadyExists("database already holds a registry: " + path);
    auto report = analytics::SeedRegistry(*store, DataDir(), Reference());
    if (!report) return report.error();
    if (!report->problems.empty()) {
      std::string message =
          "the bundled data in " + DataDir() + " has problems; nothing was created:";
      for (const ingest::Diagnostic& problem : report->problems) {
        message += "\n  " + problem.ToString();
      }
      return FailedPrecondition(std::move(message));
    }
    MarkDatabaseUsed();
    return OkStatus();
  }
  std::error_code ignored;
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ignored);
  auto remove_files = [&] {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix, ignored);
  };
  ORDO_TRY(store, env_.open_store(path, /*create=*/true));
  auto report = analytics::SeedRegistry(*store, DataDir(), Reference());
  store.reset();
  if (!report) {
    remove_files();
    return report.error();
  }
  if (!report->problems.empty()) {
    remove_files();
    std::string message = "the bundled data in " + DataDir() + " has problems; nothing was created:";
    for (const ingest::Diagnostic& problem : report->problems) message += "\n  " + problem.ToString();
    return FailedPrecondition(std::move(message));
  }
  MarkDatabaseUsed();
  return OkStatus();
}

Result<std::unique_ptr<storage::RegistryStore>> CommandContext::OpenStore() {
  const std::string path = DatabasePath();
  std::error_code error;
  const bool exists = IsDatabaseUri(path) || std::filesystem::exists(path, error);
  if (!exists && !options_.db_path.empty()) {
    return NotFound("database file not found: " + path + " (create it with `ordo init --db " +
                    path + "`)");
  }
  if (!exists) {
    err_ << "ordo: creating the default database at " << path << " from " << DataDir() << "\n";
    ORDO_RETURN_IF_ERROR(CreateSeededDatabase(path));
  }
  auto store = env_.open_store(path, /*create=*/false);
  if (store) MarkDatabaseUsed();
  return store;
}

void CommandContext::Fail(const Error& error) {
  FailWithStatus(ExitCodeFor(error.code()), error.message());
}

void CommandContext::FailWithStatus(int exit_code, const std::string& message) {
  err_ << "ordo: " << message << "\n";
  exit_code_ = exit_code;
  last_error_ = message;
}

void CommandContext::Print(const Report& report) {
  auto format = Format();
  if (!format) return Fail(format.error());
  WriteReport(out_, report, *format);
}

}  // namespace ordo::cli
