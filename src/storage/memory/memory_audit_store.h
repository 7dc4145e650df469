#pragma once
// MemoryAuditStore: an AuditStore in process memory; the reference behaviour for the audit store
// conformance suite.

#include <cstddef>
#include <vector>

#include "storage/audit_store.h"

namespace ordo::storage {

// Implements the AuditStore contract exactly. Thread-safety: as AuditStore.
class MemoryAuditStore final : public AuditStore {
 public:
  MemoryAuditStore() = default;
  MemoryAuditStore(const MemoryAuditStore&) = delete;
  MemoryAuditStore& operator=(const MemoryAuditStore&) = delete;

  Result<AuditRecord> AppendAudit(const AuditEntry& entry) override;
  Result<std::size_t> CountAudit() override;
  Status ForEachAudit(const AuditVisitor& visit) override;
  Result<std::vector<AuditRecord>> TailAudit(std::size_t count) override;

 private:
  std::vector<AuditRecord> records_;
};

}  // namespace ordo::storage
