#include "storage/postgres/internal/audit_log.h"

#include <string>

namespace ordo::storage::pg_internal {

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

}  // namespace ordo::storage::pg_internal
