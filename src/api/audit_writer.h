#pragma once
// AuditWriter: the server's side of the audit log (docs/audit.md, "Over HTTP"). Workers hand it
// entries and wait; one writer thread takes whatever has queued up meanwhile and appends it as one
// batch (AuditStore::AppendAuditBatch: one transaction, one commit, on a backend that supports it),
// then wakes each waiter with the outcome. So under load many requests share one commit, and an
// answer is sent only once the record of it is stored: an unaudited read of case data is refused
// (503), never served.

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "core/audit_record.h"
#include "core/result.h"
#include "storage/audit_store.h"

namespace ordo::api {

using AuditStoreOpener = std::function<Result<std::unique_ptr<storage::AuditStore>>()>;

struct AuditWriterOptions {
  std::size_t max_batch = 512;  // entries per transaction at most
};

// Thread-safe.
class AuditWriter {
 public:
  // The store is opened on the writer thread when first needed, and again after an error.
  explicit AuditWriter(AuditStoreOpener open_store, AuditWriterOptions options = {});
  // Appends what is queued, then stops the thread.
  ~AuditWriter();
  AuditWriter(const AuditWriter&) = delete;
  AuditWriter& operator=(const AuditWriter&) = delete;

  // Stores `entry` (made storable first: NUL characters become U+FFFD, long fields are cut, empty
  // required fields become "-") and returns once it is stored, or with the error that kept it out.
  Status Append(AuditEntry entry);

  // Entries stored and transactions used so far, for tests and benchmarks.
  std::uint64_t appended() const;
  std::uint64_t batches() const;

 private:
  struct Pending {
    AuditEntry entry;
    bool done = false;
    Status outcome;
  };

  void Run();

  const AuditStoreOpener open_store_;
  const AuditWriterOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable wake_writer_;
  std::condition_variable wake_waiters_;
  std::deque<Pending*> queue_;
  bool stopping_ = false;
  std::uint64_t appended_ = 0;
  std::uint64_t batches_ = 0;
  std::unique_ptr<storage::AuditStore> store_;  // the writer thread's only
  std::thread thread_;                          // last: starts once the rest exists
};

}  // namespace ordo::api
