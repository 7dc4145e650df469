#include "api/audit_writer.h"

#include <vector>

namespace ordo::api {
namespace {

constexpr std::size_t kMaxAuditField = 2000;

// What CheckAuditEntry accepts, keeping what can be kept: no NUL, nothing empty that must not be,
// no field longer than the CLI's records allow (cut at a UTF-8 character boundary).
void MakeStorable(AuditEntry& entry) {
  for (std::string* field : {&entry.at, &entry.actor, &entry.action, &entry.object, &entry.origin,
                             &entry.outcome, &entry.detail}) {
    std::string clean;
    clean.reserve(field->size());
    for (char c : *field) {
      if (c == '\0') {
        clean += "\xEF\xBF\xBD";
      } else {
        clean += c;
      }
    }
    if (clean.size() > kMaxAuditField) {
      std::size_t cut = kMaxAuditField;
      while (cut > 0 && (static_cast<unsigned char>(clean[cut]) & 0xC0) == 0x80) --cut;
      clean.resize(cut);
      clean += "...";
    }
    *field = std::move(clean);
  }
  for (std::string* field : {&entry.at, &entry.actor, &entry.action}) {
    if (field->empty()) *field = "-";
  }
}

}  // namespace

AuditWriter::AuditWriter(AuditStoreOpener open_store, AuditWriterOptions options)
    : open_store_(std::move(open_store)),
      options_(options),
      thread_([this] { Run(); }) {}

AuditWriter::~AuditWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_writer_.notify_all();
  thread_.join();
}

Status AuditWriter::Append(AuditEntry entry) {
  Pending pending;
  pending.entry = std::move(entry);
  MakeStorable(pending.entry);
  std::unique_lock lock(mutex_);
  if (stopping_) return Unavailable("the audit log is closing");
  queue_.push_back(&pending);
  wake_writer_.notify_one();
  wake_waiters_.wait(lock, [&] { return pending.done; });
  return pending.outcome;
}

void AuditWriter::Run() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_writer_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, nothing left
    std::vector<Pending*> batch;
    while (!queue_.empty() && batch.size() < options_.max_batch) {
      batch.push_back(queue_.front());
      queue_.pop_front();
    }
    lock.unlock();
    std::vector<AuditEntry> entries;
    entries.reserve(batch.size());
    for (const Pending* pending : batch) entries.push_back(pending->entry);
    Status outcome;
    if (!store_) {
      if (!open_store_) {
        outcome = FailedPrecondition("this server keeps no audit log");
      } else if (auto opened = open_store_(); opened) {
        store_ = std::move(*opened);
      } else {
        outcome = opened.error();
      }
    }
    if (store_) {
      outcome = store_->AppendAuditBatch(entries);
      if (!outcome.has_value()) store_.reset();  // reopened for the next batch
    }
    lock.lock();
    if (outcome.has_value()) {
      appended_ += batch.size();
      ++batches_;
    }
    for (Pending* pending : batch) {
      pending->outcome = outcome;
      pending->done = true;
    }
    wake_waiters_.notify_all();
  }
}

std::uint64_t AuditWriter::appended() const {
  std::lock_guard lock(mutex_);
  return appended_;
}

std::uint64_t AuditWriter::batches() const {
  std::lock_guard lock(mutex_);
  return batches_;
}

}  // namespace ordo::api
