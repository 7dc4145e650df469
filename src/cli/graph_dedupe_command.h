#pragma once
// `ordo graph dedupe|merge|unmerge|merges`: candidate duplicates across scripts and reversible,
// recorded merges (analytics/duplicate_candidates.h, LinkStore::RecordMerge; docs/names.md).

namespace CLI {
class App;
}

namespace ordo::cli {

class CommandContext;

// Adds the subcommands to `graph_command` (the `ordo graph` group).
void RegisterGraphDedupeCommands(CLI::App& graph_command, CommandContext& context);

}  // namespace ordo::cli
