#include "api/graph_jobs.h"

#include <algorithm>
#include <exception>
#include <iomanip>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/audit_record.h"

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
    case JobState::kInterrupted:
      return "interrupted";
  }
  return "failed";
}

std::optional<JobState> ParseJobState(std::string_view text) {
  for (JobState state : {JobState::kQueued, JobState::kRunning, JobState::kDone,
                         JobState::kFailed, JobState::kCancelled, JobState::kInterrupted}) {
    if (JobStateName(state) == text) return state;
  }
  return std::nullopt;
}

// Written member by member (each key and number as nlohmann::json writes it), not through a
// json object: for 500,000 entities that took 1.5 s of the job thread.
std::string ValuesJson(const JobOutput& output) {
  if (output.graph == nullptr) return "{}";
  std::string text = "{";
  for (const auto& [id, node] : output.graph->links.node_of) {
    if (text.size() > 1) text += ',';
    text += nlohmann::json(id).dump();
    text += ':';
    const double value = output.values[node];
    text += output.integer_values ? std::to_string(static_cast<std::int64_t>(value))
                                  : nlohmann::json(value).dump();
  }
  text += '}';
  return text;
}

void JobControl::SetProgress(double fraction) {
  fraction = std::clamp(fraction, 0.0, 1.0);
  double seen = progress_.load(std::memory_order_relaxed);
  while (fraction > seen &&
         !progress_.compare_exchange_weak(seen, fraction, std::memory_order_relaxed)) {
  }
}

namespace {

bool IsPending(JobState state) { return state == JobState::kQueued || state == JobState::kRunning; }

// A job read back from the store, as an answer sees it.
Result<JobView> ViewOfStored(storage::StoredGraphJob stored) {
  std::optional<JobState> state = ParseJobState(stored.state);
  if (!state) return Internal("graph job '" + stored.id + "' has state '" + stored.state + "'");
  Result<Marking> marking = ParseMarking(stored.marking);
  if (!marking) return Internal("graph job '" + stored.id + "': " + marking.error().message());
  JobView view;
  view.id = std::move(stored.id);
  view.kind = std::move(stored.kind);
  view.owner = std::move(stored.owner);
  view.state = *state;
  view.progress = stored.progress;
  view.error = std::move(stored.error);
  view.scope = {std::move(stored.compartments), *marking};
  view.created_at = std::move(stored.created_at);
  if (*state == JobState::kDone) {
    auto output = std::make_shared<JobOutput>();
    output->result_json = std::move(stored.result);
    view.output = std::move(output);
  }
  return view;
}

// Reads a values document ({"entity id": number, ...}) straight into a map, without a json object
// in between (half the time on 500,000 entities). Anything else in it stops the parse.
class ValuesReader : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit ValuesReader(JobOutput& output) : output_(output) {}

  bool null() override { return false; }
  bool boolean(bool /*value*/) override { return false; }
  bool number_integer(number_integer_t value) override {
    return Add(static_cast<double>(value), true);
  }
  bool number_unsigned(number_unsigned_t value) override {
    return Add(static_cast<double>(value), true);
  }
  bool number_float(number_float_t value, const string_t& /*text*/) override {
    return Add(value, false);
  }
  bool string(string_t& /*value*/) override { return false; }
  bool binary(binary_t& /*value*/) override { return false; }
  bool start_object(std::size_t /*elements*/) override { return ++depth_ == 1; }
  bool key(string_t& value) override {
    key_ = std::move(value);
    return true;
  }
  bool end_object() override { return --depth_ == 0; }
  bool start_array(std::size_t /*elements*/) override { return false; }
  bool end_array() override { return false; }
  bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& /*error*/) override {
    return false;
  }

 private:
  bool Add(double value, bool integer) {
    if (depth_ != 1) return false;
    integers_ = integers_ && integer;
    output_.stored_values.insert_or_assign(std::move(key_), value);
    output_.integer_values = integers_;
    return true;
  }

  JobOutput& output_;
  int depth_ = 0;
  bool integers_ = true;
  std::string key_;
};

// The values document of a job read back, parsed. Integers (community and component numbers,
// coreness, pairs) stay integers.
Result<std::shared_ptr<const JobOutput>> ParseStoredValues(const std::string& id,
                                                          std::string result_json,
                                                          const std::string& values_json) {
  auto output = std::make_shared<JobOutput>();
  output->result_json = std::move(result_json);
  ValuesReader reader(*output);
  if (!nlohmann::json::sax_parse(values_json, &reader)) {
    return Internal("graph job '" + id + "': its values do not parse");
  }
  return std::shared_ptr<const JobOutput>(std::move(output));
}

}  // namespace

