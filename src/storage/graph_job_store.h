#pragma once
// GraphJobStore: the storage interface of the HTTP server's graph jobs (api/graph_jobs.h), so that
// a finished job's result outlives a restart and every server on one database sees it. Backends:
// memory/memory_graph_job_store.h, sqlite/sqlite_store.h and postgres/postgres_store.h;
// storage/conformance/graph_job_store_conformance.h holds them to this contract. Jobs are not
// case data: writing them leaves the data version and the link data version alone.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace ordo::storage {

// One job as the server last wrote it. Times are AuditTimestamp's form (which sorts as the time it
// names). The documents are stored as given, whatever their size: nothing is cut short.
struct StoredGraphJob {
  std::string id;            // 1 to 64 lowercase letters and digits
  std::string owner;         // the account that submitted it ("" on a server without accounts)
  std::string kind;          // "pagerank", "communities", ...
  std::string compartments;  // Visibility::Key() of the graph it ran on: "*", "a,b" or ""
  std::string marking;       // MarkingName of that graph's highest marking
  std::string state;         // queued, running, done, failed, cancelled or interrupted
  double progress = 0;       // 0 to 1
  std::string error;         // why it failed or was interrupted; "" otherwise
  std::string result;        // the result document (JSON) once done, "" before
  std::string values;        // {"entity id": value, ...} (JSON) once done, "" before
  std::string created_at;
  std::string updated_at;    // the last write of the server running it: its heartbeat
  std::string finished_at;   // "" while queued or running

  friend bool operator==(const StoredGraphJob&, const StoredGraphJob&) = default;
};

// True for "queued" and "running", the states a job leaves.
bool IsPendingGraphJobState(const std::string& state);

// The contract (every backend, same codes and messages):
//   AddGraphJob: CheckGraphJob (kInvalidArgument), then kAlreadyExists "graph job 'ID' already
//     exists".
//   UpdateGraphJob replaces everything but id, owner, kind, compartments, marking and created_at
//     of the job with job.id, only while that job is queued or running (a finished job is final:
//     a cancel written by one server wins over the result another writes later). True when it
//     changed the job; false when the job is finished or unknown. CheckGraphJob first.
//   FindGraphJob: the job or nullopt; with_values false leaves `values` "" (it can be large).
//   ListGraphJobs: the owner's jobs, newest first (created_at, then id, descending), with `result`
//     and `values` "".
//   InterruptGraphJobs: every queued or running job whose updated_at < updated_before becomes
//     "interrupted" with `error`, and updated_at = finished_at = `now`; says how many.
//   ForgetGraphJobs deletes finished jobs whose finished_at < finished_before, and of each owner's
//     finished jobs all but the newest keep_per_owner (by finished_at, then id); says how many.
//     Queued and running jobs are never deleted.
//
// Thread-safety: a store instance is used by one thread at a time.
class GraphJobStore {
 public:
  virtual ~GraphJobStore() = default;

  virtual Status AddGraphJob(const StoredGraphJob& job) = 0;
  virtual Result<bool> UpdateGraphJob(const StoredGraphJob& job) = 0;
  virtual Result<std::optional<StoredGraphJob>> FindGraphJob(const std::string& id,
                                                             bool with_values) = 0;
  virtual Result<std::vector<StoredGraphJob>> ListGraphJobs(const std::string& owner) = 0;
  virtual Result<std::size_t> InterruptGraphJobs(const std::string& updated_before,
                                                 const std::string& now,
                                                 const std::string& error) = 0;
  virtual Result<std::size_t> ForgetGraphJobs(const std::string& finished_before,
                                              std::size_t keep_per_owner) = 0;
};

// The checks AddGraphJob and UpdateGraphJob share; backends call it first. kInvalidArgument
// "graph job id must be 1 to 64 lowercase letters and digits" or "unknown graph job state 'S'
// (expected queued, running, done, failed, cancelled or interrupted)".
Status CheckGraphJob(const StoredGraphJob& job);

}  // namespace ordo::storage
