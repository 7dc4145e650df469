#pragma once
// `ordo import ftm FILE`: a FollowTheMoney entity stream into the link analysis store
// (analytics/ftm_import.h); `ordo import graphml FILE` and `ordo import links FILE --mapping M`
// the same way. Registered by RegisterDatabaseCommands beside the CSV kinds.

#include <string>

#include "cli/compartment_flags.h"

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
  std::string mapping;  // links: the JSON column mapping
  LabelFlags labels;    // --compartment, --marking
};

// Adds --source, --case, --synthetic, --no-shared-nodes, --mapping, --compartment and --marking to
// `import` (they concern ftm, graphml and links only).
void AddFtmImportFlags(CLI::App& import, FtmImportFlags& flags);

// Imports `path`; problems go to stderr with exit status 65 and nothing written.
void RunFtmImport(CommandContext& context, const std::string& path, const FtmImportFlags& flags);

// `ordo import graphml FILE` (analytics/graphml_import.h), with --source, --case and --synthetic.
void RunGraphmlImport(CommandContext& context, const std::string& path,
                      const FtmImportFlags& flags);

// `ordo import links FILE --mapping MAPPING.json` (analytics/link_csv_import.h).
void RunLinksImport(CommandContext& context, const std::string& path, const FtmImportFlags& flags);

}  // namespace ordo::cli
