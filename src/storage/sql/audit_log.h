#pragma once
// Appends to and reads the audit log table for the AuditStore side of both SQL stores.
// Shared by the SQLite and PostgreSQL stores: a template over either backend's handle
// (storage/sql/sql_dialect.h).

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/result.h"
#include "storage/audit_store.h"
#include "storage/sql/sql_dialect.h"

namespace ordo::storage::sql {

// Chains and inserts `entry` after the last stored record. The caller holds a write transaction
// (holding the store's write lock), so no other writer can take the same seq.
template <typename Connection>
Result<AuditRecord> InsertAuditRecord(Connection& connection, const AuditEntry& entry) {
  AuditRecord record;
  record.entry = entry;
  ORDO_TRY(last, connection.Prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
  ORDO_TRY(has_last, last.Step());
  if (has_last) {
    record.seq = last.ColumnInt(0) + 1;
    record.prev_hash = last.ColumnText(1);
  } else {
    record.seq = 1;
    record.prev_hash = std::string(kAuditGenesisHash);
  }
  record.hash = AuditRecordHash(record.seq, record.entry, record.prev_hash);

  ORDO_TRY(insert, connection.Prepare(
                       "INSERT INTO audit_log (seq, at, actor, action, object, origin, outcome, "
                       "detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  insert.BindInt(record.seq);
  for (const std::string* field : {&entry.at, &entry.actor, &entry.action, &entry.object,
                                   &entry.origin, &entry.outcome, &entry.detail}) {
    insert.BindText(*field);
  }
  insert.BindText(record.prev_hash);
  insert.BindText(record.hash);
  ORDO_TRY(outcome, insert.Insert());
  if (outcome != InsertOutcome::kInserted) {
    return Internal("audit record " + std::to_string(record.seq) + " is already stored");
  }
  return record;
}

// Rows by ascending seq; with `after_seq`, only those after it.
template <typename Connection>
Status ForEachAuditRow(Connection& connection, std::int64_t after_seq, const AuditVisitor& visit) {
  ORDO_TRY(select,
           connection.Prepare("SELECT seq, at, actor, action, object, origin, outcome, detail, "
                              "prev_hash, hash FROM audit_log WHERE seq > ? ORDER BY seq",
                              /*stream=*/true));
  select.BindInt(after_seq);
  AuditRecord record;
  while (true) {
    ORDO_TRY(has_row, select.Step());
    if (!has_row) return OkStatus();
    record.seq = select.ColumnInt(0);
    record.entry.at = select.ColumnText(1);
    record.entry.actor = select.ColumnText(2);
    record.entry.action = select.ColumnText(3);
    record.entry.object = select.ColumnText(4);
    record.entry.origin = select.ColumnText(5);
    record.entry.outcome = select.ColumnText(6);
    record.entry.detail = select.ColumnText(7);
    record.prev_hash = select.ColumnText(8);
    record.hash = select.ColumnText(9);
    ORDO_RETURN_IF_ERROR(visit(record));
  }
}

// The last `count` records in seq order (fewer when the log is shorter).
template <typename Connection>
Result<std::vector<AuditRecord>> TailAuditRows(Connection& connection, std::size_t count) {
  std::vector<AuditRecord> records;
  if (count == 0) return records;
  // The seq just before the count-th last row, or 0 when the log is shorter.
  ORDO_TRY(after, connection.QueryInt(fmt::format(
                      "SELECT coalesce((SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 1 "
                      "OFFSET {}) - 1, 0)",
                      std::min<std::size_t>(count, std::size_t{1} << 62) - 1)));
  ORDO_RETURN_IF_ERROR(ForEachAuditRow(connection, after, [&](const AuditRecord& record) {
    records.push_back(record);
    return OkStatus();
  }));
  return records;
}

}  // namespace ordo::storage::sql
