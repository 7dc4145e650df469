#pragma once
// Progress and cancellation of a whole-graph analysis (communities, PageRank, betweenness), shared
// between the caller and the running algorithm. The caller makes one Progress, passes its address
// in the algorithm's options (`options.progress`), and may Cancel() it from any thread — or from a
// signal handler: Cancel() is one lock-free atomic store. The algorithm checks Cancelled() once per
// unit of its work (a Louvain level, a PageRank iteration, a betweenness source) and then returns
// early; and it calls Report(done, total) as units finish.
//
// After a cancelled run the result is well-formed but partial (the best communities so far, the
// ranks of the last iteration, the scores of the sources searched): a caller that cancelled must
// check Cancelled() and discard it.

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <utility>

namespace ordo::graph {

class Progress {
 public:
  // Receives the fraction of the work done, in [0, 1], never decreasing. Calls are serialised
  // (never two at once) but may come from any of the algorithm's threads; it should be quick.
  using Callback = std::function<void(double fraction)>;

  Progress() = default;
  explicit Progress(Callback callback) : callback_(std::move(callback)) {}
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // Asks the algorithm to stop. Async-signal-safe.
  void Cancel() noexcept { cancelled_.store(true, std::memory_order_relaxed); }
  bool Cancelled() const noexcept { return cancelled_.load(std::memory_order_relaxed); }

  // For algorithms: `done` of `total` units are finished. Calls the callback when the fraction
  // has grown by at least kStep since the last call (or reached 1); cheap otherwise, so it may be
  // called once per unit. Thread-safe; a call made while another thread is in the callback is
  // dropped (a later one catches up), so callers draw their own 100% when the call returns.
  void Report(std::uint64_t done, std::uint64_t total) {
    if (!callback_ || total == 0) return;
    const double fraction = done >= total ? 1.0 : static_cast<double>(done) / static_cast<double>(total);
    if (fraction < reported_.load(std::memory_order_relaxed) + kStep && fraction < 1.0) return;
    std::unique_lock lock(mutex_, std::try_to_lock);
    if (!lock.owns_lock()) return;  // another thread is reporting; a later call catches up
    if (fraction <= reported_.load(std::memory_order_relaxed)) return;
    reported_.store(fraction, std::memory_order_relaxed);
    callback_(fraction);
  }

  // The last fraction passed to the callback (0 before any).
  double Fraction() const noexcept { return reported_.load(std::memory_order_relaxed); }

  static constexpr double kStep = 0.001;

 private:
  static_assert(std::atomic<bool>::is_always_lock_free, "Cancel() must be async-signal-safe");

  std::atomic<bool> cancelled_{false};
  Callback callback_;
  std::mutex mutex_;
  std::atomic<double> reported_{0};
};

}  // namespace ordo::graph
