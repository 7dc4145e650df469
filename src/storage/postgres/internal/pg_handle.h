#pragma once
// RAII wrappers over libpq used by PostgresStore: a Connection, Statements run through it, a write
// Transaction and a COPY ... FROM STDIN stream. Internal to storage/postgres; only the .cc files
// include libpq-fe.h. The Statement has the shape of storage/sqlite's (Bind*, Step, Insert,
// Column*), so the readers and writers of both backends read alike; its SQL may use SQLite's `?`
// placeholders, which Prepare numbers ($1, $2, ...).
//
// Thread-safety: none; a Connection and everything made from it are used by one thread at a time.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "storage/sql/sql_dialect.h"

struct pg_conn;
struct pg_result;

namespace ordo::storage::pg_internal {

class Connection;

// What an INSERT did: added its row or broke a UNIQUE or FOREIGN KEY constraint.
using sql::InsertOutcome;

// Owns one PGresult.
struct ResultDeleter {
  void operator()(pg_result* result) const;
};
using ResultHandle = std::unique_ptr<pg_result, ResultDeleter>;

// One statement. Bind* calls take the next parameter ($1, $2, ...); Reset forgets the parameters
// and any rows read. Column indices start at 0. Parameters and results travel as text.
// A statement made with `stream` reads its rows through a cursor, a few thousand at a time, so a
// walk over a million rows never holds them all; other statements may run between its Steps.
class Statement {
 public:
  Statement(Connection& connection, std::string sql, bool stream);
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  void BindText(std::string_view text);
  void BindTextUntilReset(std::string_view text) { BindText(text); }
  void BindInt(std::int64_t value);
  void BindDouble(double value);
  void BindNull();
  void BindOptionalInt(std::optional<std::int64_t> value);
  void BindOptionalDouble(std::optional<double> value);
  void BindOptionalText(const std::optional<std::string>& text);

  // Runs the statement on the first call; then advances to the next row: true when a row is
  // ready, false when there are no more.
  Result<bool> Step();
  // Runs an INSERT and forgets its parameters for the next row. Constraint failures come back as
  // an InsertOutcome; other failures as an Error. When the INSERT has RETURNING, the first column
  // of its row becomes the connection's LastInsertRowId().
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
  Status Run();
  Result<bool> Fetch();
  void CloseCursor();

  Connection* connection_;
  std::string sql_;
  bool stream_;
  std::vector<std::optional<std::string>> parameters_;
  ResultHandle result_;
  int row_ = -1;
  bool ran_ = false;
  bool cursor_open_ = false;
  bool cursor_done_ = false;
  bool own_transaction_ = false;
  std::string cursor_name_;
};

// An open connection; closes it on destruction. Statements made from it must be destroyed first.
class Connection {
 public:
  // The dialect the shared row code needs (storage/sql/sql_dialect.h): an INSERT returns the new
  // row's id through RETURNING, and LIMIT NULL is "no limit".
  static constexpr std::string_view kReturningId = " RETURNING id";
  static constexpr std::optional<std::int64_t> kNoLimit = std::nullopt;
  static constexpr std::string_view kForShare = " FOR SHARE";

  // Connects to `uri` (a libpq connection URI, postgresql://...). kUnavailable with libpq's reason
  // when the server cannot be reached or refuses us; kInvalidArgument for a malformed URI.
  static Result<std::unique_ptr<Connection>> Open(const std::string& uri);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // Runs one or more SQL statements without parameters that return no rows of interest.
  Status Execute(std::string_view sql);
  Result<Statement> Prepare(std::string_view sql, bool stream = false);
  // Runs a query that yields one row with one column and returns that value.
  Result<std::int64_t> QueryInt(std::string_view sql);
  Result<std::string> QueryText(std::string_view sql);
  std::int64_t LastInsertRowId() const { return last_insert_id_; }

  // Runs `sql` with text parameters (nullopt = NULL) and returns its result, or the error.
  // Exec returns the result as it is, failed or not (null when out of memory).
  ResultHandle Exec(std::string_view sql, const std::vector<std::optional<std::string>>& parameters);
  Result<ResultHandle> Run(std::string_view sql,
                           const std::vector<std::optional<std::string>>& parameters);

  bool InTransaction() const;
  pg_conn* raw() { return conn_; }
  std::string NextCursorName();
  void SetLastInsertRowId(std::int64_t id) { last_insert_id_ = id; }

 private:
  explicit Connection(pg_conn* conn) : conn_(conn) {}
  pg_conn* conn_;
  std::int64_t last_insert_id_ = 0;
  std::uint64_t cursors_ = 0;
};

// Maps a failed result (or, with a null result, the connection's state) to an Error: constraint
// failures and bad values are kInternal (the store checks rows first), serialisation failures,
// lock time-outs, disk full and lost connections kUnavailable. The message is
// "WHAT: <server message>".
Error PgError(pg_conn* conn, const pg_result* result, std::string_view what);

// The SQLSTATE of a failed result ("23505"), or "".
std::string SqlState(const pg_result* result);
// The DETAIL of a failed result, or "".
std::string ErrorDetail(const pg_result* result);

// A write transaction. Begin runs BEGIN and takes the store's write lock (a transaction-level
// advisory lock), so writers run one after another as SQLite's do; destruction rolls back unless
// Commit succeeded.
class Transaction {
 public:
  explicit Transaction(Connection& connection) : connection_(connection) {}
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  Status Begin();
  Status Commit();

 private:
  Connection& connection_;
  bool open_ = false;
};

// COPY table (columns) FROM STDIN in text format. Add rows with Field/EndRow, then Finish. The
// server checks each row as it arrives; its first error (a duplicate key, say) comes back from
// Finish, or from an earlier Flush once the server has given up.
class CopyIn {
 public:
  static Result<CopyIn> Start(Connection& connection, std::string_view copy_sql);
  CopyIn(CopyIn&& other) noexcept;
  CopyIn& operator=(CopyIn&&) = delete;
  CopyIn(const CopyIn&) = delete;
  CopyIn& operator=(const CopyIn&) = delete;
  ~CopyIn();

  void Field(std::string_view text);
  void Field(std::int64_t value);
  void Field(double value);
  void Null();
  template <typename T>
  void OptionalField(const std::optional<T>& value) {
    value ? Field(*value) : Null();
  }
  // Ends the row; sends the buffer when it is large. An error when the server has failed the COPY.
  Status EndRow();
  // Sends the rest and ends the COPY; `ResultHandle` is the server's verdict (null on success).
  // After Finish the stream is closed.
  Result<ResultHandle> Finish();
  // Ends the COPY with an error, so the server discards it (inside the caller's transaction).
  void Abort(std::string_view reason);

 private:
  explicit CopyIn(Connection& connection) : connection_(&connection) {}
  Status Send();
  void Separator();

  Connection* connection_;
  std::string buffer_;
  bool row_started_ = false;
  bool open_ = false;
};

// Text form of a double that reads back bit for bit ("Infinity", "NaN" included).
std::string DoubleText(double value);

}  // namespace ordo::storage::pg_internal
