// Hotspots and trends against a plain read of the same rows (issue #4): on one SQLite database
// (bench/seizures/run.sh imports 1 million simulated seizures into it), measures
//   BM_ReadAllSeizures       SeizureStore::ForEachSeizure over every row, visitor only counting;
//   BM_ComputeHotspots       analytics::ComputeHotspots with the CLI's defaults (10 km, 20 km, kg);
//   BM_ComputeSeizureTrends  analytics::ComputeSeizureTrends by drug, region and conveyance;
// and then prints each analysis's median time divided by the read's median time, against the
// target (< 2.0). Every analysis reads through the store, so the ratio is what the analysis adds.
//
//   seizure_analysis_benchmark --db=FILE [--benchmark_repetitions=N] [other --benchmark_* flags]

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/hotspot_report.h"
#include "analytics/seizure_trends.h"
#include "storage/sqlite/sqlite_store.h"

namespace {

using ordo::storage::SqliteStore;

constexpr double kTargetRatio = 2.0;
constexpr std::string_view kReadBenchmark = "BM_ReadAllSeizures";

// Opened once in main; every benchmark reads the same file through the same connection.
SqliteStore* g_store = nullptr;

void Fail(benchmark::State& state, const ordo::Error& error) {
  state.SkipWithError(error.message().c_str());
}

void BM_ReadAllSeizures(benchmark::State& state) {
  std::size_t rows = 0;
  for (auto _ : state) {
    rows = 0;
    ordo::Status walked = g_store->ForEachSeizure({}, [&rows](const ordo::Seizure& seizure) {
      benchmark::DoNotOptimize(seizure.seizure_id.data());
      ++rows;
      return ordo::OkStatus();
    });
    if (!walked) return Fail(state, walked.error());
  }
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["rows_per_s"] =
      benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_ComputeHotspots(benchmark::State& state) {
  ordo::analytics::HotspotOptions options;  // the CLI's defaults but --top: every cell
  std::size_t cells = 0;
  for (auto _ : state) {
    auto report = ordo::analytics::ComputeHotspots(*g_store, options);
    if (!report) return Fail(state, report.error());
    cells = report->cells.size();
    benchmark::DoNotOptimize(report->cells.data());
  }
  state.counters["cells"] = static_cast<double>(cells);
}

void BM_ComputeSeizureTrends(benchmark::State& state, ordo::analytics::TrendGrouping group_by) {
  ordo::analytics::TrendOptions options;
  options.group_by = group_by;
  std::size_t months = 0;
  for (auto _ : state) {
    auto report = ordo::analytics::ComputeSeizureTrends(*g_store, options);
    if (!report) return Fail(state, report.error());
    months = report->months.size();
    benchmark::DoNotOptimize(report->months.data());
  }
  state.counters["months"] = static_cast<double>(months);
}

// One pass over a million rows takes seconds: one iteration per repetition (main asks for
// interleaved repetitions), and the median of the repetitions is what the ratios use.
BENCHMARK(BM_ReadAllSeizures)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_ComputeHotspots)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(BM_ComputeSeizureTrends, by_drug, ordo::analytics::TrendGrouping::kDrug)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(BM_ComputeSeizureTrends, by_region, ordo::analytics::TrendGrouping::kRegion)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(BM_ComputeSeizureTrends, by_conveyance,
                  ordo::analytics::TrendGrouping::kConveyance)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// The console output as usual; besides, keeps each benchmark's real time per iteration for every
// repetition, and prints the medians and their ratios to the read's median at the end.
class RatioReporter final : public benchmark::ConsoleReporter {
 public:
  RatioReporter() : ConsoleReporter(OO_Tabular) {}

  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      if (run.error_occurred || run.run_type != Run::RT_Iteration || run.iterations == 0) continue;
      std::string name = run.run_name.function_name;
      if (!run.run_name.args.empty()) name += "/" + run.run_name.args;
      const auto iterations = static_cast<double>(run.iterations);
      seconds_[name].push_back(run.real_accumulated_time / iterations);
      cpu_seconds_[name].push_back(run.cpu_accumulated_time / iterations);
    }
    ConsoleReporter::ReportRuns(runs);
  }

  // Prints "benchmark  runs  median  min  max  ratio  target" for every benchmark, the ratio being
  // the median over the read's median, and the same ratio of CPU times (this process's), which
  // load from other processes on the machine disturbs less. False when there is no read time to
  // divide by (the read failed or was filtered out); a missed target is printed, not an error.
  bool PrintRatios() const {
    double read_median = 0;
    double read_cpu_median = 0;
    for (const auto& [name, seconds] : seconds_) {
      if (!name.starts_with(kReadBenchmark)) continue;
      read_median = Median(seconds);
      read_cpu_median = Median(cpu_seconds_.at(name));
    }
    if (read_median <= 0) {
      std::fprintf(stderr, "seizure_analysis_benchmark: no read time, so no ratios\n");
      return false;
    }
    std::printf("\n%-40s %4s %8s %8s %8s %8s %7s %10s %8s\n", "seconds per pass", "runs", "median",
                "min", "max", "÷ read", "target", "", "cpu ÷ read");
    for (const auto& [name, seconds] : seconds_) {
      const double median = Median(seconds);
      const bool is_read = name.starts_with(kReadBenchmark);
      const double ratio = median / read_median;
      const double cpu_ratio = Median(cpu_seconds_.at(name)) / read_cpu_median;
      std::printf("%-40s %4zu %8.3f %8.3f %8.3f %8.2f %7s %-10s %8.2f\n", name.c_str(),
                  seconds.size(), median, *std::min_element(seconds.begin(), seconds.end()),
                  *std::max_element(seconds.begin(), seconds.end()), ratio, is_read ? "" : "< 2.00",
                  is_read ? "" : (ratio < kTargetRatio ? "met" : "MISSED"), cpu_ratio);
    }
    return true;
  }

 private:
  static double Median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
  }

  std::map<std::string, std::vector<double>> seconds_;      // wall
  std::map<std::string, std::vector<double>> cpu_seconds_;  // this process's user + sys
};

}  // namespace

int main(int argc, char** argv) {
  // Defaults first, so that the caller's --benchmark_* flags override them: three repetitions,
  // interleaved so that a burst of load elsewhere on the machine does not land on one benchmark.
  std::string repetitions = "--benchmark_repetitions=3";
  std::string interleave = "--benchmark_enable_random_interleaving=true";
  std::string db;
  std::vector<char*> rest = {argv[0], repetitions.data(), interleave.data()};
  for (int index = 1; index < argc; ++index) {
    const std::string_view arg = argv[index];
    if (arg.substr(0, 5) == "--db=") {
      db = std::string(arg.substr(5));
    } else {
      rest.push_back(argv[index]);
    }
  }
  if (db.empty()) {
    std::fprintf(stderr,
                 "usage: %s --db=FILE [--benchmark_*]\n"
                 "FILE: an Ordo database holding the seizures to read (bench/seizures/run.sh)\n",
                 argv[0]);
    return 2;
  }
  auto store = SqliteStore::Open(db, ordo::storage::SqliteOpenMode::kMustExist);
  if (!store) {
    std::fprintf(stderr, "seizure_analysis_benchmark: %s\n", store.error().message().c_str());
    return 1;
  }
  g_store = store->get();

  int rest_count = static_cast<int>(rest.size());
  benchmark::Initialize(&rest_count, rest.data());
  if (benchmark::ReportUnrecognizedArguments(rest_count, rest.data())) return 2;
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return reporter.PrintRatios() ? 0 : 1;
}
