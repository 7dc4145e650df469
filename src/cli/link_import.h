#pragma once
// `ordo import ftm FILE`: a FollowTheMoney entity stream into the link analysis store
// (analytics/ftm_import.h). Registered by RegisterDatabaseCommands beside the CSV kinds.

#include <string>

namespace CLI {
class App;
}

namespace ordo::cli {

class CommandContext;

struct FtmImportFlags {
  std::string source;
  std::string case_id;
  bool synthetic = false;
  bool no_shared_nodes = false;
};

// Adds --source, --case, --synthetic and --no-shared-nodes to `import` (they concern ftm only).
void AddFtmImportFlags(CLI::App& import, FtmImportFlags& flags);

// Imports `path`; problems go to stderr with exit status 65 and nothing written.
void RunFtmImport(CommandContext& context, const std::string& path, const FtmImportFlags& flags);

}  // namespace ordo::cli
