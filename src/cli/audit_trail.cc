#include "cli/audit_trail.h"

#include <pwd.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "cli/cli.h"
#include "cli/command_context.h"
#include "cli/exit_codes.h"

namespace ordo::cli {
namespace {

constexpr std::size_t kMaxObjectBytes = 2000;
constexpr std::size_t kMaxDetailBytes = 2000;

std::string Truncated(std::string text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t cut = limit;
  // Do not split a UTF-8 sequence: back up over continuation bytes.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return text + "…";
}

std::string Origin() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) return "cli";
  return std::string("cli@") + host;
}

std::string CommandPath(const CLI::App& app) {
  std::string path;
  const CLI::App* current = &app;
  while (true) {
    const std::vector<CLI::App*> parsed = current->get_subcommands();
    if (parsed.empty()) break;
    current = parsed.front();
    if (!path.empty()) path += ' ';
    path += current->get_name();
  }
  return path;
}

std::string Arguments(int argc, const char* const* argv) {
  std::string joined;
  for (int i = 1; i < argc; ++i) {
    if (!joined.empty()) joined += ' ';
    const std::string argument = argv[i];
    if (argument.empty() || argument.find_first_of(" \t\n'\"") != std::string::npos) {
      joined += '\'';
      for (char c : argument) joined += c == '\'' ? std::string("'\\''") : std::string(1, c);
      joined += '\'';
    } else {
      joined += argument;
    }
  }
  return joined;
}

}  // namespace

std::string OperatingSystemUser() {
  std::string name;
  if (const passwd* entry = getpwuid(geteuid()); entry != nullptr && entry->pw_name != nullptr) {
    name = entry->pw_name;
  } else {
    name = "uid " + std::to_string(geteuid());
  }
  if (const char* sudo_user = std::getenv("SUDO_USER"); sudo_user != nullptr && *sudo_user) {
    name = std::string(sudo_user) + " via sudo as " + name;
  }
  return name;
}

Result<OpenedAuditStore> OpenAuditStore(CommandContext& context) {
  ORDO_TRY(store, context.OpenStore());
  auto* audit = dynamic_cast<storage::AuditStore*>(store.get());
  if (audit == nullptr) return FailedPrecondition("this database backend keeps no audit log");
  return OpenedAuditStore{std::move(store), audit};
}

void RecordCommand(CommandContext& context, const CliEnvironment& env, const CLI::App& app,
                   int argc, const char* const* argv) {
  if (!context.database_used()) return;
  const std::string path = context.DatabasePath();
  std::error_code missing;
  // A file that is gone (a failed init removed it) has no log to write to; a database server's
  // URI is not a file.
  if (!IsDatabaseUri(path) && !std::filesystem::exists(path, missing)) return;

  AuditEntry entry;
  entry.at = AuditTimestamp(std::chrono::system_clock::now());
  entry.actor = OperatingSystemUser();
  entry.action = CommandPath(app);
  entry.object = Truncated(Arguments(argc, argv), kMaxObjectBytes);
  entry.origin = Origin();
  entry.outcome = context.exit_code() == 0 ? "ok" : "exit " + std::to_string(context.exit_code());
  entry.detail = Truncated(context.last_error(), kMaxDetailBytes);

  Status recorded = [&]() -> Status {
    ORDO_TRY(store, env.open_store(path, /*create=*/false));
    auto* audit = dynamic_cast<storage::AuditStore*>(store.get());
    if (audit == nullptr) return OkStatus();  // a backend without an audit log
    auto appended = audit->AppendAudit(entry);
    if (!appended) return appended.error();
    return OkStatus();
  }();
  if (recorded) return;
  context.err() << "ordo: could not record this command in the audit log: "
                << recorded.error().message() << "\n";
  if (context.exit_code() == 0) {
    context.FailWithStatus(ExitCodeFor(ErrorCode::kUnavailable),
                           "the command ran but is not audited");
  }
}

}  // namespace ordo::cli
