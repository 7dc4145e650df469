#pragma once
// ResponseCache: finished API answers by normalized target (path and sorted query), so a repeated
// question costs a map lookup. Bounded: past the byte or entry budget the least recently used
// answers go first. One cache belongs to one registry snapshot and is dropped with it.

#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "api/http_types.h"

namespace ordo::api {

// Thread-safe.
class ResponseCache {
 public:
  // `max_bytes` bounds the sum of key and body sizes; an answer larger than a quarter of it is
  // not kept. 0 turns caching off.
  explicit ResponseCache(std::size_t max_bytes, std::size_t max_entries = 4096);

  ResponseCache(const ResponseCache&) = delete;
  ResponseCache& operator=(const ResponseCache&) = delete;

  // The answer stored under `key` (its body shared, not copied), now the most recently used.
  std::optional<HttpResponse> Find(const std::string& key);
  // Stores or replaces the answer for `key`, evicting the least recently used as needed.
  void Insert(const std::string& key, HttpResponse response);

  std::size_t entry_count() const;
  std::size_t byte_count() const;

 private:
  struct Entry {
    std::string key;
    HttpResponse response;
    std::size_t bytes = 0;
  };

  void EvictWhileOver(std::size_t bytes, std::size_t entries);

  const std::size_t max_bytes_;
  const std::size_t max_entries_;
  mutable std::mutex mutex_;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  std::size_t bytes_ = 0;
};

}  // namespace ordo::api
