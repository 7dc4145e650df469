// `ordo simulate --out FILE.csv --count N [--seed S] [--from D --to D]
// [--shift-date D] [--progress|--quiet]`: synthetic seizure records (synthetic=true on every
// row) and FILE.truth.json beside them.

#include <CLI/CLI.hpp>
#include <fstream>
#include <memory>

#include "analytics/seizure_simulator.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/progress_bar.h"

namespace ordo::cli {
namespace {

// Rows between two looks at the progress bar's clock; the bar itself redraws at most 10 times a
// second.
constexpr std::uint64_t kProgressEvery = 1'000;

struct SimulateFlags {
  std::string out;
  std::int64_t count = 0;
  std::uint64_t seed = 1;
  analytics::SimulationOptions options;
  ProgressFlags progress;
};

Status RunSimulate(CommandContext& context, SimulateFlags& flags) {
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
  return OkStatus();
}

}  // namespace

void RegisterSimulateCommand(CLI::App& app, CommandContext& context) {
  auto flags = std::make_shared<SimulateFlags>();
  CLI::App* command = app.add_subcommand("simulate",
                                         "Write synthetic seizure records (seeded, "
                                         "labelled synthetic) and their truth");
  command->add_option("--out", flags->out, "CSV file to write (FILE.truth.json is written beside)")
      ->required();
  command->add_option("--count", flags->count, "Rows to write, 1 to 10000000")->required();
  command->add_option("--seed", flags->seed, "Random seed")->capture_default_str();
  command->add_option("--from", flags->options.from, "First day, YYYY-MM-DD")
      ->capture_default_str();
  command->add_option("--to", flags->options.to, "Last day, YYYY-MM-DD")->capture_default_str();
  command->add_option("--shift-date", flags->options.shift_date,
                      "From this day (YYYY-MM-DD) half of the first corridor's records move to "
                      "the second corridor");
  AddProgressFlags(*command, flags->progress);
  command->callback([&context, flags] { context.Finish(RunSimulate(context, *flags)); });
}

}  // namespace ordo::cli
