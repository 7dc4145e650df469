#include "api/response_cache.h"

namespace ordo::api {
namespace {

// A rough per-entry overhead (list node, map node, headers) so that many tiny answers are
// bounded too.
constexpr std::size_t kEntryOverhead = 256;

}  // namespace

ResponseCache::ResponseCache(std::size_t max_bytes, std::size_t max_entries)
    : max_bytes_(max_bytes), max_entries_(max_entries) {}

std::optional<HttpResponse> ResponseCache::Find(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto it = index_.find(key);
  if (it == index_.end()) return std::nullopt;
  entries_.splice(entries_.begin(), entries_, it->second);
  return it->second->response;
}

void ResponseCache::Insert(const std::string& key, HttpResponse response) {
  const std::size_t bytes = key.size() + response.body->size() + kEntryOverhead;
  if (max_entries_ == 0 || bytes > max_bytes_ / 4) return;
  std::lock_guard lock(mutex_);
  if (auto it = index_.find(key); it != index_.end()) {
    bytes_ -= it->second->bytes;
    entries_.erase(it->second);
    index_.erase(it);
  }
  EvictWhileOver(max_bytes_ - bytes, max_entries_ - 1);
  entries_.push_front(Entry{key, std::move(response), bytes});
  index_.emplace(key, entries_.begin());
  bytes_ += bytes;
}

void ResponseCache::EvictWhileOver(std::size_t bytes, std::size_t entries) {
  while (!entries_.empty() && (bytes_ > bytes || entries_.size() > entries)) {
    bytes_ -= entries_.back().bytes;
    index_.erase(entries_.back().key);
    entries_.pop_back();
  }
}

std::size_t ResponseCache::entry_count() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

std::size_t ResponseCache::byte_count() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

}  // namespace ordo::api
