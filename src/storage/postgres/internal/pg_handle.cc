#include "storage/postgres/internal/pg_handle.h"

#include <cmath>
#include <cstdlib>
#include <utility>

#include <fmt/format.h>
#include <libpq-fe.h>

namespace ordo::storage::pg_internal {
namespace {

// Rows a streaming statement fetches per round trip.
constexpr int kFetchRows = 4096;
// A COPY buffer is sent once it holds this many bytes.
constexpr std::size_t kCopyBufferBytes = 1 << 20;

// Server notices (NOTICE: table already exists, ...) are not for the user of the store.
void IgnoreNotice(void* /*arg*/, const char* /*message*/) {}

// SQLite's `?` placeholders numbered as $1, $2, ..., outside quoted text and identifiers.
std::string NumberPlaceholders(std::string_view sql) {
  std::string numbered;
  numbered.reserve(sql.size() + 16);
  int next = 1;
  char quote = 0;
  for (char c : sql) {
    if (quote != 0) {
      if (c == quote) quote = 0;
      numbered += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      numbered += c;
    } else if (c == '?') {
      numbered += fmt::format("${}", next++);
    } else {
      numbered += c;
    }
  }
  return numbered;
}

// The message of a failed result without libpq's "ERROR:  " prefix and trailing newline.
std::string ServerMessage(pg_conn* conn, const pg_result* result) {
  const char* primary =
      result != nullptr ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  std::string message = primary != nullptr ? primary : (conn != nullptr ? PQerrorMessage(conn) : "");
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  if (message.empty()) message = "unknown PostgreSQL error";
  return message;
}

}  // namespace

void ResultDeleter::operator()(pg_result* result) const { PQclear(result); }

std::string SqlState(const pg_result* result) {
  if (result == nullptr) return "";
  const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
  return state != nullptr ? state : "";
}

std::string ErrorDetail(const pg_result* result) {
  if (result == nullptr) return "";
  const char* detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL);
  return detail != nullptr ? detail : "";
}

Error PgError(pg_conn* conn, const pg_result* result, std::string_view what) {
  std::string message = fmt::format("{}: {}", what, ServerMessage(conn, result));
  if (conn != nullptr && PQstatus(conn) == CONNECTION_BAD) return Unavailable(std::move(message));
  const std::string state = SqlState(result);
  if (state.empty()) return Unavailable(std::move(message));  // no answer from the server
  const std::string_view sql_class = std::string_view(state).substr(0, 2);
  // 08 connection, 53 insufficient resources (disk full, out of memory, too many connections),
  // 57 operator intervention (shutdown), 40 serialisation failure and deadlock, 55P03 lock wait.
  if (sql_class == "08" || sql_class == "53" || sql_class == "57" || sql_class == "40" ||
      state == "55P03") {
    return Unavailable(std::move(message));
  }
  return Internal(std::move(message));
}

std::string DoubleText(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  return fmt::format("{}", value);  // the shortest text that reads back as the same double
}

// ---- Statement ----

Statement::Statement(Connection& connection, std::string sql, bool stream)
    : connection_(&connection), sql_(std::move(sql)), stream_(stream) {}

Statement::Statement(Statement&& other) noexcept
    : connection_(other.connection_),
      sql_(std::move(other.sql_)),
      stream_(other.stream_),
      parameters_(std::move(other.parameters_)),
      result_(std::move(other.result_)),
      row_(other.row_),
      ran_(other.ran_),
      cursor_open_(std::exchange(other.cursor_open_, false)),
      cursor_done_(other.cursor_done_),
      own_transaction_(std::exchange(other.own_transaction_, false)),
      cursor_name_(std::move(other.cursor_name_)) {}

Statement::~Statement() { CloseCursor(); }

void Statement::CloseCursor() {
  if (cursor_open_) {
    (void)connection_->Execute("CLOSE " + cursor_name_);
    cursor_open_ = false;
  }
  if (own_transaction_) {
    // A read-only transaction: committing or rolling back is the same; COMMIT fails when the
    // transaction was aborted, ROLLBACK never does.
    (void)connection_->Execute("ROLLBACK");
    own_transaction_ = false;
  }
}

