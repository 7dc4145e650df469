#include "cli/seizure_flags.h"

#include <CLI/CLI.hpp>
#include <chrono>

#include "cli/command_context.h"
#include "cli/compartment_flags.h"
#include "core/drug.h"
#include "core/partial_date.h"

namespace ordo::cli {

void AddSeizureFilterFlags(CLI::App& command, SeizureFilterFlags& flags) {
  command.add_option("--from", flags.from, "Earliest date (YYYY, YYYY-MM or YYYY-MM-DD)");
  command.add_option("--to", flags.to, "Latest date");
  command.add_option("--drug", flags.drug, "A drug name or synonym (docs/formats.md)");
  command.add_option("--synthetic", flags.synthetic, "true or false");
  AddVisibilityFlag(command, flags.compartments);
}

Result<storage::SeizureFilter> ParseSeizureFilter(const SeizureFilterFlags& flags) {
  storage::SeizureFilter filter;
  if (!flags.from.empty()) {
    ORDO_TRY(from, PartialDate::Parse(flags.from));
    filter.from = from;
  }
  if (!flags.to.empty()) {
    ORDO_TRY(to, PartialDate::Parse(flags.to));
    filter.to = to;
  }
  if (!flags.drug.empty()) {
    ORDO_TRY(drug, ParseDrug(flags.drug));
    filter.drug = drug;
  }
  if (flags.synthetic == "true" || flags.synthetic == "false") {
    filter.synthetic = flags.synthetic == "true";
  } else if (!flags.synthetic.empty()) {
    return InvalidArgument("--synthetic takes true or false, not '" + flags.synthetic + "'");
  }
  ORDO_TRY(visibility, ParseVisibilityFlag(flags.compartments));
  filter.visibility = std::move(visibility);
  return filter;
}

Result<OpenedSeizureStore> OpenSeizureStore(CommandContext& context) {
  ORDO_TRY(store, context.OpenStore());
  auto* seizures = dynamic_cast<storage::SeizureStore*>(store.get());
  if (seizures == nullptr) {
    return FailedPrecondition("this database backend does not store seizures");
  }
  return OpenedSeizureStore{std::move(store), seizures};
}

PartialDate Today() {
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day today(days);
  return PartialDate::FromParts(static_cast<int>(today.year()),
                                static_cast<int>(static_cast<unsigned>(today.month())),
                                static_cast<int>(static_cast<unsigned>(today.day())))
      .value();
}

}  // namespace ordo::cli
