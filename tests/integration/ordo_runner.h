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

// RunOrdo with `input` as its standard input (otherwise it reads /dev/null).
RunResult RunOrdoWithInput(const std::vector<std::string>& args, const std::string& input);

// A fresh empty directory under the test temp dir, unique per call.
std::string MakeTempDir();

// Runs a program (for sqlite3 .dump) and returns its stdout.
std::string RunProgram(const std::vector<std::string>& argv);

std::string ReadFile(const std::string& path);

// `sqlite3 .dump` of `db` without the audit log's rows: what a rejected command must leave
// unchanged, since every command that opens the database appends to the audit log
// (cli/audit_trail.h). The schema of the audit log is kept.
std::string DumpWithoutAudit(const std::string& db);

// The audit log's records as "seq|actor|action|outcome" lines, oldest first.
std::string AuditSummary(const std::string& db);

}  // namespace ordo::testing
