#pragma once
// RAII wrappers over the SQLite C API used by SqliteStore: a Connection, its prepared Statements
// and a write Transaction. Internal to storage/sqlite; only the .cc files include sqlite3.h.
// Thread-safety: none; a Connection and everything made from it are used by one thread at a time.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "storage/sql/sql_dialect.h"

struct sqlite3;
struct sqlite3_stmt;

namespace ordo::storage::internal {

// Maps a SQLite result code to an Error: busy, locked, I/O, full, read-only and permission
// failures become kUnavailable; "not a database" and corruption become kFailedPrecondition;
// anything else is kInternal. The message is "WHAT: <sqlite message>".
Error SqliteError(sqlite3* db, int result_code, std::string_view what);

// What an INSERT did: added its row or broke the table's UNIQUE or FOREIGN KEY constraint.
using sql::InsertOutcome;

// One prepared statement. Bind* calls take the next parameter (1, 2, ...); Reset rewinds both the
// statement and the parameter counter. Column indices start at 0. Not copyable.
class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* statement) : db_(db), statement_(statement) {}
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Text is bound with its length, so embedded NULs and any UTF-8 survive.
  void BindText(std::string_view text);
  // BindText without SQLite's copy of the text: `text` must stay alive and unchanged until the
  // next Reset (Insert resets). For bulk writes, where copying every value shows in profiles.
  void BindTextUntilReset(std::string_view text);
  void BindInt(std::int64_t value);
  void BindDouble(double value);
  void BindNull();
  // Binds NULL for an empty optional.
  void BindOptionalInt(std::optional<std::int64_t> value);
  void BindOptionalDouble(std::optional<double> value);
  void BindOptionalText(const std::optional<std::string>& text);

  // Advances to the next row: true when a row is ready, false when the statement is done.
  Result<bool> Step();
  // Runs an INSERT to completion and resets the statement for the next row. Constraint failures
  // come back as an InsertOutcome; other failures as an Error (see SqliteError).
  Result<InsertOutcome> Insert();
  void Reset();

  bool IsNull(int column) const;
  std::int64_t ColumnInt(int column) const;
  double ColumnDouble(int column) const;
  std::string ColumnText(int column) const;
  std::optional<std::int64_t> ColumnOptionalInt(int column) const;
  std::optional<double> ColumnOptionalDouble(int column) const;
  std::optional<std::string> ColumnOptionalText(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* statement_;
  int next_parameter_ = 1;
};

// An open database connection; closes it on destruction. Not copyable; statements made from it
// must be destroyed first.
class Connection {
 public:
  // The dialect the shared row code needs (storage/sql/sql_dialect.h): the rowid of an INSERT
  // comes without RETURNING, and LIMIT -1 is "no limit".
  static constexpr std::string_view kReturningId = "";
  static constexpr std::optional<std::int64_t> kNoLimit = -1;
  static constexpr std::string_view kForShare = "";

  // Opens `path` read-write, creating the file only when `create` is set. kUnavailable with the
  // operating system's reason when the file cannot be opened.
  static Result<std::unique_ptr<Connection>> Open(const std::string& path, bool create);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // Runs one or more SQL statements that return no rows of interest.
  Status Execute(std::string_view sql);
  // `stream` is for the shared row code (storage/sql/sql_dialect.h): SQLite steps every
  // statement row by row anyway.
  Result<Statement> Prepare(std::string_view sql, bool stream = false);
  // Runs a query that yields one row with one column and returns that value.
  Result<std::int64_t> QueryInt(std::string_view sql);
  Result<std::string> QueryText(std::string_view sql);
  std::int64_t LastInsertRowId() const;

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

// A write transaction. Begin runs BEGIN IMMEDIATE, which takes the write lock up front so that a
// transaction never fails half-way for want of it; destruction rolls back unless Commit succeeded.
class Transaction {
 public:
  explicit Transaction(Connection& connection) : connection_(connection) {}
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  // kUnavailable when another connection holds the write lock past the busy timeout.
  Status Begin();
  Status Commit();

 private:
  Connection& connection_;
  bool open_ = false;
};

}  // namespace ordo::storage::internal