GraphJobs::GraphJobs(GraphJobsOptions options)
    : options_(std::move(options)), random_(std::random_device{}()) {
  const std::size_t threads = std::max<std::size_t>(1, options_.threads);
  for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { RunJobs(); });
  if (options_.open_store) keeper_ = std::thread([this] { KeepStore(); });
}

GraphJobs::~GraphJobs() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    for (auto& [id, job] : jobs_) job->control.Cancel();
  }
  wake_.notify_all();
  keeper_wake_.notify_all();
  for (std::thread& thread : threads_) thread.join();
  if (keeper_.joinable()) keeper_.join();
  // The running jobs' threads wrote theirs; the queued ones never started.
  std::vector<std::shared_ptr<Job>> unfinished;
  {
    std::lock_guard lock(mutex_);
    for (auto& [id, job] : jobs_) {
      if (IsPending(job->state)) unfinished.push_back(job);
    }
    // Finish may forget other jobs: not inside the loop over jobs_.
    for (const std::shared_ptr<Job>& job : unfinished) {
      job->error = kInterruptedMessage;
      Finish(*job, JobState::kInterrupted);
    }
  }
  for (const std::shared_ptr<Job>& job : unfinished) Persist(job);
}

std::string GraphJobs::NewId() {
  // Not guessable from another job's id: ids are per user.
  std::ostringstream id;
  id << std::hex << std::setw(16) << std::setfill('0') << random_();
  return id.str();
}

std::string GraphJobs::Now() const {
  return AuditTimestamp(options_.now ? options_.now() : std::chrono::system_clock::now());
}

std::size_t GraphJobs::Pending() const {
  std::size_t pending = reserved_;
  for (const auto& [id, job] : jobs_) pending += IsPending(job->state);
  return pending;
}

Status GraphJobs::WithStore(const std::function<Status(storage::GraphJobStore&)>& use) {
  std::lock_guard lock(store_mutex_);
  if (store_ == nullptr) {
    Result<std::unique_ptr<storage::GraphJobStore>> opened = options_.open_store();
    if (!opened) return opened.error();
    store_ = std::move(*opened);
  }
  Status used = use(*store_);
  if (!used) store_.reset();
  return used;
}

void GraphJobs::LogStoreError(const std::string& what, const Error& error) const {
  if (options_.log) options_.log("graph jobs: " + what + ": " + error.message());
}

void GraphJobs::Persist(const std::shared_ptr<Job>& job) {
  if (!options_.open_store) return;
  storage::StoredGraphJob stored;
  std::shared_ptr<const JobOutput> output;
  {
    std::lock_guard lock(mutex_);
    stored.id = job->id;
    stored.owner = job->owner;
    stored.kind = job->kind;
    stored.compartments = job->scope.compartments;
    stored.marking = std::string(MarkingName(job->scope.marking));
    stored.state = std::string(JobStateName(job->state));
    stored.progress = job->control.Progress();
    stored.error = job->error;
    stored.created_at = job->created_at;
    output = job->output;
  }
  stored.updated_at = Now();
  if (!IsPending(*ParseJobState(stored.state))) stored.finished_at = stored.updated_at;
  if (output != nullptr) {  // done: the documents, made outside the lock (they can be large)
    stored.result = output->result_json;
    stored.values = ValuesJson(*output);
  }
  bool changed = true;
  Status written = WithStore([&](storage::GraphJobStore& store) -> Status {
    ORDO_TRY(updated, store.UpdateGraphJob(stored));
    changed = updated;
    return OkStatus();
  });
  if (!written) return LogStoreError("job " + stored.id + " not written", written.error());
  if (!changed && IsPending(*ParseJobState(stored.state))) AdoptStoredEnd(job);
}

void GraphJobs::AdoptStoredEnd(const std::shared_ptr<Job>& job) {
  std::optional<storage::StoredGraphJob> stored;
  Status read = WithStore([&](storage::GraphJobStore& store) -> Status {
    ORDO_TRY(found, store.FindGraphJob(job->id, false));
    stored = std::move(found);
    return OkStatus();
  });
  if (!read) return LogStoreError("job " + job->id + " not read", read.error());
  std::optional<JobState> state =
      stored ? ParseJobState(stored->state) : std::optional<JobState>(JobState::kCancelled);
  if (!state || IsPending(*state)) return;
  std::lock_guard lock(mutex_);
  if (!IsPending(job->state)) return;
  job->control.Cancel();
  if (job->state == JobState::kQueued) {
    const auto queued = std::find(queue_.begin(), queue_.end(), job);
    if (queued != queue_.end()) queue_.erase(queued);
  }
  job->error = stored ? stored->error : std::string();
  Finish(*job, *state == JobState::kDone ? JobState::kCancelled : *state);
}

