#include "storage/memory/memory_audit_store.h"

#include <string>

namespace ordo::storage {

Result<AuditRecord> MemoryAuditStore::AppendAudit(const AuditEntry& entry) {
  ORDO_RETURN_IF_ERROR(CheckAuditEntry(entry));
  AuditRecord record;
  record.seq = records_.empty() ? 1 : records_.back().seq + 1;
  record.entry = entry;
  record.prev_hash = records_.empty() ? std::string(kAuditGenesisHash) : records_.back().hash;
  record.hash = AuditRecordHash(record.seq, record.entry, record.prev_hash);
  records_.push_back(record);
  return record;
}

Result<std::size_t> MemoryAuditStore::CountAudit() { return records_.size(); }

Status MemoryAuditStore::ForEachAudit(const AuditVisitor& visit) {
  for (const AuditRecord& record : records_) ORDO_RETURN_IF_ERROR(visit(record));
  return OkStatus();
}

Result<std::vector<AuditRecord>> MemoryAuditStore::TailAudit(std::size_t count) {
  const std::size_t first = records_.size() > count ? records_.size() - count : 0;
  return std::vector<AuditRecord>(records_.begin() + static_cast<std::ptrdiff_t>(first),
                                  records_.end());
}

}  // namespace ordo::storage
