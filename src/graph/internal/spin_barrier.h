#pragma once
// SpinBarrier: a barrier for a fixed number of threads that spins a while before it sleeps.
// Private to src/graph.
//
// Local moving (graph/louvain.cc) meets its threads twice per batch, thousands of times a call,
// and between batches the calling thread makes the moves alone for a few hundred microseconds.
// A thread asleep in std::barrier then wakes about 120 us after it is released on this machine
// (measured: two threads, 20,000 rounds with 100-400 us of work on one side between them), and
// every batch waits for it. Spinning first takes that to 2-10 us.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <thread>

namespace ordo::graph::internal {

class SpinBarrier {
 public:
  // `threads` threads meet at each phase; a thread that arrives early spins for at most `spin`
  // before it sleeps until the last arrives.
  explicit SpinBarrier(std::size_t threads,
                       std::chrono::microseconds spin = std::chrono::microseconds(1000))
      : threads_(threads), spin_(spin) {}
  SpinBarrier(const SpinBarrier&) = delete;
  SpinBarrier& operator=(const SpinBarrier&) = delete;

  // Returns once every thread has arrived at this phase. What a thread wrote before arriving is
  // visible to every thread after it returns.
  void ArriveAndWait() {
    const std::uint32_t phase = phase_.load(std::memory_order_acquire);
    if (arrived_.fetch_add(1, std::memory_order_acq_rel) + 1 == threads_) {
      arrived_.store(0, std::memory_order_relaxed);  // before the others can arrive again
      phase_.store(phase + 1, std::memory_order_release);
      phase_.notify_all();
      return;
    }
    // The first spins only pause; later ones yield, so that on a machine with more threads
    // than free cores the thread everyone waits for gets to run.
    const auto start = std::chrono::steady_clock::now();
    for (std::uint32_t i = 1;; ++i) {
      if (phase_.load(std::memory_order_acquire) != phase) return;
      if (i < kPauses) {
        Relax();
      } else {
        std::this_thread::yield();
      }
      if (i % 64 == 0 && std::chrono::steady_clock::now() - start > spin_) break;
    }
    while (phase_.load(std::memory_order_acquire) == phase) {
      phase_.wait(phase, std::memory_order_acquire);
    }
  }

 private:
  static void Relax() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield");
#endif
  }

  static constexpr std::uint32_t kPauses = 1024;  // a few tens of microseconds

  const std::size_t threads_;
  const std::chrono::microseconds spin_;
  std::atomic<std::size_t> arrived_{0};
  std::atomic<std::uint32_t> phase_{0};
};

}  // namespace ordo::graph::internal
