#pragma once
// What the crash harness looks at in a database file after a kill: SQLite's own integrity and
// foreign key checks, row counts, and (before anything opens the file) whether the killed
// process left uncommitted frames in the write-ahead log.

#include <cstdint>
#include <string>

struct sqlite3;

namespace ordo::crash {

// A connection of the harness's own to a database file. Opening it after a kill is what runs
// SQLite's recovery (a hot journal rolled back, a log's torn tail ignored).
class DatabaseProbe {
 public:
  explicit DatabaseProbe(const std::string& path);
  DatabaseProbe(const DatabaseProbe&) = delete;
  DatabaseProbe& operator=(const DatabaseProbe&) = delete;
  ~DatabaseProbe();

  // "" when the file opened; SQLite's message otherwise.
  const std::string& open_error() const { return open_error_; }

  // The rows of a query's first column joined by "; ", or "error: <message>".
  std::string Rows(const std::string& sql);
  // The single integer a query yields, or -1 on an error.
  std::int64_t Int(const std::string& sql);

  // "" when PRAGMA integrity_check says ok and foreign_key_check finds nothing; the problems
  // otherwise.
  std::string CheckProblems();

 private:
  sqlite3* db_ = nullptr;
  std::string open_error_;
};

// Frames in the write-ahead log `database` + "-wal" that belong to the log's current generation
// (their salts match the header), and how many of them follow its last commit frame: pages a
// transaction wrote that never committed. All zero when there is no log.
struct LogFrames {
  std::int64_t frames = 0;
  std::int64_t uncommitted = 0;
};
LogFrames InspectWriteAheadLog(const std::string& database);

}  // namespace ordo::crash