Result<std::optional<JobView>> GraphJobs::Submit(std::string kind, JobWork work,
                                                 std::string owner, JobScope scope) {
  auto job = std::make_shared<Job>();
  {
    std::lock_guard lock(mutex_);
    ForgetOld();
    if (Pending() >= options_.max_pending) return std::optional<JobView>();
    do {
      job->id = NewId();
    } while (jobs_.count(job->id) > 0);
    ++reserved_;
  }
  job->kind = std::move(kind);
  job->owner = std::move(owner);
  job->scope = std::move(scope);
  job->work = std::move(work);
  job->created_at = Now();
  // Stored before anyone can see it, so that every later write finds it.
  if (options_.open_store) {
    storage::StoredGraphJob stored;
    stored.id = job->id;
    stored.owner = job->owner;
    stored.kind = job->kind;
    stored.compartments = job->scope.compartments;
    stored.marking = std::string(MarkingName(job->scope.marking));
    stored.state = "queued";
    stored.created_at = job->created_at;
    stored.updated_at = job->created_at;
    Status added =
        WithStore([&](storage::GraphJobStore& store) { return store.AddGraphJob(stored); });
    if (!added) {
      std::lock_guard lock(mutex_);
      --reserved_;
      return added.error();
    }
  }
  JobView queued;
  {
    std::lock_guard lock(mutex_);
    --reserved_;
    job->sequence = next_sequence_++;
    jobs_.emplace(job->id, job);
    queue_.push_back(job);
    queued = ViewOf(*job);  // queued, whatever a job thread makes of it next
  }
  wake_.notify_one();
  return std::optional<JobView>(std::move(queued));
}

Result<std::optional<JobView>> GraphJobs::Find(const std::string& id, bool with_values) {
  {
    std::lock_guard lock(mutex_);
    ForgetOld();
    const auto found = jobs_.find(id);
    if (found != jobs_.end()) return std::optional<JobView>(ViewOf(*found->second));
  }
  if (!options_.open_store) return std::optional<JobView>();
  std::optional<storage::StoredGraphJob> stored;
  ORDO_RETURN_IF_ERROR(WithStore([&](storage::GraphJobStore& store) -> Status {
    ORDO_TRY(found, store.FindGraphJob(id, false));
    stored = std::move(found);
    return OkStatus();
  }));
  if (!stored) return std::optional<JobView>();
  ORDO_TRY(view, ViewOfStored(std::move(*stored)));
  if (!with_values || view.state != JobState::kDone) return std::optional<JobView>(std::move(view));
  bool cached = false;
  {
    std::lock_guard lock(loaded_mutex_);
    for (const auto& [loaded_id, output] : loaded_) {
      if (loaded_id != id) continue;
      view.output = output;
      cached = true;
    }
  }
  if (!cached) {
    std::string values;
    ORDO_RETURN_IF_ERROR(WithStore([&](storage::GraphJobStore& store) -> Status {
      ORDO_TRY(found, store.FindGraphJob(id, true));
      if (found) values = std::move(found->values);
      return OkStatus();
    }));
    ORDO_TRY(output, ParseStoredValues(id, view.output->result_json, values));
    view.output = output;
    std::lock_guard lock(loaded_mutex_);
    loaded_.emplace_back(id, std::move(output));
    if (loaded_.size() > 2) loaded_.pop_front();
  }
  return std::optional<JobView>(std::move(view));
}

