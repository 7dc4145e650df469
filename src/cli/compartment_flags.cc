#include "cli/compartment_flags.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "core/account.h"

namespace ordo::cli {

void AddLabelFlags(CLI::App& command, LabelFlags& flags, std::string_view default_compartment,
                   std::string_view prefix) {
  command.add_option("--compartment", flags.compartment,
                     fmt::format("{}the compartment every row written joins (default {})", prefix,
                                 default_compartment));
  command.add_option("--marking", flags.marking,
                     fmt::format("{}the classification marking of every row written: unmarked "
                                 "(default), official-use, secret or top-secret",
                                 prefix));
}

Result<analytics::ImportLabels> ParseLabelFlags(const LabelFlags& flags,
                                                std::string_view default_compartment) {
  analytics::ImportLabels labels;
  labels.compartment =
      flags.compartment.empty() ? std::string(default_compartment) : flags.compartment;
  if (Status name = CheckCompartmentName(labels.compartment); !name) {
    return InvalidArgument("--compartment: " + name.error().message());
  }
  Result<Marking> marking = ParseMarking(flags.marking);
  if (!marking) return InvalidArgument("--marking: " + marking.error().message());
  labels.marking = *marking;
  return labels;
}

void AddVisibilityFlag(CLI::App& command, std::vector<std::string>& compartments) {
  command.add_option("--compartment", compartments,
                     "Only the case data of this compartment (repeatable; default: every one)");
}

Result<Visibility> ParseVisibilityFlag(const std::vector<std::string>& compartments) {
  if (compartments.empty()) return Visibility::Every();
  for (const std::string& compartment : compartments) {
    if (Status name = CheckCompartmentName(compartment); !name) {
      return InvalidArgument("--compartment: " + name.error().message());
    }
  }
  return Visibility::Only(compartments);
}

std::string MarkingNotice(Marking marking, std::size_t records) {
  return fmt::format("marking: {} (the highest of the {} record(s) in it)", MarkingName(marking),
                     records);
}

}  // namespace ordo::cli
