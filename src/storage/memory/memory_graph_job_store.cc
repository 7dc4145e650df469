#include "storage/memory/memory_graph_job_store.h"

#include <algorithm>
#include <set>
#include <vector>

namespace ordo::storage {

Status MemoryGraphJobStore::AddGraphJob(const StoredGraphJob& job) {
  ORDO_RETURN_IF_ERROR(CheckGraphJob(job));
  if (!jobs_.emplace(job.id, job).second) {
    return AlreadyExists("graph job '" + job.id + "' already exists");
  }
  return OkStatus();
}

Result<bool> MemoryGraphJobStore::UpdateGraphJob(const StoredGraphJob& job) {
  ORDO_RETURN_IF_ERROR(CheckGraphJob(job));
  const auto found = jobs_.find(job.id);
  if (found == jobs_.end() || !IsPendingGraphJobState(found->second.state)) return false;
  StoredGraphJob& stored = found->second;
  stored.state = job.state;
  stored.progress = job.progress;
  stored.error = job.error;
  stored.result = job.result;
  stored.values = job.values;
  stored.updated_at = job.updated_at;
  stored.finished_at = job.finished_at;
  return true;
}

Result<std::optional<StoredGraphJob>> MemoryGraphJobStore::FindGraphJob(const std::string& id,
                                                                        bool with_values) {
  const auto found = jobs_.find(id);
  if (found == jobs_.end()) return std::optional<StoredGraphJob>();
  StoredGraphJob job = found->second;
  if (!with_values) job.values.clear();
  return std::optional<StoredGraphJob>(std::move(job));
}

Result<std::vector<StoredGraphJob>> MemoryGraphJobStore::ListGraphJobs(const std::string& owner) {
  std::vector<StoredGraphJob> jobs;
  for (const auto& [id, job] : jobs_) {
    if (job.owner != owner) continue;
    jobs.push_back(job);
    jobs.back().result.clear();
    jobs.back().values.clear();
  }
  std::sort(jobs.begin(), jobs.end(), [](const StoredGraphJob& a, const StoredGraphJob& b) {
    if (a.created_at != b.created_at) return a.created_at > b.created_at;
    return a.id > b.id;
  });
  return jobs;
}

Result<std::size_t> MemoryGraphJobStore::InterruptGraphJobs(const std::string& updated_before,
                                                            const std::string& now,
                                                            const std::string& error) {
  std::size_t interrupted = 0;
  for (auto& [id, job] : jobs_) {
    if (!IsPendingGraphJobState(job.state) || !(job.updated_at < updated_before)) continue;
    job.state = "interrupted";
    job.error = error;
    job.updated_at = now;
    job.finished_at = now;
    ++interrupted;
  }
  return interrupted;
}

Result<std::size_t> MemoryGraphJobStore::ForgetGraphJobs(const std::string& finished_before,
                                                         std::size_t keep_per_owner) {
  std::map<std::string, std::vector<const StoredGraphJob*>> finished;  // by owner
  for (const auto& [id, job] : jobs_) {
    if (!IsPendingGraphJobState(job.state)) finished[job.owner].push_back(&job);
  }
  std::set<std::string> doomed;
  for (auto& [owner, jobs] : finished) {
    std::sort(jobs.begin(), jobs.end(), [](const StoredGraphJob* a, const StoredGraphJob* b) {
      if (a->finished_at != b->finished_at) return a->finished_at > b->finished_at;
      return a->id > b->id;
    });
    for (std::size_t i = 0; i < jobs.size(); ++i) {
      if (i >= keep_per_owner || jobs[i]->finished_at < finished_before) doomed.insert(jobs[i]->id);
    }
  }
  for (const std::string& id : doomed) jobs_.erase(id);
  return doomed.size();
}

}  // namespace ordo::storage
