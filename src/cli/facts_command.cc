// `ordo facts [--topic T]`: the sourced drug-trade facts.

#include <CLI/CLI.hpp>

#include "analytics/registry_lists.h"
#include "cli/cells.h"
#include "cli/command_context.h"
#include "cli/commands.h"

namespace ordo::cli {
namespace {

Status RunFacts(CommandContext& context, const std::string& topic) {
  ORDO_TRY(store, context.OpenStore());
  ORDO_TRY(facts, analytics::FindDrugFacts(*store, topic));
  Section section{"facts", "", {}, {}, false};
  section.columns = {{"fact_id"}, {"topic"}, {"year"}, {"quantity"}, {"unit"}, {"place"},
                     {"statement"}, {"source_url", true}, {"notes", true}};
  for (const DrugFact& fact : facts) {
    section.rows.push_back({fact.fact_id, fact.topic, IntCell(fact.year), OptionalCell(fact.quantity),
                            TextOrMissing(fact.unit), TextOrMissing(fact.place), fact.statement,
                            fact.source_url, TextOrMissing(fact.notes)});
  }
  Report report{{std::move(section)}, {}};
  report.notes.push_back(
      "seizure totals come from different agencies and periods and are not one series; "
      "use --format csv or json for sources and notes");
  context.Print(report);
  return OkStatus();
}

}  // namespace

void RegisterFactsCommand(CLI::App& app, CommandContext& context) {
  auto topic = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand("facts", "Sourced facts about the illegal drug trade");
  command->add_option("--topic", *topic,
                      "Only one topic: cultivation, eradication, transit, seizures, institution, "
                      "cooperation");
  command->callback([&context, topic] { context.Finish(RunFacts(context, *topic)); });
}

}  // namespace ordo::cli
