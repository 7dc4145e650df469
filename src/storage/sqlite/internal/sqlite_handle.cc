#include "storage/sqlite/internal/sqlite_handle.h"

#include <limits>
#include <system_error>
#include <utility>

#include <fmt/format.h>
#include <sqlite3.h>

namespace ordo::storage::internal {
namespace {

constexpr int kMinimumSqliteVersion = 3'037'000;

// SQLite takes lengths as int; our rows are far below 2 GiB, so a larger one is a bug.
int TextLength(std::string_view text) {
  ORDO_ASSERT(text.size() <= static_cast<std::size_t>(std::numeric_limits<int>::max()),
              "text too long for SQLite");
  return static_cast<int>(text.size());
}

}  // namespace

Error SqliteError(sqlite3* db, int result_code, std::string_view what) {
  std::string message =
      fmt::format("{}: {}", what, db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(result_code));
  switch (result_code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_PROTOCOL:
      return Unavailable(std::move(message));
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return FailedPrecondition(std::move(message));
    default:
      return Internal(std::move(message));
  }
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_),
      statement_(std::exchange(other.statement_, nullptr)),
      next_parameter_(other.next_parameter_) {}

Statement::~Statement() { sqlite3_finalize(statement_); }

void Statement::BindText(std::string_view text) {
  // SQLITE_TRANSIENT: SQLite copies the text, so `text` need not outlive the statement.
  sqlite3_bind_text(statement_, next_parameter_++, text.data(), TextLength(text), SQLITE_TRANSIENT);
}

void Statement::BindTextUntilReset(std::string_view text) {
  sqlite3_bind_text(statement_, next_parameter_++, text.data(), TextLength(text), SQLITE_STATIC);
}

void Statement::BindInt(std::int64_t value) {
  sqlite3_bind_int64(statement_, next_parameter_++, value);
}

void Statement::BindDouble(double value) {
  sqlite3_bind_double(statement_, next_parameter_++, value);
}

void Statement::BindNull() { sqlite3_bind_null(statement_, next_parameter_++); }

void Statement::BindOptionalInt(std::optional<std::int64_t> value) {
  value ? BindInt(*value) : BindNull();
}

void Statement::BindOptionalDouble(std::optional<double> value) {
  value ? BindDouble(*value) : BindNull();
}

void Statement::BindOptionalText(const std::optional<std::string>& text) {
  text ? BindText(*text) : BindNull();
}

Result<bool> Statement::Step() {
  int result_code = sqlite3_step(statement_);
  if (result_code == SQLITE_ROW) return true;
  if (result_code == SQLITE_DONE) return false;
  return SqliteError(db_, result_code, "sqlite");
}

Result<InsertOutcome> Statement::Insert() {
  int result_code = sqlite3_step(statement_);
  Reset();
  switch (result_code) {
    case SQLITE_DONE:
      return InsertOutcome::kInserted;
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return InsertOutcome::kUniqueViolation;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return InsertOutcome::kForeignKeyViolation;
    default:
      return SqliteError(db_, result_code, "sqlite insert");
  }
}

void Statement::Reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
  next_parameter_ = 1;
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::int64_t Statement::ColumnInt(int column) const {
  return sqlite3_column_int64(statement_, column);
}

double Statement::ColumnDouble(int column) const {
  return sqlite3_column_double(statement_, column);
}

std::string Statement::ColumnText(int column) const {
  // Ask for the text before its length, as the SQLite documentation requires.
  const unsigned char* text = sqlite3_column_text(statement_, column);
  int length = sqlite3_column_bytes(statement_, column);
  if (text == nullptr) return std::string();
  return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(length));
}

std::optional<std::int64_t> Statement::ColumnOptionalInt(int column) const {
  if (IsNull(column)) return std::nullopt;
  return ColumnInt(column);
}

std::optional<double> Statement::ColumnOptionalDouble(int column) const {
  if (IsNull(column)) return std::nullopt;
  return ColumnDouble(column);
}

std::optional<std::string> Statement::ColumnOptionalText(int column) const {
  if (IsNull(column)) return std::nullopt;
  return ColumnText(column);
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path, bool create) {
  // STRICT tables (schema/0001_init.sql) need SQLite 3.37; the library may be older than the
  // header we were compiled with.
  if (sqlite3_libversion_number() < kMinimumSqliteVersion) {
    return FailedPrecondition(
        fmt::format("Ordo needs SQLite 3.37 or newer; this one is {}", sqlite3_libversion()));
  }
  // SQLite's memory statistics take a global mutex on every allocation, and Ordo never reads
  // them. The setting must come before SQLite initialises; if something else in the process
  // initialised it first, the call fails harmlessly and the statistics stay on.
  static const bool memory_statistics_off = [] {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
  }();
  (void)memory_statistics_off;
  // NOMUTEX: a store is used by one thread at a time, so SQLite's own locking is not needed.
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  sqlite3* db = nullptr;
  int result_code = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (result_code != SQLITE_OK) {
    int os_error = db != nullptr ? sqlite3_system_errno(db) : 0;
    std::string reason = os_error != 0 ? std::generic_category().message(os_error)
                                       : std::string(sqlite3_errstr(result_code));
    sqlite3_close(db);
    return Unavailable(fmt::format("cannot open database {}: {}", path, reason));
  }
  // Extended codes tell a UNIQUE violation from a FOREIGN KEY one (see Statement::Insert).
  sqlite3_extended_result_codes(db, 1);
  return std::unique_ptr<Connection>(new Connection(db));
}

Connection::~Connection() { sqlite3_close_v2(db_); }

Status Connection::Execute(std::string_view sql) {
  // sqlite3_exec needs a NUL-terminated string.
  std::string text(sql);
  int result_code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  if (result_code != SQLITE_OK) return SqliteError(db_, result_code, "sqlite exec");
  return OkStatus();
}

Result<Statement> Connection::Prepare(std::string_view sql, bool /*stream*/) {
  sqlite3_stmt* statement = nullptr;
  int result_code = sqlite3_prepare_v2(db_, sql.data(), TextLength(sql), &statement, nullptr);
  if (result_code != SQLITE_OK) {
    sqlite3_finalize(statement);
    return SqliteError(db_, result_code, "sqlite prepare");
  }
  return Statement(db_, statement);
}

Result<std::int64_t> Connection::QueryInt(std::string_view sql) {
  ORDO_TRY(statement, Prepare(sql));
  ORDO_TRY(has_row, statement.Step());
  if (!has_row) return Internal(fmt::format("query returned no row: {}", sql));
  return statement.ColumnInt(0);
}

Result<std::string> Connection::QueryText(std::string_view sql) {
  ORDO_TRY(statement, Prepare(sql));
  ORDO_TRY(has_row, statement.Step());
  if (!has_row) return Internal(fmt::format("query returned no row: {}", sql));
  return statement.ColumnText(0);
}

std::int64_t Connection::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

Status Transaction::Begin() {
  ORDO_ASSERT(!open_, "transaction begun twice");
  ORDO_RETURN_IF_ERROR(connection_.Execute("BEGIN IMMEDIATE"));
  open_ = true;
  return OkStatus();
}

Status Transaction::Commit() {
  ORDO_ASSERT(open_, "commit without an open transaction");
  ORDO_RETURN_IF_ERROR(connection_.Execute("COMMIT"));
  open_ = false;
  return OkStatus();
}

Transaction::~Transaction() {
  if (open_) (void)connection_.Execute("ROLLBACK");
}

}  // namespace ordo::storage::internal
