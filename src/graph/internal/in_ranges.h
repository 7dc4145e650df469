#pragma once
// InRanges: runs body(from, to) over [0, n) cut into `threads` consecutive ranges, one per
// thread (the caller's thread takes the first), and returns when all are done. Small n runs on the
// caller's thread alone. Private to src/graph.

#include <cstddef>
#include <thread>
#include <vector>

namespace ordo::graph::internal {

template <typename Body>
void InRanges(std::size_t n, std::size_t threads, Body&& body) {
  constexpr std::size_t kShared = std::size_t{1} << 16;  // below this, threads cost more
  if (threads <= 1 || n < kShared) {
    body(std::size_t{0}, n);
    return;
  }
  std::vector<std::jthread> helpers;
  for (std::size_t part = 1; part < threads; ++part) {
    helpers.emplace_back([&body, n, threads, part] {
      body(n * part / threads, n * (part + 1) / threads);
    });
  }
  body(std::size_t{0}, n / threads);
}

}  // namespace ordo::graph::internal
