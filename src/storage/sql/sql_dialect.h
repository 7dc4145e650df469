#pragma once
// The row code shared by the SQLite and PostgreSQL backends (storage/sql/*.h): each function is a
// template over the backend's Connection and Statement, so one text reads and writes the same
// tables in both, and a change to a table is made once. The backends' handles
// (sqlite/internal/sqlite_handle.h, postgres/internal/pg_handle.h) provide:
//
//   Connection: Prepare(sql, bool stream = false) -> Result<Statement>, with `?` placeholders
//               (PostgreSQL's handle numbers them); stream asks for a cursor where the backend
//               has one. Execute, QueryInt, QueryText, LastInsertRowId (the id an INSERT just
//               made: SQLite's rowid, PostgreSQL's RETURNING id).
//               kReturningId: what an INSERT needs appended for LastInsertRowId to work.
//               kNoLimit: what binds to `LIMIT ?` for "every row".
//               kForShare: what a SELECT needs appended to lock the rows it reads until the
//               statement's transaction ends ("" where the write transaction locks everything).
//   Statement:  Bind* in parameter order, Step, Insert (-> InsertOutcome), Reset, IsNull and
//               Column* by index.
//
// What differs beyond that stays in the backend: opening and migrating, transactions and locking,
// and the bulk seizure writer (SQLite's prepared INSERT against PostgreSQL's COPY).

#include <cstdint>
#include <string>
#include <string_view>

namespace ordo::storage::sql {

// How an INSERT ended when it did not fail outright.
enum class InsertOutcome { kInserted, kUniqueViolation, kForeignKeyViolation };

// `sql` with what the backend appends so that LastInsertRowId names the inserted row.
template <typename Connection>
std::string WithReturningId(std::string_view sql) {
  std::string text(sql);
  text += Connection::kReturningId;
  return text;
}

}  // namespace ordo::storage::sql
