#pragma once
// GraphJobs: the whole-graph analyses of the API (PageRank, betweenness, communities, k-core, key
// players, components) run as jobs on a small pool of threads of their own, never on the HTTP
// worker threads: a bounded queue, progress, cancellation, and finished jobs kept for a bounded
// time and number (docs/api/README.md, "Graph jobs"). What a job computes is the caller's
// (routes_graph_jobs.cc); this class only runs, tracks and forgets jobs.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "api/link_graph_slot.h"
#include "core/result.h"
#include "graph/progress.h"

namespace ordo::api {

enum class JobState { kQueued, kRunning, kDone, kFailed, kCancelled };

// "queued", "running", "done", "failed", "cancelled".
std::string_view JobStateName(JobState state);

// What a running job sees. Thread-safe.
class JobControl {
 public:
  JobControl() = default;
  JobControl(const JobControl&) = delete;
  JobControl& operator=(const JobControl&) = delete;

  // True once the job was cancelled; the work should return soon after (its result is dropped).
  bool Cancelled() const { return algorithm_.Cancelled(); }
  // The share of the work done, in [0, 1]; values below the last one are ignored.
  void SetProgress(double fraction);
  double Progress() const { return progress_.load(std::memory_order_relaxed); }
  void Cancel() { algorithm_.Cancel(); }

  // For the graph algorithms' options (graph/progress.h): what they report becomes the job's
  // progress, and Cancel() stops them at their next check (a PageRank iteration, a Louvain level,
  // a betweenness source), not only between them.
  graph::Progress& AlgorithmProgress() { return algorithm_; }

 private:
  std::atomic<double> progress_{0};
  graph::Progress algorithm_{[this](double fraction) { SetProgress(fraction); }};
};

// The work of a finished job.
struct JobOutput {
  std::string result_json;     // the summary document, serialized JSON
  std::vector<double> values;  // one per node of `graph`: a score, a community or a coreness
  bool integer_values = false;  // values are counts or numbers of groups, shown without fraction
  std::shared_ptr<const GraphSnapshot> graph;  // the graph the values belong to
};

// Runs on a job thread. Returns the output, or an error that becomes the job's "error".
using JobWork = std::function<Result<JobOutput>(JobControl& control)>;

// A job as it stands at one moment, for an answer.
struct JobView {
  std::string id;
  std::string kind;
  std::string owner;  // the account that submitted it ("" without one); only it may see the job
  JobState state = JobState::kQueued;
  double progress = 0;
  std::string error;                         // empty unless failed
  std::shared_ptr<const JobOutput> output;  // set when done
};

struct GraphJobsOptions {
  std::size_t threads = 1;       // jobs that run at once, at least 1
  std::size_t max_pending = 8;   // queued and running jobs; Submit refuses more
  std::size_t max_finished = 32;  // finished jobs kept, the oldest forgotten first
  std::chrono::seconds keep_finished{3600};  // and forgotten this long after they finished
};

// Thread-safe. The destructor cancels every job and waits for the running ones to stop.
class GraphJobs {
 public:
  explicit GraphJobs(GraphJobsOptions options = {});
  ~GraphJobs();
  GraphJobs(const GraphJobs&) = delete;
  GraphJobs& operator=(const GraphJobs&) = delete;

  // Queues `work` as a job of `kind`; the new job, queued. nullopt when max_pending jobs are
  // already queued or running.
  std::optional<JobView> Submit(std::string kind, JobWork work, std::string owner = "");

  // The job with this id, or nullopt (never existed, or finished and forgotten).
  std::optional<JobView> Find(const std::string& id);

  // Cancels a queued or running job: it is "cancelled" at once and a running job's work is told to
  // stop (its thread is free again at the work's next check). A finished job stays as it is.
  // nullopt for an unknown id.
  std::optional<JobView> Cancel(const std::string& id);

  // Every job known, newest first.
  std::vector<JobView> List();

 private:
  struct Job {
    std::string id;
    std::string kind;
    std::string owner;
    JobState state = JobState::kQueued;
    JobControl control;
    JobWork work;
    std::string error;
    std::shared_ptr<const JobOutput> output;
    std::chrono::steady_clock::time_point finished_at;
    std::uint64_t sequence = 0;
  };

  void RunJobs();
  void Finish(Job& job, JobState state);
  void ForgetOld();
  std::size_t Pending() const;
  static JobView ViewOf(const Job& job);
  std::string NewId();

  const GraphJobsOptions options_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::map<std::string, std::shared_ptr<Job>> jobs_;
  std::deque<std::shared_ptr<Job>> queue_;
  std::deque<std::shared_ptr<Job>> finished_;  // in the order they finished
  std::uint64_t next_sequence_ = 0;
  std::mt19937_64 random_;
  std::vector<std::thread> threads_;
};

}  // namespace ordo::api
