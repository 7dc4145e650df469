#pragma once
// GraphJobs: the whole-graph analyses of the API (PageRank, betweenness, communities, k-core, key
// players, components) run as jobs on a small pool of threads of their own, never on the HTTP
// worker threads: a bounded queue, progress, cancellation, and finished jobs kept for a bounded
// time and number (docs/api/README.md, "Graph jobs"). With a GraphJobStore every job is written
// through to the database (state, progress as a heartbeat, the result and the values as JSON), so
// that a finished job outlives a restart and a job its server never finished reads as
// "interrupted"; without one (handler tests) jobs live in memory only. What a job computes is the
// caller's (routes_graph_jobs.cc); this class only runs, tracks, stores and forgets jobs.

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
#include <unordered_map>
#include <utility>
#include <vector>

#include "api/link_graph_slot.h"
#include "core/result.h"
#include "core/visibility.h"
#include "graph/progress.h"
#include "storage/graph_job_store.h"

namespace ordo::api {

// kInterrupted: the server stopped (or died) while the job was queued or running; it is not run
// again (docs/api/README.md, "Graph jobs", says why).
enum class JobState { kQueued, kRunning, kDone, kFailed, kCancelled, kInterrupted };

// "queued", "running", "done", "failed", "cancelled", "interrupted".
std::string_view JobStateName(JobState state);
// The inverse of JobStateName; nullopt for another text.
std::optional<JobState> ParseJobState(std::string_view text);

// What an interrupted job's error says.
inline constexpr char kInterruptedMessage[] =
    "the server stopped before the job finished; start it again";

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

// The work of a finished job: computed by this process (`graph` set), or read back from the store
// (`graph` null, `stored_values` filled when asked for).
struct JobOutput {
  std::string result_json;     // the summary document, serialized JSON
  std::vector<double> values;  // one per node of `graph`: a score, a community or a coreness
  bool integer_values = false;  // values are counts or numbers of groups, shown without fraction
  std::shared_ptr<const GraphSnapshot> graph;  // the graph the values belong to
  // Read back: the value of every entity id, from the document ValuesJson wrote.
  std::unordered_map<std::string, double> stored_values;
};

// {"entity id": value, ...} for every id `output.graph` knows (merged ids too, with their node's
// value): what the store keeps of the values. "{}" without a graph.
std::string ValuesJson(const JobOutput& output);

// What a job ran on, fixed when it is submitted: the compartments of its graph
// (Visibility::Key()) and that graph's highest marking.
struct JobScope {
  std::string compartments = "*";
  Marking marking = Marking::kUnmarked;
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
  std::string error;                         // empty unless failed or interrupted
  std::shared_ptr<const JobOutput> output;  // set when done
  JobScope scope;
  std::string created_at;  // AuditTimestamp's form
};

using GraphJobStoreOpener = std::function<Result<std::unique_ptr<storage::GraphJobStore>>()>;

struct GraphJobsOptions {
  std::size_t threads = 1;       // jobs that run at once, at least 1
  std::size_t max_pending = 8;   // queued and running jobs; Submit refuses more
  std::size_t max_finished = 32;  // finished jobs kept, the oldest forgotten first
  std::chrono::seconds keep_finished{3600};  // and forgotten this long after they finished
  // The database the jobs are written to; empty: memory only. The store keeps each owner's
  // newest keep_stored_per_owner finished jobs, none finished more than keep_stored ago.
  GraphJobStoreOpener open_store{};
  std::size_t keep_stored_per_owner = 32;
  std::chrono::seconds keep_stored{7 * 24 * 3600};
  // Every heartbeat the store gets the progress of this process's queued and running jobs; a
  // queued or running job in the store that no server has written for stale_after (its server
  // died) becomes "interrupted". stale_after is several heartbeats.
  std::chrono::milliseconds heartbeat{10'000};
  std::chrono::milliseconds stale_after{60'000};
  std::function<std::chrono::system_clock::time_point()> now{};  // empty: the system clock
  std::function<void(const std::string& message)> log{};     // store failures; may be empty
};

// Thread-safe. The destructor cancels every job, waits for the running ones to stop and leaves
// every job it did not finish "interrupted" in the store.
//
// Store errors: Submit, Find, Cancel and List return what the store returns (kUnavailable when the
// database cannot be read or written). Writes of a job's progress and end are not the caller's:
// one that fails is logged, and the job answers from memory while this process keeps it.
class GraphJobs {
 public:
  explicit GraphJobs(GraphJobsOptions options = {});
  ~GraphJobs();
  GraphJobs(const GraphJobs&) = delete;
  GraphJobs& operator=(const GraphJobs&) = delete;

  // Queues `work` as a job of `kind` (written to the store first); the new job, queued. nullopt
  // when max_pending jobs are already queued or running.
  Result<std::optional<JobView>> Submit(std::string kind, JobWork work, std::string owner = "",
                                        JobScope scope = {});

  // The job with this id, from memory or else from the store, or nullopt (never existed, or
  // finished and forgotten). A finished job read from the store carries its values only when
  // `with_values` (the last two read are kept parsed, for a client that asks in chunks).
  Result<std::optional<JobView>> Find(const std::string& id, bool with_values = false);

  // Cancels a queued or running job: it is "cancelled" at once and a running job's work is told to
  // stop (its thread is free again at the work's next check). A finished job stays as it is.
  // nullopt for an unknown id. A job another server runs is cancelled in the store; that server
  // stops it at its next heartbeat.
  Result<std::optional<JobView>> Cancel(const std::string& id);

  // Every job of `owner` known, newest first.
  Result<std::vector<JobView>> List(const std::string& owner);

 private:
  struct Job {
    std::string id;
    std::string kind;
    std::string owner;
    JobScope scope;
    std::string created_at;
    JobState state = JobState::kQueued;
    JobControl control;
    JobWork work;
    std::string error;
    std::shared_ptr<const JobOutput> output;
    std::chrono::steady_clock::time_point finished_at;
    std::uint64_t sequence = 0;
  };

  void RunJobs();
  void KeepStore();
  void Finish(Job& job, JobState state);
  void ForgetOld();
  std::size_t Pending() const;
  static JobView ViewOf(const Job& job);
  std::string NewId();
  std::string Now() const;

  // The store side: each call takes store_mutex_ (never while holding mutex_), opens the store when
  // it is not open, and drops it after an error so that the next call opens it again.
  Status WithStore(const std::function<Status(storage::GraphJobStore&)>& use);
  // Writes the job as it stands (the values document too once done); copies it under mutex_
  // first. False when the store no longer has it queued or running (another server cancelled it,
  // or a sweep found it stale): the job then takes the store's state.
  void Persist(const std::shared_ptr<Job>& job);
  void AdoptStoredEnd(const std::shared_ptr<Job>& job);
  void LogStoreError(const std::string& what, const Error& error) const;

  const GraphJobsOptions options_;
  std::mutex mutex_;
  std::condition_variable wake_;         // the job threads'
  std::condition_variable keeper_wake_;  // the keeper's
  bool stopping_ = false;
  std::size_t reserved_ = 0;  // slots taken by submissions being written to the store
  std::map<std::string, std::shared_ptr<Job>> jobs_;
  std::deque<std::shared_ptr<Job>> queue_;
  std::deque<std::shared_ptr<Job>> finished_;  // in the order they finished
  std::uint64_t next_sequence_ = 0;
  std::mt19937_64 random_;
  std::vector<std::thread> threads_;
  std::thread keeper_;  // the store's heartbeat, sweep and retention; only with a store

  std::mutex store_mutex_;
  std::unique_ptr<storage::GraphJobStore> store_;

  // The values of the finished jobs last read back from the store, newest last (at most 2).
  std::mutex loaded_mutex_;
  std::deque<std::pair<std::string, std::shared_ptr<const JobOutput>>> loaded_;
};

}  // namespace ordo::api
