#pragma once
// Runs the built `ordo` binary as a child process and captures its exit status and output.

#include <string>
#include <vector>

namespace ordo::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `ordo` with `args` (each passed as one argument, no shell), optionally with extra
// environment variables ("NAME=value").
RunResult RunOrdo(const std::vector<std::string>& args, const std::vector<std::string>& env = {});

// A fresh empty directory under the test temp dir, unique per call.
std::string MakeTempDir();

// Runs a program (for sqlite3 .dump) and returns its stdout.
std::string RunProgram(const std::vector<std::string>& argv);

std::string ReadFile(const std::string& path);

}  // namespace ordo::testing
