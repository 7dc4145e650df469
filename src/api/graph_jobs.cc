#include "api/graph_jobs.h"

#include <algorithm>
#include <exception>
#include <iomanip>
#include <sstream>

namespace ordo::api {

std::string_view JobStateName(JobState state) {
  switch (state) {
    case JobState::kQueued:
      return "queued";
    case JobState::kRunning:
      return "running";
    case JobState::kDone:
      return "done";
    case JobState::kFailed:
      return "failed";
    case JobState::kCancelled:
      return "cancelled";
  }
  return "failed";
}

void JobControl::SetProgress(double fraction) {
  fraction = std::clamp(fraction, 0.0, 1.0);
  double seen = progress_.load(std::memory_order_relaxed);
  while (fraction > seen &&
         !progress_.compare_exchange_weak(seen, fraction, std::memory_order_relaxed)) {
  }
}

GraphJobs::GraphJobs(GraphJobsOptions options)
    : options_(std::move(options)), random_(std::random_device{}()) {
  const std::size_t threads = std::max<std::size_t>(1, options_.threads);
  for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { RunJobs(); });
}

GraphJobs::~GraphJobs() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    for (auto& [id, job] : jobs_) job->control.Cancel();
  }
  wake_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

std::string GraphJobs::NewId() {
  // Not guessable from another job's id: ids will be per user once the API has accounts.
  std::ostringstream id;
  id << std::hex << std::setw(16) << std::setfill('0') << random_();
  return id.str();
}

std::size_t GraphJobs::Pending() const {
  std::size_t pending = 0;
  for (const auto& [id, job] : jobs_) {
    pending += job->state == JobState::kQueued || job->state == JobState::kRunning;
  }
  return pending;
}

std::optional<JobView> GraphJobs::Submit(std::string kind, JobWork work, std::string owner) {
  JobView queued;
  {
    std::lock_guard lock(mutex_);
    ForgetOld();
    if (Pending() >= options_.max_pending) return std::nullopt;
    auto job = std::make_shared<Job>();
    do {
      job->id = NewId();
    } while (jobs_.count(job->id) > 0);
    job->kind = std::move(kind);
    job->owner = std::move(owner);
    job->work = std::move(work);
    job->sequence = next_sequence_++;
    jobs_.emplace(job->id, job);
    queue_.push_back(job);
    queued = ViewOf(*job);  // queued, whatever a job thread makes of it next
  }
  wake_.notify_one();
  return queued;
}

std::optional<JobView> GraphJobs::Find(const std::string& id) {
  std::lock_guard lock(mutex_);
  ForgetOld();
  const auto found = jobs_.find(id);
  if (found == jobs_.end()) return std::nullopt;
  return ViewOf(*found->second);
}

std::optional<JobView> GraphJobs::Cancel(const std::string& id) {
  std::lock_guard lock(mutex_);
  ForgetOld();
  const auto found = jobs_.find(id);
  if (found == jobs_.end()) return std::nullopt;
  Job& job = *found->second;
  if (job.state == JobState::kQueued || job.state == JobState::kRunning) {
    job.control.Cancel();
    if (job.state == JobState::kQueued) {
      queue_.erase(std::find(queue_.begin(), queue_.end(), found->second));
    }
    Finish(job, JobState::kCancelled);
  }
  return ViewOf(job);
}

std::vector<JobView> GraphJobs::List() {
  std::lock_guard lock(mutex_);
  ForgetOld();
  std::vector<const Job*> jobs;
  for (const auto& [id, job] : jobs_) jobs.push_back(job.get());
  std::sort(jobs.begin(), jobs.end(),
            [](const Job* a, const Job* b) { return a->sequence > b->sequence; });
  std::vector<JobView> views;
  for (const Job* job : jobs) views.push_back(ViewOf(*job));
  return views;
}

void GraphJobs::RunJobs() {
  while (true) {
    std::shared_ptr<Job> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      job = queue_.front();
      queue_.pop_front();
      job->state = JobState::kRunning;
    }
    Result<JobOutput> output = InvalidArgument("the job did not run");
    try {
      output = job->work(job->control);
    } catch (const std::exception& exception) {
      output = Internal(std::string("the job failed unexpectedly: ") + exception.what());
    }
    std::lock_guard lock(mutex_);
    job->work = nullptr;  // lets go of what the work holds (the graph)
    if (job->state != JobState::kRunning) continue;  // cancelled meanwhile: the output is dropped
    if (job->control.Cancelled()) {
      Finish(*job, JobState::kCancelled);
    } else if (!output) {
      job->error = output.error().message();
      Finish(*job, JobState::kFailed);
    } else {
      job->control.SetProgress(1);
      job->output = std::make_shared<const JobOutput>(std::move(*output));
      Finish(*job, JobState::kDone);
    }
  }
}

void GraphJobs::Finish(Job& job, JobState state) {
  job.state = state;
  job.finished_at = std::chrono::steady_clock::now();
  finished_.push_back(jobs_.at(job.id));
  ForgetOld();
}

void GraphJobs::ForgetOld() {
  const auto now = std::chrono::steady_clock::now();
  while (!finished_.empty() && (finished_.size() > options_.max_finished ||
                                now - finished_.front()->finished_at > options_.keep_finished)) {
    jobs_.erase(finished_.front()->id);
    finished_.pop_front();
  }
}

JobView GraphJobs::ViewOf(const Job& job) {
  return {job.id, job.kind, job.owner, job.state, job.control.Progress(), job.error, job.output};
}

}  // namespace ordo::api