void Statement::BindText(std::string_view text) { parameters_.emplace_back(std::string(text)); }
void Statement::BindInt(std::int64_t value) { parameters_.emplace_back(std::to_string(value)); }
void Statement::BindDouble(double value) { parameters_.emplace_back(DoubleText(value)); }
void Statement::BindNull() { parameters_.emplace_back(std::nullopt); }
void Statement::BindOptionalInt(std::optional<std::int64_t> value) {
  value ? BindInt(*value) : BindNull();
}
void Statement::BindOptionalDouble(std::optional<double> value) {
  value ? BindDouble(*value) : BindNull();
}
void Statement::BindOptionalText(const std::optional<std::string>& text) {
  text ? BindText(*text) : BindNull();
}

void Statement::Reset() {
  CloseCursor();
  parameters_.clear();
  result_.reset();
  row_ = -1;
  ran_ = false;
  cursor_done_ = false;
}

Status Statement::Run() {
  ran_ = true;
  row_ = -1;
  if (!stream_) {
    ORDO_TRY(result, connection_->Run(sql_, parameters_));
    result_ = std::move(result);
    return OkStatus();
  }
  // A cursor lives in a transaction: the caller's, or a read-only one of our own, repeatable
  // read so that cursors opened in it later (entity properties beside entities) see the same
  // committed rows.
  if (!connection_->InTransaction()) {
    ORDO_RETURN_IF_ERROR(connection_->Execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
    own_transaction_ = true;
  }
  cursor_name_ = connection_->NextCursorName();
  ORDO_TRY(declared, connection_->Run(fmt::format("DECLARE {} NO SCROLL CURSOR FOR {}",
                                                  cursor_name_, sql_),
                                      parameters_));
  (void)declared;
  cursor_open_ = true;
  cursor_done_ = false;
  return OkStatus();
}

Result<bool> Statement::Fetch() {
  if (cursor_done_) return false;
  ORDO_TRY(fetched,
           connection_->Run(fmt::format("FETCH {} FROM {}", kFetchRows, cursor_name_), {}));
  result_ = std::move(fetched);
  row_ = -1;
  if (PQntuples(result_.get()) < kFetchRows) cursor_done_ = true;
  return PQntuples(result_.get()) > 0;
}

Result<bool> Statement::Step() {
  if (!ran_) {
    ORDO_RETURN_IF_ERROR(Run());
    if (stream_) {
      ORDO_TRY(any, Fetch());
      if (!any) {
        CloseCursor();
        return false;
      }
    }
  }
  if (result_ == nullptr) return false;
  if (row_ + 1 < PQntuples(result_.get())) {
    ++row_;
    return true;
  }
  if (!stream_) return false;
  ORDO_TRY(more, Fetch());
  if (!more) {
    CloseCursor();
    return false;
  }
  row_ = 0;
  return true;
}

Result<InsertOutcome> Statement::Insert() {
  ResultHandle result = connection_->Exec(sql_, parameters_);
  parameters_.clear();
  const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    const std::string state = SqlState(result.get());
    if (state == "23505") return InsertOutcome::kUniqueViolation;
    if (state == "23503") return InsertOutcome::kForeignKeyViolation;
    return PgError(connection_->raw(), result.get(), "PostgreSQL insert failed");
  }
  if (PQnfields(result.get()) > 0 && PQntuples(result.get()) > 0) {
    connection_->SetLastInsertRowId(std::strtoll(PQgetvalue(result.get(), 0, 0), nullptr, 10));
  }
  return InsertOutcome::kInserted;
}

bool Statement::IsNull(int column) const { return PQgetisnull(result_.get(), row_, column) != 0; }

std::int64_t Statement::ColumnInt(int column) const {
  if (IsNull(column)) return 0;
  return std::strtoll(PQgetvalue(result_.get(), row_, column), nullptr, 10);
}

