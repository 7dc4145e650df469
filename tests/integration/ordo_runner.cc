#include "ordo_runner.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

extern char** environ;

namespace ordo::testing {
namespace {

RunResult Spawn(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env,
                const std::string* input = nullptr) {
  const std::string dir = MakeTempDir();
  const std::string out_path = dir + "/out";
  const std::string err_path = dir + "/err";
  const std::string in_path = input != nullptr ? dir + "/in" : "/dev/null";
  if (input != nullptr) std::ofstream(in_path, std::ios::binary) << *input;
  const pid_t pid = fork();
  if (pid == 0) {
    const int out_fd = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err_fd = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int null_fd = open(in_path.c_str(), O_RDONLY);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    dup2(null_fd, 0);
    for (const std::string& assignment : extra_env) putenv(const_cast<char*>(assignment.c_str()));
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execve(args[0], args.data(), environ);
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = ReadFile(out_path);
  result.err = ReadFile(err_path);
  return result;
}

}  // namespace

void MustSucceed(const RunResult& result) { ASSERT_EQ(result.exit_code, 0) << result.err; }

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string MakeTempDir() {
  static std::atomic<int> counter{0};
  std::string pattern = ::testing::TempDir() + "/ordo_it_" + std::to_string(getpid()) + "_" +
                        std::to_string(counter++) + "_XXXXXX";
  char* made = mkdtemp(pattern.data());
  EXPECT_NE(made, nullptr);
  return pattern;
}

RunResult RunOrdo(const std::vector<std::string>& args, const std::vector<std::string>& env) {
  std::vector<std::string> argv = {ORDO_BINARY_PATH};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<std::string> full_env = {"ORDO_DATA_DIR=" ORDO_SOURCE_DIR "/data"};
  full_env.insert(full_env.end(), env.begin(), env.end());
  return Spawn(argv, full_env);
}

std::string RunProgram(const std::vector<std::string>& argv) { return Spawn(argv, {}).out; }

RunResult RunOrdoWithInput(const std::vector<std::string>& args, const std::string& input) {
  std::vector<std::string> argv = {ORDO_BINARY_PATH};
  argv.insert(argv.end(), args.begin(), args.end());
  return Spawn(argv, {"ORDO_DATA_DIR=" ORDO_SOURCE_DIR "/data"}, &input);
}

namespace {

// Copies the database `from` (and its write-ahead log, if one is left) to `to`.
bool CopyDatabase(const std::string& from, const std::string& to) {
  std::error_code error;
  std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing, error);
  EXPECT_FALSE(error) << "copying " << from << " to " << to << ": " << error.message();
  if (error) return false;
  if (std::filesystem::exists(from + "-wal")) {
    std::filesystem::copy_file(from + "-wal", to + "-wal",
                               std::filesystem::copy_options::overwrite_existing, error);
    EXPECT_FALSE(error) << "copying " << from << "-wal: " << error.message();
  }
  return !error;
}

}  // namespace

std::string MakeSeededDatabase(const std::string& key, const std::string& db,
                               const std::function<std::string(const std::string& db)>& fill) {
  const char* cache = std::getenv("ORDO_TEST_SEED_CACHE");
  if (cache == nullptr || *cache == '\0') return fill(db);
  std::error_code error;
  std::filesystem::create_directories(cache, error);
  const std::string base = std::string(cache) + "/" + key;
  const int lock = open((base + ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (lock < 0 || flock(lock, LOCK_EX) != 0) {
    ADD_FAILURE() << "cannot lock " << base << ".lock: " << std::strerror(errno);
    if (lock >= 0) close(lock);
    return "";
  }
  const std::string seeded = base + ".db";
  std::string note;
  if (std::filesystem::exists(seeded)) {
    CopyDatabase(seeded, db);
    note = ReadFile(base + ".note");
  } else {
    note = fill(db);
    // Kept under other names first, so that a copy cut short is never taken for the seed.
    if (!::testing::Test::HasFailure() && CopyDatabase(db, base + ".partial")) {
      std::ofstream(base + ".note", std::ios::binary) << note;
      if (std::filesystem::exists(base + ".partial-wal")) {
        std::filesystem::rename(base + ".partial-wal", seeded + "-wal", error);
      }
      std::filesystem::rename(base + ".partial", seeded, error);
    }
  }
  close(lock);  // releases the lock
  return note;
}

void InitDatabase(const std::string& db) {
  bool initialised = true;
  MakeSeededDatabase("init", db, [&initialised](const std::string& path) {
    RunResult init = RunOrdo({"--db", path, "init"});
    initialised = init.exit_code == 0;
    EXPECT_TRUE(initialised) << "ordo init failed: " << init.err;
    return std::string();
  });
  ASSERT_TRUE(initialised);
}

std::string DumpWithoutAudit(const std::string& db) {
  const std::string dump = RunProgram({"/usr/bin/sqlite3", db, ".dump"});
  std::string kept;
  std::size_t start = 0;
  while (start < dump.size()) {
    std::size_t end = dump.find('\n', start);
    end = end == std::string::npos ? dump.size() : end + 1;
    // .dump writes one INSERT per row on one line (newlines inside values are escaped).
    if (dump.compare(start, 23, "INSERT INTO audit_log V") != 0) kept.append(dump, start, end - start);
    start = end;
  }
  return kept;
}

std::string AuditSummary(const std::string& db) {
  return RunProgram({"/usr/bin/sqlite3", db,
                     "SELECT seq || '|' || actor || '|' || action || '|' || outcome FROM audit_log "
                     "ORDER BY seq"});
}

}  // namespace ordo::testing