Result<std::optional<JobView>> GraphJobs::Cancel(const std::string& id) {
  std::shared_ptr<Job> cancelled;
  {
    std::lock_guard lock(mutex_);
    ForgetOld();
    const auto found = jobs_.find(id);
    if (found != jobs_.end()) {
      Job& job = *found->second;
      if (!IsPending(job.state)) return std::optional<JobView>(ViewOf(job));
      job.control.Cancel();
      if (job.state == JobState::kQueued) {
        const auto queued = std::find(queue_.begin(), queue_.end(), found->second);
        if (queued != queue_.end()) queue_.erase(queued);
      }
      cancelled = found->second;
      Finish(job, JobState::kCancelled);
    }
  }
  if (cancelled != nullptr) {
    Persist(cancelled);
    std::lock_guard lock(mutex_);
    return std::optional<JobView>(ViewOf(*cancelled));
  }
  // Not this server's: as stored, cancelled there if still queued or running (its server stops
  // it at its next heartbeat).
  ORDO_TRY(stored, Find(id));
  if (!stored || !IsPending(stored->state)) return stored;
  storage::StoredGraphJob end;
  end.id = id;
  end.state = "cancelled";
  end.progress = stored->progress;
  end.updated_at = Now();
  end.finished_at = end.updated_at;
  ORDO_RETURN_IF_ERROR(WithStore([&](storage::GraphJobStore& store) -> Status {
    ORDO_TRY(changed, store.UpdateGraphJob(end));
    static_cast<void>(changed);  // finished meanwhile: then it reads as it ended
    return OkStatus();
  }));
  return Find(id);
}

Result<std::vector<JobView>> GraphJobs::List(const std::string& owner) {
  struct Listed {
    JobView view;
    std::uint64_t order = 0;  // this process's submission order + 1; 0 for a stored job
  };
  std::vector<Listed> listed;
  std::set<std::string> known;
  {
    std::lock_guard lock(mutex_);
    ForgetOld();
    for (const auto& [id, job] : jobs_) {
      if (job->owner != owner) continue;
      listed.push_back({ViewOf(*job), job->sequence + 1});
      known.insert(id);
    }
  }
  if (options_.open_store) {
    std::vector<storage::StoredGraphJob> stored;
    ORDO_RETURN_IF_ERROR(WithStore([&](storage::GraphJobStore& store) -> Status {
      ORDO_TRY(jobs, store.ListGraphJobs(owner));
      stored = std::move(jobs);
      return OkStatus();
    }));
    for (storage::StoredGraphJob& job : stored) {
      if (known.count(job.id) > 0) continue;
      ORDO_TRY(view, ViewOfStored(std::move(job)));
      listed.push_back({std::move(view), 0});
    }
  }
  std::sort(listed.begin(), listed.end(), [](const Listed& a, const Listed& b) {
    if (a.view.created_at != b.view.created_at) return a.view.created_at > b.view.created_at;
    if (a.order != b.order) return a.order > b.order;
    return a.view.id > b.view.id;
  });
  std::vector<JobView> views;
  for (Listed& job : listed) views.push_back(std::move(job.view));
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
    Persist(job);
    Result<JobOutput> output = InvalidArgument("the job did not run");
    try {
      output = job->work(job->control);
    } catch (const std::exception& exception) {
      output = Internal(std::string("the job failed unexpectedly: ") + exception.what());
    }
    {
      std::lock_guard lock(mutex_);
      job->work = nullptr;  // lets go of what the work holds (the graph)
      if (job->state != JobState::kRunning) continue;  // cancelled meanwhile: the output is dropped
      if (stopping_) {
        job->error = kInterruptedMessage;
        Finish(*job, JobState::kInterrupted);
      } else if (job->control.Cancelled()) {
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
    Persist(job);
  }
}

// The store's upkeep, once at the start and then every heartbeat: this process's queued and
// running jobs are written (their progress, and the time that says their server is alive), those
// no server has written for stale_after become "interrupted", and old finished ones are deleted.
void GraphJobs::KeepStore() {
  while (true) {
    std::vector<std::shared_ptr<Job>> pending;
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
      for (const auto& [id, job] : jobs_) {
        if (IsPending(job->state)) pending.push_back(job);
      }
    }
    for (const std::shared_ptr<Job>& job : pending) Persist(job);
    const auto now = options_.now ? options_.now() : std::chrono::system_clock::now();
    Status swept = WithStore([&](storage::GraphJobStore& store) -> Status {
      ORDO_TRY(interrupted,
               store.InterruptGraphJobs(AuditTimestamp(now - options_.stale_after),
                                        AuditTimestamp(now), kInterruptedMessage));
      static_cast<void>(interrupted);
      ORDO_TRY(forgotten, store.ForgetGraphJobs(AuditTimestamp(now - options_.keep_stored),
                                                options_.keep_stored_per_owner));
      static_cast<void>(forgotten);
      return OkStatus();
    });
    if (!swept) LogStoreError("the store's upkeep failed", swept.error());
    std::unique_lock lock(mutex_);
    keeper_wake_.wait_for(lock, options_.heartbeat, [this] { return stopping_; });
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
  return {job.id,    job.kind,   job.owner, job.state, job.control.Progress(),
          job.error, job.output, job.scope, job.created_at};
}

}  // namespace ordo::api
