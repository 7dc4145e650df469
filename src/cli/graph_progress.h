#pragma once
// GraphProgress: the terminal side of graph::Progress (graph/progress.h) for a whole-graph analysis
// run by a command: a line on stderr with the percentage done and the time taken (redrawn at most
// ten times a second, only when ShouldShowProgress says so), and Ctrl-C (SIGINT) turned into
// graph::Progress::Cancel() while it lives, so that the algorithm stops cleanly at its next check
// and the command exits with kExitInterrupted. A second Ctrl-C ends the process at once.

#include <chrono>
#include <memory>
#include <ostream>
#include <string>

#include "cli/progress_bar.h"
#include "graph/progress.h"

namespace ordo::cli {

class GraphProgress {
 public:
  // Installs the SIGINT handler; `err` must outlive this. One GraphProgress at a time per
  // process.
  GraphProgress(std::ostream& err, std::string label, bool show);
  GraphProgress(const GraphProgress&) = delete;
  GraphProgress& operator=(const GraphProgress&) = delete;
  // Ends the line and restores the previous SIGINT handler.
  ~GraphProgress();

  // For the algorithm's options.
  graph::Progress* get() { return progress_.get(); }
  // True when Ctrl-C (or Cancel()) stopped the work.
  bool Interrupted() const { return progress_->Cancelled(); }
  // Draws 100% (unless interrupted) and ends the line.
  void Finish();

  // "communities: 42%, 3.1 s".
  static std::string Line(const std::string& label, double fraction, double seconds);

 private:
  void Draw(double fraction, bool force);

  std::ostream& err_;
  std::string label_;
  bool show_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_{};
  std::size_t last_width_ = 0;
  bool drawn_ = false;
  bool finished_ = false;
  std::unique_ptr<graph::Progress> progress_;
};

}  // namespace ordo::cli
