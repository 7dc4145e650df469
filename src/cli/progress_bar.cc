#include "cli/progress_bar.h"

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <utility>

namespace ordo::cli {
namespace {

std::string Bytes(std::uint64_t bytes) {
  constexpr double kKiB = 1024.0;
  const auto value = static_cast<double>(bytes);
  if (value >= kKiB * kKiB * kKiB) return fmt::format("{:.1f} GiB", value / (kKiB * kKiB * kKiB));
  if (value >= kKiB * kKiB) return fmt::format("{:.1f} MiB", value / (kKiB * kKiB));
  if (value >= kKiB) return fmt::format("{:.1f} KiB", value / kKiB);
  return fmt::format("{} B", bytes);
}

// "of TOTAL (P%)", or "" without a total.
std::string OfTotal(std::uint64_t done, std::optional<std::uint64_t> total,
                    std::string (*format)(std::uint64_t)) {
  if (!total) return "";
  const std::uint64_t percent =
      *total == 0 ? 100 : std::min<std::uint64_t>(100, done * 100 / *total);
  return fmt::format(" of {} ({}%)", format(*total), percent);
}

std::string CountText(std::uint64_t count) { return std::to_string(count); }

}  // namespace

void AddProgressFlags(CLI::App& command, ProgressFlags& flags) {
  command.add_flag("--progress", flags.progress,
                   "Show progress on stderr even when it is not a terminal");
  command.add_flag("--quiet", flags.quiet, "Never show progress");
}

bool ShouldShowProgress(const ProgressFlags& flags, const std::ostream& err) {
  if (flags.quiet) return false;
  if (flags.progress) return true;
  return &err == &std::cerr && ::isatty(STDERR_FILENO) == 1;
}

ProgressBar::ProgressBar(std::ostream& out, std::string label, ProgressTotals totals, Now now)
    : out_(out), label_(std::move(label)), totals_(totals), now_(std::move(now)), start_(now_()) {}

ProgressBar::~ProgressBar() {
  if (last_draw_ && !finished_) out_ << '\n' << std::flush;
}

bool ProgressBar::Due() const {
  return !finished_ && (!last_draw_ || now_() - *last_draw_ >= kRedrawInterval);
}

void ProgressBar::Update(std::uint64_t rows, std::optional<std::uint64_t> bytes) {
  if (Due()) Draw(rows, bytes);
}

void ProgressBar::Finish(std::uint64_t rows, std::optional<std::uint64_t> bytes) {
  if (finished_) return;
  Draw(rows, bytes);
  out_ << '\n' << std::flush;
  finished_ = true;
}

std::string ProgressBar::Line(std::uint64_t rows, std::optional<std::uint64_t> bytes,
                              Clock::duration elapsed) const {
  std::string line = label_ + ":";
  if (bytes) line += " " + Bytes(*bytes) + OfTotal(*bytes, totals_.bytes, Bytes) + ",";
  line += " " + CountText(rows) + OfTotal(rows, totals_.rows, CountText) + " rows";
  const double seconds = std::chrono::duration<double>(elapsed).count();
  if (seconds > 0) {
    line += fmt::format(", {:.0f} rows/s", static_cast<double>(rows) / seconds);
  }
  return line;
}

void ProgressBar::Draw(std::uint64_t rows, std::optional<std::uint64_t> bytes) {
  const Clock::time_point now = now_();
  std::string line = Line(rows, bytes, now - start_);
  const std::size_t width = line.size();
  // Spaces over what is left of a longer previous line.
  if (width < last_width_) line.append(last_width_ - width, ' ');
  out_ << '\r' << line << std::flush;
  last_width_ = width;
  last_draw_ = now;
}

}  // namespace ordo::cli
