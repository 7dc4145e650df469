// `ordo simulate --out FILE.csv --count N [--seed S] [--from D --to D]
// [--shift-date D] [--import] [--progress|--quiet]`: synthetic seizure records (synthetic=true on
// every row) and FILE.truth.json beside them; with --import also into the database.
// `ordo simulate --cases N [--groups G] [--seed S] [--truth FILE] [--report] [--if-empty]`:
// synthetic investigations into the database (simulate_cases_command.cc).

#include <CLI/CLI.hpp>
#include <fstream>
#include <memory>

#include "analytics/seizure_import.h"
#include "analytics/seizure_simulator.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/progress_bar.h"
#include "cli/seizure_flags.h"
#include "cli/compartment_flags.h"
#include "cli/simulate_cases.h"

namespace ordo::cli {
namespace {

// Rows between two looks at the progress bar's clock; the bar itself redraws at most 10 times a
// second.
constexpr std::uint64_t kProgressEvery = 1'000;

struct SimulateFlags {
  std::string out;
  std::int64_t count = 0;
  bool count_given = false;  // --count 0 is a bad value, not a missing option
  std::uint64_t seed = 1;
  analytics::SimulationOptions options;
  bool import = false;
  ProgressFlags progress;
  SimulateCasesFlags cases;
  LabelFlags labels;  // --compartment, --marking (of --cases and --import)
};

// --import: the written file into the database, as `ordo seizures import` would.
Status ImportWritten(CommandContext& context, const std::string& path,
                     const analytics::ImportLabels& labels) {
  ORDO_TRY(stores, OpenSeizureStore(context));
  ORDO_TRY(outcome, analytics::ImportSeizureFile(*stores.registry, *stores.seizures, path,
                                                 {std::nullopt, Today()}, labels));
  if (!outcome.problems.empty()) {
    for (const ingest::Diagnostic& problem : outcome.problems) {
      context.err() << problem.ToString() << "\n";
    }
    context.FailWithStatus(kExitDataError, std::to_string(outcome.problems.size()) +
                                               " problem(s) in " + path + "; nothing was imported");
    return OkStatus();
  }
  context.out() << "imported " << outcome.rows_written << " synthetic seizure(s) into "
                << context.DatabasePath() << " (compartment '" << labels.compartment << "')\n";
  return OkStatus();
}

Status RunSimulate(CommandContext& context, SimulateFlags& flags) {
  ORDO_TRY(labels, ParseLabelFlags(flags.labels, kSimulatedCompartment));
  if (flags.cases.cases != 0) return RunSimulateCases(context, flags.cases, flags.seed, labels);
  if (flags.out.empty() || !flags.count_given) {
    context.FailWithStatus(kExitUsage,
                           "simulate: give --out FILE and --count N (1 to 10000000), or --cases N");
    return OkStatus();
  }
  if (flags.count < 1) {
    return InvalidArgument("--count must be from 1 to 10000000, got " +
                           std::to_string(flags.count));
  }
  analytics::SimulationOptions& options = flags.options;
  options.count = static_cast<std::uint64_t>(flags.count);
  options.seed = flags.seed;
  ORDO_RETURN_IF_ERROR(analytics::ValidateSimulationOptions(options));

  std::ofstream csv(flags.out, std::ios::binary | std::ios::trunc);
  if (!csv) return Unavailable("cannot create " + flags.out);
  std::unique_ptr<ProgressBar> bar;
  if (ShouldShowProgress(flags.progress, context.err())) {
    bar = std::make_unique<ProgressBar>(context.err(), "simulate",
                                        ProgressTotals{std::nullopt, options.count});
  }
  analytics::SimulationProgress progress;
  if (bar) progress = [&bar](std::uint64_t rows) { bar->Update(rows); };
  auto summary = analytics::SimulateSeizures(options, csv, progress, kProgressEvery);
  if (!summary) return summary.error();
  if (bar) bar->Finish(summary->rows);
  csv.close();
  if (!csv) return Unavailable("could not finish writing " + flags.out);

  const std::string truth_path = flags.out + ".truth.json";
  std::ofstream truth(truth_path, std::ios::binary | std::ios::trunc);
  if (!truth) return Unavailable("cannot create " + truth_path);
  ORDO_RETURN_IF_ERROR(analytics::WriteSimulationTruth(options, *summary, truth));
  context.out() << "wrote " << summary->rows << " synthetic seizure(s) to " << flags.out
                << " and the ground truth to " << truth_path << "\n";
  if (flags.import) return ImportWritten(context, flags.out, labels);
  return OkStatus();
}

}  // namespace

void RegisterSimulateCommand(CLI::App& app, CommandContext& context) {
  auto flags = std::make_shared<SimulateFlags>();
  CLI::App* command = app.add_subcommand("simulate",
                                         "Write synthetic seizure records (seeded, "
                                         "labelled synthetic) and their truth");
  CLI::Option* out =
      command->add_option("--out", flags->out, "CSV file to write (FILE.truth.json is written beside)");
  CLI::Option* count = command->add_option("--count", flags->count, "Rows to write, 1 to 10000000");
  CLI::Option* cases =
      command->add_option("--cases", flags->cases.cases,
                          "Instead of seizure records: this many synthetic investigations "
                          "(trafficking groups, their phones, vehicles, calls, trips, payments and "
                          "seizures) into the database, 1 to 100000");
  cases->excludes(out)->excludes(count);
  command->add_option("--groups", flags->cases.groups, "With --cases: groups per case, 1 to 20")
      ->capture_default_str()
      ->needs(cases);
  command
      ->add_option("--truth", flags->cases.truth,
                   "With --cases: write the ground truth here (default: beside the database, "
                   "DB.sim<seed>-truth.json)")
      ->needs(cases);
  command
      ->add_flag("--report", flags->cases.report,
                 "With --cases: find communities and print how well they recover the planted "
                 "groups (adjusted Rand index)")
      ->needs(cases);
  command
      ->add_flag("--if-empty", flags->cases.if_empty,
                 "With --cases: do nothing when the database already holds entities")
      ->needs(cases);
  command->add_option("--seed", flags->seed, "Random seed")->capture_default_str();
  AddLabelFlags(*command, flags->labels, kSimulatedCompartment, "With --cases or --import: ");
  command->add_option("--from", flags->options.from, "First day, YYYY-MM-DD")
      ->capture_default_str();
  command->add_option("--to", flags->options.to, "Last day, YYYY-MM-DD")->capture_default_str();
  command->add_option("--shift-date", flags->options.shift_date,
                      "From this day (YYYY-MM-DD) half of the first corridor's records move to "
                      "the second corridor");
  command->add_flag("--import", flags->import,
                    "Also import the written records into the database (--db or the default)");
  AddProgressFlags(*command, flags->progress);
  command->callback([&context, flags, count] {
    flags->count_given = count->count() > 0;
    context.Finish(RunSimulate(context, *flags));
  });
}

}  // namespace ordo::cli