double Statement::ColumnDouble(int column) const {
  if (IsNull(column)) return 0;
  return std::strtod(PQgetvalue(result_.get(), row_, column), nullptr);
}

std::string Statement::ColumnText(int column) const {
  if (IsNull(column)) return "";
  return std::string(PQgetvalue(result_.get(), row_, column),
                     static_cast<std::size_t>(PQgetlength(result_.get(), row_, column)));
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

// ---- Connection ----

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& uri) {
  char* parse_error = nullptr;
  PQconninfoOption* options = PQconninfoParse(uri.c_str(), &parse_error);
  if (options == nullptr) {
    std::string reason = parse_error != nullptr ? parse_error : "cannot parse it";
    PQfreemem(parse_error);
    while (!reason.empty() && reason.back() == '\n') reason.pop_back();
    return InvalidArgument(fmt::format("not a PostgreSQL connection URI: {}", reason));
  }
  PQconninfoFree(options);
  pg_conn* conn = PQconnectdb(uri.c_str());
  if (conn == nullptr) return Unavailable("cannot connect to PostgreSQL: out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string reason = PQerrorMessage(conn);
    PQfinish(conn);
    while (!reason.empty() && (reason.back() == '\n' || reason.back() == ' ')) reason.pop_back();
    return Unavailable(fmt::format("cannot connect to PostgreSQL: {}", reason));
  }
  PQsetNoticeProcessor(conn, IgnoreNotice, nullptr);
  auto connection = std::unique_ptr<Connection>(new Connection(conn));
  // UTF-8 text both ways; doubles in their shortest exact form (the default since PostgreSQL 12,
  // set so that a server configured otherwise cannot round them).
  ORDO_RETURN_IF_ERROR(connection->Execute(
      "SET client_encoding = 'UTF8'; SET extra_float_digits = 1; SET DateStyle = 'ISO'"));
  return connection;
}

Connection::~Connection() { PQfinish(conn_); }

bool Connection::InTransaction() const { return PQtransactionStatus(conn_) != PQTRANS_IDLE; }

std::string Connection::NextCursorName() { return fmt::format("ordo_cursor_{}", ++cursors_); }

Status Connection::Execute(std::string_view sql) {
  ResultHandle result(PQexec(conn_, std::string(sql).c_str()));
  const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return PgError(conn_, result.get(), "PostgreSQL statement failed");
  }
  return OkStatus();
}

ResultHandle Connection::Exec(std::string_view sql,
                              const std::vector<std::optional<std::string>>& parameters) {
  std::vector<const char*> values;
  std::vector<int> lengths;
  values.reserve(parameters.size());
  lengths.reserve(parameters.size());
  for (const std::optional<std::string>& parameter : parameters) {
    values.push_back(parameter ? parameter->c_str() : nullptr);
    lengths.push_back(parameter ? static_cast<int>(parameter->size()) : 0);
  }
  return ResultHandle(PQexecParams(conn_, std::string(sql).c_str(),
                                   static_cast<int>(parameters.size()), nullptr, values.data(),
                                   lengths.data(), nullptr, 0));
}

Result<ResultHandle> Connection::Run(std::string_view sql,
                                     const std::vector<std::optional<std::string>>& parameters) {
  ResultHandle result = Exec(sql, parameters);
  const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return PgError(conn_, result.get(), "PostgreSQL query failed");
  }
  return result;
}

Result<Statement> Connection::Prepare(std::string_view sql, bool stream) {
  return Statement(*this, NumberPlaceholders(sql), stream);
}

Result<std::int64_t> Connection::QueryInt(std::string_view sql) {
  ORDO_TRY(statement, Prepare(sql));
  ORDO_TRY(has_row, statement.Step());
  if (!has_row) return Internal(fmt::format("no row from: {}", sql));
  return statement.ColumnInt(0);
}

