// Crash-safety harness (issue #7, docs/reliability.md): runs the real `ordo` binary's imports,
// backup and restore, kills each with SIGKILL after a random delay spread over the command's
// measured duration, and checks the database after every kill: SQLite's integrity and foreign
// key checks pass, the killed import is either fully present or fully absent, and every import
// that was acknowledged (exit 0) or found committed earlier is still there, row for row.
//
//   crash_harness --ordo PATH --data-dir DIR --work DIR [--kills N] [--seed S]
//                 [--seizure-rows N] [--small-rows N]
//
// Exits 0 when every check passed, 1 on a failed check, 2 on a bad command line or setup.

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "child_process.h"
#include "database_probe.h"
#include "import_jobs.h"

namespace ordo::crash {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Options {
  std::string ordo;
  std::string data_dir;
  std::string work;
  int kills = 20;
  std::uint64_t seed = 0;
  bool seed_given = false;
  std::int64_t seizure_rows = 5000;
  std::int64_t small_rows = 40;
};

// Where a kill landed, as far as the files can tell.
enum class Landing { kExitedFirst, kBeforeWrite, kDuringWrite, kAfterCommit, kCount };
const char* const kLandingNames[] = {"exited before the kill", "killed before writing",
                                     "killed while writing", "killed after commit"};

const char* const kTables[] = {"seizures",    "trade_flows", "relations", "cultivation_records",
                               "drug_prices", "entities"};

[[noreturn]] void Usage(const std::string& problem) {
  std::fprintf(stderr,
               "crash_harness: %s\nusage: crash_harness --ordo PATH --data-dir DIR --work DIR "
               "[--kills N] [--seed S] [--seizure-rows N] [--small-rows N]\n",
               problem.c_str());
  std::exit(2);
}

Options ParseOptions(int argc, char** argv) {
  Options options;
  for (int index = 1; index < argc; ++index) {
    const std::string name = argv[index];
    if (index + 1 >= argc) Usage("missing value after " + name);
    const std::string value = argv[++index];
    if (name == "--ordo") {
      options.ordo = value;
    } else if (name == "--data-dir") {
      options.data_dir = value;
    } else if (name == "--work") {
      options.work = value;
    } else if (name == "--kills") {
      options.kills = std::stoi(value);
    } else if (name == "--seed") {
      options.seed = std::stoull(value);
      options.seed_given = true;
    } else if (name == "--seizure-rows") {
      options.seizure_rows = std::stoll(value);
    } else if (name == "--small-rows") {
      options.small_rows = std::stoll(value);
    } else {
      Usage("unknown option " + name);
    }
  }
  if (options.ordo.empty() || options.data_dir.empty() || options.work.empty()) {
    Usage("--ordo, --data-dir and --work are required");
  }
  return options;
}

double Seconds(Clock::duration duration) { return std::chrono::duration<double>(duration).count(); }

class Harness {
 public:
  explicit Harness(Options options)
      : options_(std::move(options)),
        database_(options_.work + "/ordo.db"),
        log_(options_.work + "/ordo.log"),
        random_(options_.seed) {}

  int Run();

 private:
  bool Setup();
  void KillImport(ImportKind kind);
  void KillBackup();
  void KillRestore();
  void CheckDatabase(const std::string& when);
  void CheckAllPresentJobs();
  std::string Fingerprint(const std::string& path);
  void Fail(const std::string& what);
  Clock::duration RandomDelay(const std::string& command);
  void Record(const std::string& command, Landing landing);
  std::vector<std::string> Ordo(std::vector<std::string> arguments) const;
  void PrintSummary() const;

