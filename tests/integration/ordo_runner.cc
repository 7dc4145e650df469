#include "ordo_runner.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
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
