// `ordo seizures import FILE`, `ordo seizures list` and `ordo seizures stats`: drug seizure
// records (docs/formats.md, "Seizures"; docs/cli.md).

#include <CLI/CLI.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "analytics/seizure_import.h"
#include "analytics/seizure_stats.h"
#include "cli/cells.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/seizure_flags.h"

namespace ordo::cli {
namespace {

struct ListFlags {
  SeizureFilterFlags filter;  // --from, --to, --drug, --synthetic
  std::string country;
  std::size_t limit = 100;
};

PartialDate Today() {
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day today(days);
  return PartialDate::FromParts(static_cast<int>(today.year()),
                                static_cast<int>(static_cast<unsigned>(today.month())),
                                static_cast<int>(static_cast<unsigned>(today.day())))
      .value();
}

void RunImport(CommandContext& context, const std::string& path,
               std::optional<double> tablet_mass_mg) {
  auto stores = OpenSeizureStore(context);
  if (!stores) return context.Fail(stores.error());
  ingest::SeizureReadOptions options{tablet_mass_mg, Today()};
  auto outcome = analytics::ImportSeizureFile(*stores->registry, *stores->seizures, path, options);
  if (!outcome) return context.Fail(outcome.error());
  if (!outcome->problems.empty()) {
    for (const ingest::Diagnostic& problem : outcome->problems) {
      context.err() << problem.ToString() << "\n";
    }
    return context.FailWithStatus(kExitDataError, std::to_string(outcome->problems.size()) +
                                                      " problem(s) in " + path +
                                                      "; nothing was imported");
  }
  context.out() << "imported " << outcome->rows_written << " seizure(s) from " << path << " ("
                << outcome->synthetic_rows << " synthetic)\n";
}

Result<storage::SeizureFilter> ParseFilter(const ListFlags& flags) {
  ORDO_TRY(filter, ParseSeizureFilter(flags.filter));
  if (!flags.country.empty()) {
    ORDO_TRY(country, CountryCode::Parse(flags.country));
    filter.country = std::move(country);
  }
  return filter;
}

Cell CodeCell(const std::optional<CountryCode>& code) {
  if (!code) return std::monostate{};
  return code->str();
}

Status RunList(CommandContext& context, const ListFlags& flags) {
  ORDO_TRY(filter, ParseFilter(flags));
  ORDO_TRY(stores, OpenSeizureStore(context));
  ORDO_TRY(total, stores.seizures->CountSeizures(filter));
  filter.limit = flags.limit;
  Section section{"seizures", "", {}, {}, false};
  section.columns = {{"seizure_id"},
                     {"date"},
                     {"country_iso3"},
                     {"place"},
                     {"drug"},
                     {"quantity"},
                     {"unit"},
                     {"quantity_kg"},
                     {"origin_iso3"},
                     {"destination_iso3"},
                     {"synthetic"},
                     {"source", true},
                     {"conversion_note", true}};
  ORDO_RETURN_IF_ERROR(stores.seizures->ForEachSeizure(filter, [&](const Seizure& seizure) {
    section.rows.push_back({seizure.seizure_id, seizure.date.ToString(), seizure.country.str(),
                            TextOrMissing(seizure.place), std::string(DrugName(seizure.drug)),
                            seizure.quantity, std::string(QuantityUnitName(seizure.unit)),
                            OptionalCell(seizure.quantity_kg), CodeCell(seizure.origin),
                            CodeCell(seizure.destination), seizure.synthetic,
                            TextOrMissing(seizure.source), TextOrMissing(seizure.conversion_note)});
    return OkStatus();
  }));
  Report report{{std::move(section)}, {}};
  report.notes.push_back(std::to_string(report.sections[0].rows.size()) + " of " +
                         std::to_string(total) + " matching seizure(s); --limit 0 lists all");
  context.Print(report);
  return OkStatus();
}

Status RunStats(CommandContext& context) {
  ORDO_TRY(stores, OpenSeizureStore(context));
  ORDO_TRY(stats, analytics::ComputeSeizureStats(*stores.seizures, {}));
  Section section{"seizure_stats", "", {}, {}, false};
  section.columns = {{"drug"},        {"year"}, {"real_count"}, {"real_kg"}, {"synthetic_count"},
                     {"synthetic_kg"}};
  for (const analytics::SeizureStatsRow& row : stats.rows) {
    section.rows.push_back({std::string(DrugName(row.drug)), static_cast<std::int64_t>(row.year),
                            Count(row.real_count), row.real_kg, Count(row.synthetic_count),
                            row.synthetic_kg});
  }
  Report report{{std::move(section)}, {}};
  report.notes.push_back(std::to_string(stats.real_rows) + " real and " +
                         std::to_string(stats.synthetic_rows) +
                         " synthetic seizure(s); synthetic records are never added to real totals");
  context.Print(report);
  return OkStatus();
}

}  // namespace

void RegisterSeizuresCommands(CLI::App& app, CommandContext& context) {
  CLI::App* seizures = app.add_subcommand("seizures", "Drug seizure records: import, list, stats");
  seizures->require_subcommand(1);

  auto path = std::make_shared<std::string>();
  auto tablet_mass = std::make_shared<std::optional<double>>();
  CLI::App* import = seizures->add_subcommand(
      "import", "Import a seizure CSV: all rows or, if any row is bad, none (docs/formats.md)");
  import->add_option("file", *path, "CSV file")->required();
  import->add_option("--tablet-mass-mg", *tablet_mass, "Mass of one tablet, for unit 'tablets'")
      ->check(CLI::PositiveNumber);
  import->callback([&context, path, tablet_mass] { RunImport(context, *path, *tablet_mass);
});

auto flags = std::make_shared<ListFlags>();
CLI::App* list = seizures->add_subcommand("list", "List seizures, in import order");
AddSeizureFilterFlags(*list, flags->filter);
list->add_option("--country", flags->country, "Country of seizure (ISO alpha-3)");
list->add_option("--limit", flags->limit, "At most this many rows; 0 = all")->capture_default_str();
list->callback([&context, flags] { context.Finish(RunList(context, *flags)); });

seizures->add_subcommand("stats", "Counts and kilograms by drug and year, real and synthetic apart")
    ->callback([&context] { context.Finish(RunStats(context)); });
}  // namespace ordo::cli

}  // namespace ordo::cli