  Options options_;
  std::string database_;
  std::string log_;
  std::mt19937_64 random_;
  std::unique_ptr<JobFactory> jobs_;
  std::map<std::string, std::int64_t> expected_rows_;  // per table
  std::vector<ImportJob> present_;                     // every import that landed
  // Per command: its expected duration (first from the setup run, then adapted by Record) and
  // how many kills in a row landed before its commit.
  std::map<std::string, Clock::duration> measured_;
  std::map<std::string, int> early_streak_;
  std::map<std::string, std::array<int, static_cast<int>(Landing::kCount)>> landings_;
  // Restore: the two backups the target is switched between, and their fingerprints.
  std::string backup_a_, backup_b_, restore_target_;
  std::string fingerprint_a_, fingerprint_b_;
  int failures_ = 0;
};

std::vector<std::string> Harness::Ordo(std::vector<std::string> arguments) const {
  arguments.insert(arguments.begin(), {options_.ordo, "--data-dir", options_.data_dir});
  return arguments;
}

void Harness::Fail(const std::string& what) {
  ++failures_;
  std::printf("FAIL: %s\n", what.c_str());
}

// A command's runs get longer as the database grows (a seizure import into a table that already
// holds rows takes about twice as long as the first; a backup copies more pages), so the setup's
// timing soon falls short and every kill would land early. Three early kills in a row stretch the
// expected duration by half; a run that finished before its kill shrinks it by a tenth.
void Harness::Record(const std::string& command, Landing landing) {
  ++landings_[command][static_cast<int>(landing)];
  Clock::duration& expected = measured_[command];
  int& streak = early_streak_[command];
  if (landing == Landing::kBeforeWrite || landing == Landing::kDuringWrite) {
    if (++streak < 3) return;
    expected = expected * 3 / 2;
  } else if (landing == Landing::kExitedFirst) {
    expected = expected * 9 / 10;
  }
  streak = 0;
}

Clock::duration Harness::RandomDelay(const std::string& command) {
  const Clock::duration measured = measured_[command];
  // Spread over the whole run and a little past it, so that some kills come too late: those
  // check that an acknowledged import stays.
  std::uniform_real_distribution<double> fraction(0.0, 1.1);
  return std::chrono::duration_cast<Clock::duration>(measured * fraction(random_));
}

// Row counts of the tables imports write: two files with the same fingerprint hold the same
// imports (every import adds rows no other import adds).
std::string Harness::Fingerprint(const std::string& path) {
  DatabaseProbe probe(path);
  std::string fingerprint;
  for (const char* table : kTables) {
    fingerprint += std::string(table) + "=" +
                   std::to_string(probe.Int(std::string("SELECT count(*) FROM ") + table)) + " ";
  }
  return fingerprint;
}

void Harness::CheckDatabase(const std::string& when) {
  DatabaseProbe probe(database_);
  if (const std::string problems = probe.CheckProblems(); !problems.empty()) {
    Fail(when + ": " + problems);
  }
  for (const char* table : kTables) {
    const std::int64_t rows = probe.Int(std::string("SELECT count(*) FROM ") + table);
    if (rows != expected_rows_[table]) {
      Fail(when + ": " + table + " holds " + std::to_string(rows) + " rows, expected " +
           std::to_string(expected_rows_[table]) + " (an import is partly there or was lost)");
    }
  }
}

void Harness::CheckAllPresentJobs() {
  DatabaseProbe probe(database_);
  for (const ImportJob& job : present_) {
    const std::int64_t rows = probe.Int(job.CountQuery());
    if (rows != job.rows) {
      Fail("at the end: " + KindName(job.kind) + " import " + std::to_string(job.number) + " has " +
           std::to_string(rows) + " of its " + std::to_string(job.rows) + " rows");
    }
  }
}

bool Harness::Setup() {
  std::error_code ignored;
  fs::remove_all(options_.work, ignored);
  fs::create_directories(options_.work);
  if (RunToCompletion(Ordo({"--db", database_, "init"}), log_) != 0) {
    std::fprintf(stderr, "crash harness: ordo init failed (see %s)\n", log_.c_str());
    return false;
  }
  std::vector<std::string> free_codes;
  {
    DatabaseProbe probe(database_);
    for (const char* table : kTables) {
      expected_rows_[table] = probe.Int(std::string("SELECT count(*) FROM ") + table);
    }
    // Countries without a relation or a documented absence of one: free for relation imports.
    const std::string codes = probe.Rows(
        "SELECT iso3 FROM countries WHERE iso3 NOT IN (SELECT iso3 FROM relations) AND iso3 NOT "
        "IN (SELECT iso3 FROM missing_relations) ORDER BY iso3");
    for (std::size_t start = 0; start < codes.size();) {
      std::size_t end = codes.find("; ", start);
      if (end == std::string::npos) end = codes.size();
      free_codes.push_back(codes.substr(start, end - start));
      start = end + 2;
    }
  }
  std::shuffle(free_codes.begin(), free_codes.end(), random_);
  jobs_ = std::make_unique<JobFactory>(
      JobSettings{options_.ordo, options_.work, options_.seizure_rows, options_.small_rows},
      std::move(free_codes));

  // Restore's two states: the database right after init (a) and after one import of each kind
  // (b). Each setup run is timed, so that the kills can be spread over a run's length.
  backup_a_ = options_.work + "/state-a.backup";
  backup_b_ = options_.work + "/state-b.backup";
  restore_target_ = options_.work + "/restore-target.db";
  auto timed = [this](const std::string& name, const std::vector<std::string>& argv) {
    const Clock::time_point start = Clock::now();
    const int status = RunToCompletion(argv, log_);
    measured_[name] = Clock::now() - start;
    if (status != 0) Fail("setup: " + name + " exited with " + std::to_string(status));
    return status == 0;
  };
  if (!timed("backup", Ordo({"--db", database_, "backup", backup_a_}))) return false;
  for (ImportKind kind : AllImportKinds()) {
    std::optional<ImportJob> job = jobs_->Take(kind);
    if (!job) return false;
    if (!timed(KindName(kind), job->Arguments(options_.ordo, database_))) return false;
    expected_rows_[job->table] += job->rows;
    present_.push_back(*job);
  }
  CheckDatabase("after the setup imports");
  if (!timed("backup", Ordo({"--db", database_, "backup", backup_b_}))) return false;
  if (!timed("restore", Ordo({"--db", restore_target_, "restore", backup_b_}))) return false;
  fingerprint_a_ = Fingerprint(backup_a_);
  fingerprint_b_ = Fingerprint(backup_b_);
  if (fingerprint_a_ == fingerprint_b_) Fail("setup: the two restore states do not differ");
  if (Fingerprint(restore_target_) != fingerprint_b_) Fail("setup: the restore did not restore");
  return failures_ == 0;
}

void Harness::KillImport(ImportKind kind) {
  std::optional<ImportJob> job = jobs_->Take(kind);
  if (!job) return KillBackup();  // relation codes used up: kill something else instead
  const std::string name = KindName(kind);
  ChildProcess child(job->Arguments(options_.ordo, database_), log_);
  std::this_thread::sleep_for(RandomDelay(name));
  const ChildEnd end = child.Kill();
  // Read the log before anything opens the database: opening it recovers (and then removes) it.
  const LogFrames log = InspectWriteAheadLog(database_);
  std::int64_t rows = 0;
  {
    DatabaseProbe probe(database_);
    rows = probe.Int(job->CountQuery());
  }
  const std::string what = name + " import " + std::to_string(job->number);
  if (!end.killed && end.exit_code != 0) {
    Fail(what + " exited with " + std::to_string(end.exit_code) + " (see " + log_ + ")");
  }
  Landing landing = Landing::kExitedFirst;
  if (rows == job->rows) {
    if (end.killed) landing = Landing::kAfterCommit;
    expected_rows_[job->table] += job->rows;
    present_.push_back(*job);
  } else if (rows == 0) {
    if (!end.killed) Fail(what + " was acknowledged (exit 0) but is not in the database");
    landing = log.uncommitted > 0 ? Landing::kDuringWrite : Landing::kBeforeWrite;
    jobs_->Reuse(std::move(*job));
  } else {
    Fail(what + " is partly there: " + std::to_string(rows) + " of " + std::to_string(job->rows) +
         " rows");
    landing = Landing::kDuringWrite;
  }
  Record(name, landing);
  CheckDatabase("after killing " + what);
}

void Harness::KillBackup() {
  const std::string target = options_.work + "/killed.backup";
  const std::string before = fs::exists(target) ? Fingerprint(target) : "";
  const std::string current = Fingerprint(database_);
  ChildProcess child(Ordo({"--db", database_, "backup", "--force", target}), log_);
  std::this_thread::sleep_for(RandomDelay("backup"));
  const ChildEnd end = child.Kill();
  if (!end.killed && end.exit_code != 0)
    Fail("backup exited with " + std::to_string(end.exit_code));
  Landing landing = end.killed ? Landing::kBeforeWrite : Landing::kExitedFirst;
  if (fs::exists(target)) {
    if (const std::string problems = DatabaseProbe(target).CheckProblems(); !problems.empty()) {
      Fail("killed backup left a damaged backup file: " + problems);
    }
    const std::string after = Fingerprint(target);
    if (after != before && after != current)
      Fail("killed backup left a backup of nothing: " + after);
    if (end.killed && after == current && before != current) landing = Landing::kAfterCommit;
  } else if (!end.killed) {
    Fail("backup exited 0 but wrote no file");
  } else if (!before.empty()) {
    Fail("killed backup removed the previous backup file");
  }
  Record("backup", landing);
  CheckDatabase("after killing a backup");
}

void Harness::KillRestore() {
  const std::string before = Fingerprint(restore_target_);
  const bool holds_a = before == fingerprint_a_;
  const std::string& backup = holds_a ? backup_b_ : backup_a_;
  const std::string& wanted = holds_a ? fingerprint_b_ : fingerprint_a_;
  ChildProcess child(Ordo({"--db", restore_target_, "restore", backup}), log_);
  std::this_thread::sleep_for(RandomDelay("restore"));
  const ChildEnd end = child.Kill();
  if (!end.killed && end.exit_code != 0)
    Fail("restore exited with " + std::to_string(end.exit_code));
  if (const std::string problems = DatabaseProbe(restore_target_).CheckProblems();
      !problems.empty()) {
    Fail("killed restore left a damaged database: " + problems);
  }
  const std::string after = Fingerprint(restore_target_);
  if (after != before && after != wanted) Fail("killed restore left a mix: " + after);
  if (!end.killed && after != wanted) Fail("restore exited 0 but did not restore");
  Landing landing = Landing::kExitedFirst;
  if (end.killed) landing = after == wanted ? Landing::kAfterCommit : Landing::kBeforeWrite;
  Record("restore", landing);
}

void Harness::PrintSummary() const {
  std::printf("\n%-12s %8s %8s %8s %8s %8s %12s\n", "command", "runs", "exited", "before", "during",
              "after", "last spread");
  std::array<int, static_cast<int>(Landing::kCount)> totals{};
  for (const auto& [name, counts] : landings_) {
    int runs = 0;
    for (int landing = 0; landing < static_cast<int>(Landing::kCount); ++landing) {
      runs += counts[landing];
      totals[landing] += counts[landing];
    }
    std::printf("%-12s %8d %8d %8d %8d %8d %10.3f s\n", name.c_str(), runs, counts[0], counts[1],
                counts[2], counts[3], Seconds(measured_.at(name)) * 1.1);
  }
  std::printf(
      "columns: exited = %s; before = %s (for backup and restore: killed, target "
      "unchanged); during = %s (uncommitted pages in the write-ahead log); after = %s\n",
      kLandingNames[0], kLandingNames[1], kLandingNames[2], kLandingNames[3]);
  std::printf(
      "kills that landed before commit: %d, during the write: %d, after commit: %d; "
      "runs that finished first: %d\n",
      totals[1], totals[2], totals[3], totals[0]);
}

int Harness::Run() {
  if (!options_.seed_given) options_.seed = std::random_device{}();
  random_.seed(options_.seed);
  std::printf("crash harness: seed %llu (replay with --seed %llu), %d kills, ordo %s\n",
              static_cast<unsigned long long>(options_.seed),
              static_cast<unsigned long long>(options_.seed), options_.kills,
              options_.ordo.c_str());
  const Clock::time_point start = Clock::now();
  if (!Setup()) {
    std::printf("crash harness: setup failed (%d problem(s)); see %s\n", failures_, log_.c_str());
    return failures_ > 0 ? 1 : 2;
  }
  for (const auto& [name, duration] : measured_) {
    std::printf("measured %-12s %.3f s\n", name.c_str(), Seconds(duration));
  }
  std::uniform_int_distribution<int> pick(0, static_cast<int>(AllImportKinds().size()) + 1);
  for (int kill = 0; kill < options_.kills; ++kill) {
    const int chosen = pick(random_);
    if (chosen < static_cast<int>(AllImportKinds().size())) {
      KillImport(AllImportKinds()[static_cast<std::size_t>(chosen)]);
    } else if (chosen == static_cast<int>(AllImportKinds().size())) {
      KillBackup();
    } else {
      KillRestore();
    }
  }
  CheckDatabase("at the end");
  CheckAllPresentJobs();
  // Ordo itself must open and read what the kills left.
  for (const std::vector<std::string>& command :
       {Ordo({"--db", database_, "summary"}), Ordo({"--db", database_, "seizures", "stats"}),
        Ordo({"--db", restore_target_, "summary"})}) {
    if (const int status = RunToCompletion(command, log_); status != 0) {
      Fail("ordo " + command[5] + " on the database after the kills exited with " +
           std::to_string(status));
    }
  }
  PrintSummary();
  std::printf("%zu imports present, %d failure(s), %.1f s; seed %llu\n", present_.size(), failures_,
              Seconds(Clock::now() - start), static_cast<unsigned long long>(options_.seed));
  return failures_ == 0 ? 0 : 1;
}

}  // namespace
}  // namespace ordo::crash

int main(int argc, char** argv) {
  ordo::crash::Harness harness(ordo::crash::ParseOptions(argc, argv));
  return harness.Run();
}