Result<std::string> Connection::QueryText(std::string_view sql) {
  ORDO_TRY(statement, Prepare(sql));
  ORDO_TRY(has_row, statement.Step());
  if (!has_row) return Internal(fmt::format("no row from: {}", sql));
  return statement.ColumnText(0);
}

// ---- Transaction ----

Transaction::~Transaction() {
  if (open_) (void)connection_.Execute("ROLLBACK");
}

Status Transaction::Begin() {
  ORDO_RETURN_IF_ERROR(connection_.Execute("BEGIN"));
  open_ = true;
  // One writer at a time per Ordo schema, as SQLite's BEGIN IMMEDIATE: rows keep their write order
  // and a write's checks see every row committed before it.
  return connection_.Execute("SELECT pg_advisory_xact_lock(hashtext(current_schema()))");
}

Status Transaction::Commit() {
  open_ = false;
  return connection_.Execute("COMMIT");
}

// ---- CopyIn ----

Result<CopyIn> CopyIn::Start(Connection& connection, std::string_view copy_sql) {
  ResultHandle result(PQexec(connection.raw(), std::string(copy_sql).c_str()));
  if (!result || PQresultStatus(result.get()) != PGRES_COPY_IN) {
    return PgError(connection.raw(), result.get(), "cannot start COPY");
  }
  CopyIn copy(connection);
  copy.open_ = true;
  copy.buffer_.reserve(kCopyBufferBytes + 4096);
  return copy;
}

CopyIn::CopyIn(CopyIn&& other) noexcept
    : connection_(other.connection_),
      buffer_(std::move(other.buffer_)),
      row_started_(other.row_started_),
      open_(std::exchange(other.open_, false)) {}

CopyIn::~CopyIn() {
  if (open_) Abort("abandoned");
}

void CopyIn::Separator() {
  if (row_started_) buffer_ += '\t';
  row_started_ = true;
}

void CopyIn::Field(std::string_view text) {
  Separator();
  for (char c : text) {
    switch (c) {
      case '\\':
        buffer_ += "\\\\";
        break;
      case '\t':
        buffer_ += "\\t";
        break;
      case '\n':
        buffer_ += "\\n";
        break;
      case '\r':
        buffer_ += "\\r";
        break;
      default:
        buffer_ += c;
    }
  }
}

void CopyIn::Field(std::int64_t value) {
  Separator();
  buffer_ += std::to_string(value);
}

void CopyIn::Field(double value) {
  Separator();
  buffer_ += DoubleText(value);
}

void CopyIn::Null() {
  Separator();
  buffer_ += "\\N";
}

Status CopyIn::EndRow() {
  buffer_ += '\n';
  row_started_ = false;
  if (buffer_.size() >= kCopyBufferBytes) return Send();
  return OkStatus();
}

Status CopyIn::Send() {
  if (buffer_.empty()) return OkStatus();
  if (PQputCopyData(connection_->raw(), buffer_.data(), static_cast<int>(buffer_.size())) != 1) {
    return PgError(connection_->raw(), nullptr, "COPY failed");
  }
  buffer_.clear();
  return OkStatus();
}

Result<ResultHandle> CopyIn::Finish() {
  open_ = false;
  Status sent = Send();
  if (PQputCopyEnd(connection_->raw(), nullptr) != 1) {
    return PgError(connection_->raw(), nullptr, "COPY failed");
  }
  ResultHandle verdict;
  while (pg_result* result = PQgetResult(connection_->raw())) {
    ResultHandle handle(result);
    if (!verdict && PQresultStatus(result) != PGRES_COMMAND_OK) verdict = std::move(handle);
  }
  if (!verdict && !sent) return sent.error();
  return verdict;
}

void CopyIn::Abort(std::string_view reason) {
  open_ = false;
  (void)PQputCopyEnd(connection_->raw(), std::string(reason).c_str());
  while (pg_result* result = PQgetResult(connection_->raw())) PQclear(result);
}

}  // namespace ordo::storage::pg_internal
