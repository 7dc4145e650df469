#pragma once
// Runs the built `ordo` binary as a child process and captures its exit status and output.

#include <functional>
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

// Makes `db` (a path with no file yet) a database as `fill` makes it, `fill` being given the path to
// fill and returning a note to keep with it (a token it created, say). ctest runs every test in a
// process of its own, so a suite that seeds its database once in SetUpTestSuite still seeds it once
// per test. When ORDO_TEST_SEED_CACHE names a directory (ctest sets it, and empties it before the
// first test of each run: tests/CMakeLists.txt), the first process to ask for `key` runs `fill`
// and keeps a copy and the note there, under a lock, and the others copy that file instead of
// running `fill`: each test still gets a database of its own. `key` names what `fill` does (the
// same key must mean the same database). A `fill` that failed its test is not kept. Without the
// variable (a test binary run by hand), `fill` runs on `db`. Returns the note.
std::string MakeSeededDatabase(const std::string& key, const std::string& db,
                           const std::function<std::string(const std::string& db)>& fill);

// `ordo --db DB init` through MakeSeededDatabase (key "init"): a fresh database for a fixture's
// SetUp; fails the calling test fatally when `init` fails. Tests of `init` itself use RunOrdo.
void InitDatabase(const std::string& db);

// Runs a program (for sqlite3 .dump) and returns its stdout.
std::string RunProgram(const std::vector<std::string>& argv);

std::string ReadFile(const std::string& path);
// Fails the calling test (a fatal failure) unless `result` exited 0; shows its stderr.
void MustSucceed(const RunResult& result);

// Writes `text` to `path` as it is (binary), replacing the file.
void WriteFile(const std::string& path, const std::string& text);

// `sqlite3 .dump` of `db` without the audit log's rows: what a rejected command must leave
// unchanged, since every command that opens the database appends to the audit log
// (cli/audit_trail.h). The schema of the audit log is kept.
std::string DumpWithoutAudit(const std::string& db);

// The audit log's records as "seq|actor|action|outcome" lines, oldest first.
std::string AuditSummary(const std::string& db);

}  // namespace ordo::testing
