#pragma once
// BatchChannel: hands batches of values from one producer thread to one consumer thread in order,
// holding at most `capacity` batches at a time, so that a fast producer waits for a slow consumer
// instead of filling memory. The seizure import uses it to read and validate a file on one core
// while the other writes the rows already read (analytics/seizure_import.cc).
//
// Either side may stop early: the consumer with Close() (a Push then drops its batch and returns
// false), the producer with Finish() (Pop returns the batches still queued, then false).
// Thread-safe for one producer and one consumer.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <utility>
#include <vector>

#include "core/assert.h"

namespace ordo::analytics::internal {

template <typename T>
class BatchChannel {
 public:
  explicit BatchChannel(std::size_t capacity) : capacity_(capacity) {
    ORDO_ASSERT(capacity > 0, "a channel holds at least one batch");
  }
  BatchChannel(const BatchChannel&) = delete;
  BatchChannel& operator=(const BatchChannel&) = delete;

  // Producer: queues `batch`, waiting while `capacity` batches are queued. Returns false, and
  // drops the batch, once the consumer has closed the channel.
  bool Push(std::vector<T> batch) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [this] { return closed_ || queue_.size() < capacity_; });
    if (closed_) return false;
    queue_.push_back(std::move(batch));
    not_empty_.notify_one();
    return true;
  }

  // Producer: no batch will follow.
  void Finish() {
    std::lock_guard lock(mutex_);
    finished_ = true;
    not_empty_.notify_one();
  }

  // Consumer: the next batch into `batch`, waiting for one. Returns false when the producer has
  // finished and nothing is queued, or after Close().
  bool Pop(std::vector<T>& batch) {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [this] { return closed_ || finished_ || !queue_.empty(); });
    if (closed_ || queue_.empty()) return false;
    batch = std::move(queue_.front());
    queue_.pop_front();
    not_full_.notify_one();
    return true;
  }

  // Consumer: the next batch into `batch` if one is queued, without waiting.
  bool TryPop(std::vector<T>& batch) {
    std::lock_guard lock(mutex_);
    if (closed_ || queue_.empty()) return false;
    batch = std::move(queue_.front());
    queue_.pop_front();
    not_full_.notify_one();
    return true;
  }

  // Consumer: takes nothing more; queued batches are dropped and a waiting Push returns.
  void Close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    queue_.clear();
    not_full_.notify_one();
  }

 private:
  const std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable not_full_;
  std::condition_variable not_empty_;
  std::deque<std::vector<T>> queue_;
  bool finished_ = false;
  bool closed_ = false;
};

}  // namespace ordo::analytics::internal
