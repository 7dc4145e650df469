#include "cli/graph_progress.h"

#include <fmt/format.h>

#include <atomic>
#include <csignal>

namespace ordo::cli {
namespace {

std::atomic<graph::Progress*> g_running{nullptr};
static_assert(std::atomic<graph::Progress*>::is_always_lock_free);

struct sigaction g_previous {};

extern "C" void CancelOnInterrupt(int) {
  graph::Progress* running = g_running.load();
  if (running != nullptr) running->Cancel();
  // A second Ctrl-C ends the process as if nothing had caught the first.
  std::signal(SIGINT, SIG_DFL);
}

}  // namespace

GraphProgress::GraphProgress(std::ostream& err, std::string label, bool show)
    : err_(err),
      label_(std::move(label)),
      show_(show),
      start_(std::chrono::steady_clock::now()),
      progress_(std::make_unique<graph::Progress>([this](double fraction) { Draw(fraction, false); })) {
  g_running.store(progress_.get());
  struct sigaction action {};
  action.sa_handler = CancelOnInterrupt;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, &g_previous);
}

GraphProgress::~GraphProgress() {
  sigaction(SIGINT, &g_previous, nullptr);
  g_running.store(nullptr);
  if (drawn_ && !finished_) err_ << '\n' << std::flush;
}

void GraphProgress::Finish() {
  if (finished_) return;
  finished_ = true;
  if (!show_) return;
  Draw(Interrupted() ? progress_->Fraction() : 1.0, true);
  err_ << (Interrupted() ? " (interrupted)\n" : "\n") << std::flush;
}

std::string GraphProgress::Line(const std::string& label, double fraction, double seconds) {
  return fmt::format("{}: {:.0f}%, {:.1f} s", label, fraction * 100, seconds);
}

void GraphProgress::Draw(double fraction, bool force) {
  if (!show_) return;
  const auto now = std::chrono::steady_clock::now();
  if (!force && drawn_ && now - last_draw_ < ProgressBar::kRedrawInterval) return;
  std::string line =
      Line(label_, fraction, std::chrono::duration<double>(now - start_).count());
  const std::size_t width = line.size();
  if (width < last_width_) line.append(last_width_ - width, ' ');
  err_ << '\r' << line << std::flush;
  last_width_ = width;
  last_draw_ = now;
  drawn_ = true;
}

}  // namespace ordo::cli
