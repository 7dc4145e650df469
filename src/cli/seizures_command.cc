// `ordo seizures import [--format ordo|unodc] FILE`, `ordo seizures list` and `ordo seizures
// stats`: drug seizure records (docs/formats.md, "Seizures" and "UNODC individual seizure files";
// docs/cli.md).

#include <CLI/CLI.hpp>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "analytics/country_directory.h"
#include "analytics/registry_view.h"
#include "analytics/seizure_import.h"
#include "analytics/seizure_stats.h"
#include "cli/cells.h"
#include "cli/command_context.h"
#include "cli/compartment_flags.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/progress_bar.h"
#include "cli/seizure_flags.h"
#include "ingest/seizure_reader.h"
#include "ingest/unodc_seizure_reader.h"

namespace ordo::cli {
namespace {

using analytics::SeizureFileReader;

// The import's progress drawn as a ProgressBar.
class BarProgress : public analytics::ImportProgress {
 public:
  BarProgress(std::ostream& out, std::uint64_t file_bytes)
      : bar_(out, "seizures import", ProgressTotals{file_bytes, std::nullopt}) {}
  bool Due() const override { return bar_.Due(); }
  void Update(std::uint64_t rows, std::uint64_t bytes) override { bar_.Update(rows, bytes); }
  void Finish(std::uint64_t rows, std::uint64_t bytes) override { bar_.Finish(rows, bytes); }

 private:
  ProgressBar bar_;
};

// The flags of `list`; `stats` takes the same filters and ignores the limit.
struct ListFlags {
  SeizureFilterFlags filter;  // --from, --to, --drug, --synthetic
  std::string country;
  std::size_t limit = 100;
};

struct ImportFlags {
  std::string path;
  std::string format = "ordo";  // "ordo" or "unodc"
  std::string source;           // --source, for UNODC files
  std::optional<double> tablet_mass_mg;
  ProgressFlags progress;
  LabelFlags labels;  // --compartment, --marking
};

SeizureFileReader OrdoReader(const analytics::CountryDirectory& directory,
                             const ingest::SeizureReadOptions& options) {
  auto known = std::make_shared<ingest::KnownCountries>();
  for (const Country& country : directory.countries()) known->insert(country.iso3);
  return [known, options](std::istream& in, const std::string& path,
                          const ingest::SeizureRowSink& sink) {
    return ingest::ReadSeizures(in, path, *known, options, sink);
  };
}

SeizureFileReader UnodcReader(const analytics::CountryDirectory& directory,
                              const ingest::UnodcReadOptions& options) {
  ingest::CountryResolver resolve = [&directory](std::string_view text) -> Result<CountryCode> {
    ORDO_TRY(country, directory.Resolve(text));
    return country->iso3;
  };
  return [resolve, options](std::istream& in, const std::string& path,
                            const ingest::SeizureRowSink& sink) {
    return ingest::ReadUnodcSeizures(in, path, resolve, options, sink);
  };
}

Status RunImport(CommandContext& context, const ImportFlags& flags) {
  const bool unodc = flags.format == "unodc";
  if (unodc && flags.source.empty()) {
    context.FailWithStatus(kExitUsage,
                           "--format unodc needs --source: where the file comes from (a URL or a "
                           "citation); its rows are real records");
    return OkStatus();
  }
  if (!unodc && !flags.source.empty()) {
    context.FailWithStatus(kExitUsage,
                           "--source is for --format unodc; Ordo's CSV has a source column");
    return OkStatus();
  }
  ORDO_TRY(labels, ParseLabelFlags(flags.labels, kDefaultCompartment));
  ORDO_TRY(stores, OpenSeizureStore(context));
  ORDO_TRY(directory, analytics::LoadCountryDirectory(*stores.registry));
  if (directory.countries().empty()) {
    return FailedPrecondition("the database holds no reference data; create it with `ordo init`");
  }
  const SeizureFileReader read =
      unodc ? UnodcReader(directory, {flags.tablet_mass_mg, Today(), flags.source, ""})
            : OrdoReader(directory, {flags.tablet_mass_mg, Today()});
  std::unique_ptr<BarProgress> progress;
  if (ShouldShowProgress(flags.progress, context.err())) {
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(flags.path, error);
    progress = std::make_unique<BarProgress>(context.err(),
                                             error ? 0 : static_cast<std::uint64_t>(size));
  }
  ORDO_TRY(outcome, analytics::ImportSeizures(*stores.seizures, flags.path, read, progress.get(),
                                                      labels));
  if (!outcome.problems.empty()) {
    for (const ingest::Diagnostic& problem : outcome.problems) {
      context.err() << problem.ToString() << "\n";
    }
    context.FailWithStatus(kExitDataError, std::to_string(outcome.problems.size()) +
                                               " problem(s) in " + flags.path +
                                               "; nothing was imported");
    return OkStatus();
  }
  context.out() << "imported " << outcome.rows_written << " seizure(s) from " << flags.path << " ("
                << outcome.synthetic_rows << " synthetic)\n";
  return OkStatus();
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

Status RunStats(CommandContext& context, const ListFlags& flags) {
  ORDO_TRY(filter, ParseFilter(flags));
  ORDO_TRY(stores, OpenSeizureStore(context));
  ORDO_TRY(stats, analytics::ComputeSeizureStats(*stores.seizures, filter));
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

  auto import_flags = std::make_shared<ImportFlags>();
  CLI::App* import_command = seizures->add_subcommand(
      "import", "Import a seizure file: all rows or, if any row is bad, none (docs/formats.md)");
  import_command->add_option("file", import_flags->path, "CSV file")->required();
  import_command
      ->add_option("--format", import_flags->format,
                   "File format: ordo (Ordo's seizure CSV) or unodc (UNODC individual "
                   "seizure style)")
      ->check(CLI::IsMember({"ordo", "unodc"}))
      ->capture_default_str();
  import_command->add_option("--source", import_flags->source,
                             "Where a UNODC file comes from (URL or citation); required with "
                             "--format unodc");
  import_command
      ->add_option("--tablet-mass-mg", import_flags->tablet_mass_mg,
                   "Mass of one tablet, for rows counted in tablets")
      ->check(CLI::PositiveNumber);
  AddProgressFlags(*import_command, import_flags->progress);
  AddLabelFlags(*import_command, import_flags->labels, kDefaultCompartment);
  import_command->callback(
      [&context, import_flags] { context.Finish(RunImport(context, *import_flags)); });

  auto flags = std::make_shared<ListFlags>();
  CLI::App* list = seizures->add_subcommand("list", "List seizures, in import order");
  AddSeizureFilterFlags(*list, flags->filter);
  list->add_option("--country", flags->country, "Country of seizure (ISO alpha-3)");
  list->add_option("--limit", flags->limit, "At most this many rows; 0 = all")
      ->capture_default_str();
  list->callback([&context, flags] { context.Finish(RunList(context, *flags)); });

  auto stats_flags = std::make_shared<ListFlags>();
  CLI::App* stats = seizures->add_subcommand(
      "stats", "Counts and kilograms by drug and year, real and synthetic apart");
  AddSeizureFilterFlags(*stats, stats_flags->filter);
  stats->add_option("--country", stats_flags->country, "Country of seizure (ISO alpha-3)");
  stats->callback([&context, stats_flags] { context.Finish(RunStats(context, *stats_flags)); });
}

}  // namespace ordo::cli
