#pragma once
// RawDatabase: a second, raw SQLite connection for tests that look at or tamper with a database
// file behind SqliteStore's back (schema checks, old schema versions, corrupted rows).

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

namespace ordo::storage::testing {

class RawDatabase {
 public:
  explicit RawDatabase(const std::string& path) { sqlite3_open(path.c_str(), &db_); }
  ~RawDatabase() { sqlite3_close(db_); }
  RawDatabase(const RawDatabase&) = delete;
  RawDatabase& operator=(const RawDatabase&) = delete;

  // Runs `sql`; a failure fails the calling test with SQLite's message.
  void Execute(const std::string& sql) {
    char* message = nullptr;
    ASSERT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message), SQLITE_OK)
        << (message != nullptr ? message : "");
  }

  // The first column of the first row as text; "" when there is none or it is NULL.
  std::string QueryText(const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr);
    std::string text;
    if (sqlite3_step(statement) == SQLITE_ROW) {
      const unsigned char* value = sqlite3_column_text(statement, 0);
      if (value != nullptr) text = reinterpret_cast<const char*>(value);
    }
    sqlite3_finalize(statement);
    return text;
  }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace ordo::storage::testing
