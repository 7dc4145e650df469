#pragma once
// Appends to and reads the audit log table (schema/0002_audit_and_accounts.sql) for
// PostgresStore's AuditStore side.

#include <cstddef>
#include <vector>

#include "core/result.h"
#include "storage/audit_store.h"
#include "storage/postgres/internal/pg_handle.h"

namespace ordo::storage::pg_internal {

// Chains and inserts `entry` after the last stored record. The caller holds a write transaction
// (holding the store's write lock), so no other writer can take the same seq.
Result<AuditRecord> InsertAuditRecord(Connection& connection, const AuditEntry& entry);

// Rows by ascending seq; with `after_seq`, only those after it.
Status ForEachAuditRow(Connection& connection, std::int64_t after_seq, const AuditVisitor& visit);

}  // namespace ordo::storage::pg_internal
