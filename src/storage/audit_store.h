#pragma once
// AuditStore: the storage interface of the append-only, hash-chained audit log (issue #6,
// core/audit_record.h). Backends: memory/memory_audit_store.h and sqlite/sqlite_store.h;
// storage/conformance/audit_store_conformance.h holds them to this contract. Checking a stored chain
// is analytics/audit_verify.h's work: the store only appends and reads.

#include <cstddef>
#include <functional>
#include <vector>

#include "core/audit_record.h"
#include "core/result.h"

namespace ordo::storage {

// Called once per record in sequence order; returning an error stops the walk and is returned.
using AuditVisitor = std::function<Status(const AuditRecord&)>;

// The contract:
//   AppendAudit checks the entry (CheckAuditEntry's errors), then, atomically with respect to
//   every other writer of the same log, gives it seq = last seq + 1 (1 for an empty log),
//   prev_hash = the last record's stored hash (kAuditGenesisHash for an empty log) and
//   hash = AuditRecordHash(seq, entry, prev_hash), stores it and returns the record.
//   Nothing updates or deletes a record: a backend that can refuse such writes does (SQLite's
//   triggers), and whatever gets past that is what verification finds.
//   Reads return records by ascending seq exactly as stored, even when they no longer verify.
//
// Thread-safety: a store instance is used by one thread at a time.
class AuditStore {
 public:
  virtual ~AuditStore() = default;

  virtual Result<AuditRecord> AppendAudit(const AuditEntry& entry) = 0;
  // Appends `entries` in order, each as AppendAudit would. A backend may write them in one
  // transaction (all or none, one commit for the lot: what a server auditing every request under
  // load needs); this default appends them one by one and stops at the first error, leaving the
  // ones before it stored.
  virtual Status AppendAuditBatch(const std::vector<AuditEntry>& entries) {
    for (const AuditEntry& entry : entries) {
      Result<AuditRecord> appended = AppendAudit(entry);
      if (!appended) return appended.error();
    }
    return OkStatus();
  }
  virtual Result<std::size_t> CountAudit() = 0;
  virtual Status ForEachAudit(const AuditVisitor& visit) = 0;
  // The last `count` records (fewer when the log is shorter), oldest first.
  virtual Result<std::vector<AuditRecord>> TailAudit(std::size_t count) = 0;
};

}  // namespace ordo::storage
