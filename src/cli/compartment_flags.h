#pragma once
// The compartment flags of the CLI (docs/compartments.md): --compartment and --marking on imports
// (the compartment and marking every row written gets), and repeatable --compartment on reads (only
// the rows of those compartments; the CLI, run by the owner of the database file, reads every
// compartment otherwise).

#include <string>
#include <string_view>
#include <vector>

#include "analytics/case_compartment_check.h"
#include "core/result.h"
#include "core/visibility.h"

namespace CLI {
class App;
}

namespace ordo::cli {

struct LabelFlags {
  std::string compartment;  // "" until given: the default is the command's
  std::string marking = "unmarked";
};

// Adds --compartment C and --marking M to an import `command`; `default_compartment` is what
// --help shows and what ParseLabelFlags gives when --compartment is absent. `prefix` starts the
// help text ("ftm, graphml, links: ").
void AddLabelFlags(CLI::App& command, LabelFlags& flags, std::string_view default_compartment,
                   std::string_view prefix = "");

// Errors: kInvalidArgument for a bad compartment name ("--compartment: compartment name ...") or
// an unknown marking ("--marking: unknown marking ...").
Result<analytics::ImportLabels> ParseLabelFlags(const LabelFlags& flags,
                                                std::string_view default_compartment);

// Adds a repeatable --compartment C to a read `command`.
void AddVisibilityFlag(CLI::App& command, std::vector<std::string>& compartments);

// Every compartment when `compartments` is empty, else only those. Errors: kInvalidArgument for a
// bad name.
Result<Visibility> ParseVisibilityFlag(const std::vector<std::string>& compartments);

// How a derived output names its marking on stderr: "marking: secret (the highest of the N
// records in it)".
std::string MarkingNotice(Marking marking, std::size_t records);

}  // namespace ordo::cli
