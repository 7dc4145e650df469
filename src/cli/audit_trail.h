#pragma once
// The CLI's side of the audit log (docs/audit.md): every command that opened the database leaves
// one record of who ran it, what, on which arguments, from where and how it ended; `ordo audit`
// reads the log through OpenAuditStore.

#include <memory>
#include <string>

#include "core/result.h"
#include "storage/audit_store.h"
#include "storage/registry_store.h"

namespace CLI {
class App;
}

namespace ordo::cli {

class CommandContext;
struct CliEnvironment;

// `audit` points into `store` and lives as long as it.
struct OpenedAuditStore {
  std::unique_ptr<storage::RegistryStore> store;
  storage::AuditStore* audit = nullptr;
};

// The operating-system user running the command, as audit records name it: the login name of the
// effective uid, "NAME via sudo as root" under sudo.
std::string OperatingSystemUser();

// Errors: those of CommandContext::OpenStore; kFailedPrecondition when the backend keeps no audit
// log.
Result<OpenedAuditStore> OpenAuditStore(CommandContext& context);

// After a command ran (app parsed, callbacks done): when it used the database, appends
// {actor: the operating-system user ("name via sudo" under sudo), action: the command path
// ("import ftm"), object: the arguments as given, origin: "cli@HOST", outcome: "ok" or
// "exit N", detail: the error printed}. If the record cannot be written, says so on stderr and,
// when the command itself succeeded, makes it exit 6: an unaudited success is not a success.
void RecordCommand(CommandContext& context, const CliEnvironment& env, const CLI::App& app,
                   int argc, const char* const* argv);

}  // namespace ordo::cli
