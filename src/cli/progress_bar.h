#pragma once
// ProgressBar: one status line on a terminal for long work (imports, simulate): bytes read of the
// file size, rows, rows per second. It redraws in place with '\r' at most ten times a second and
// ends its line with '\n' when finished. ShouldShowProgress decides whether to draw at all.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>

namespace CLI {
class App;
}

namespace ordo::cli {

// --progress forces the bar on, --quiet forces it off; neither: on when stderr is a terminal.
struct ProgressFlags {
  bool progress = false;
  bool quiet = false;
};

// Adds --progress and --quiet to `command`, bound to `flags` (which must outlive it).
void AddProgressFlags(CLI::App& command, ProgressFlags& flags);

// Whether to draw on `err`: never with --quiet; always with --progress; otherwise only when `err`
// is std::cerr and the process's stderr is a terminal.
bool ShouldShowProgress(const ProgressFlags& flags, const std::ostream& err);

struct ProgressTotals {
  std::optional<std::uint64_t> bytes;  // file size, when the work reads a file
  std::optional<std::uint64_t> rows;   // when the row count is known beforehand
};

// Not thread-safe; `out` must outlive the bar.
class ProgressBar {
 public:
  using Clock = std::chrono::steady_clock;
  using Now = std::function<Clock::time_point()>;

  // Shortest time between two drawings.
  static constexpr std::chrono::milliseconds kRedrawInterval{100};

  // `label` starts the line ("seizures import: check"). The clock is injectable for tests.
  ProgressBar(std::ostream& out, std::string label, ProgressTotals totals, Now now = Clock::now);
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;
  // Ends an unfinished line, so that later output starts on a line of its own.
  ~ProgressBar();

  // True when a redraw is due (nothing drawn yet, or the last drawing is kRedrawInterval old).
  // Cheap: callers that pay for `bytes` (a tellg) ask this first.
  bool Due() const;

  // Redraws the line with these counts if a redraw is due.
  void Update(std::uint64_t rows, std::optional<std::uint64_t> bytes = {});

  // Draws the final counts and ends the line with '\n'. Later calls do nothing.
  void Finish(std::uint64_t rows, std::optional<std::uint64_t> bytes = {});

  // The text of the line for these counts after `elapsed` (no '\r'), e.g.
  // "import: 1.5 MiB of 3.0 MiB (50%), 12000 rows, 24000 rows/s".
  std::string Line(std::uint64_t rows, std::optional<std::uint64_t> bytes,
                   Clock::duration elapsed) const;

 private:
  void Draw(std::uint64_t rows, std::optional<std::uint64_t> bytes);

  std::ostream& out_;
  std::string label_;
  ProgressTotals totals_;
  Now now_;
  Clock::time_point start_;
  std::optional<Clock::time_point> last_draw_;
  std::size_t last_width_ = 0;
  bool finished_ = false;
};

}  // namespace ordo::cli
