#include "api/graph_jobs.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "core/audit_record.h"
#include "storage/sqlite/sqlite_store.h"

namespace ordo::api {
namespace {

using namespace std::chrono_literals;

// Work that reports progress and then waits, checking for cancellation, until released.
struct Gate {
  std::atomic<bool> open{false};
  std::atomic<int> started{0};
  std::atomic<bool> saw_cancel{false};

  JobWork Work(double values = 1) {
    return [this, values](JobControl& control) -> Result<JobOutput> {
      ++started;
      control.SetProgress(0.25);
      while (!open.load()) {
        if (control.Cancelled()) {
          saw_cancel = true;
          return JobOutput{};
        }
        std::this_thread::sleep_for(1ms);
      }
      JobOutput output;
      output.values = {values};
      output.result_json = "{}";
      return output;
    };
  }
};

// The job as Find gives it (nullopt: unknown); fails the test on a store error.
std::optional<JobView> Found(GraphJobs& jobs, const std::string& id) {
  Result<std::optional<JobView>> job = jobs.Find(id);
  EXPECT_TRUE(job.has_value()) << job.error().ToString();
  return job.has_value() ? *job : std::nullopt;
}

// Submit's job, which must be accepted.
JobView Submitted(GraphJobs& jobs, const std::string& kind, JobWork work,
                  const std::string& owner = "", JobScope scope = {}) {
  Result<std::optional<JobView>> job = jobs.Submit(kind, std::move(work), owner, std::move(scope));
  EXPECT_TRUE(job.has_value() && job->has_value());
  return job.has_value() && job->has_value() ? **job : JobView{};
}

std::optional<JobView> Cancelled(GraphJobs& jobs, const std::string& id) {
  Result<std::optional<JobView>> job = jobs.Cancel(id);
  EXPECT_TRUE(job.has_value()) << job.error().ToString();
  return job.has_value() ? *job : std::nullopt;
}

// Polls until the job is in `state` (or 10 s pass).
JobView WaitFor(GraphJobs& jobs, const std::string& id, JobState state) {
  for (int i = 0; i < 10000; ++i) {
    std::optional<JobView> job = Found(jobs, id);
    if (job && job->state == state) return *job;
    std::this_thread::sleep_for(1ms);
  }
  ADD_FAILURE() << "job " << id << " never became " << JobStateName(state);
  return {};
}

TEST(GraphJobsTest, AJobRunsToDoneWithItsOutput) {
  GraphJobs jobs;
  Gate gate;
  std::optional<JobView> queued = Submitted(jobs, "pagerank", gate.Work(7));
  EXPECT_EQ(queued->state, JobState::kQueued);
  EXPECT_EQ(queued->id.size(), 16u);

  JobView running = WaitFor(jobs, queued->id, JobState::kRunning);
  EXPECT_GE(running.progress, 0.0);
  gate.open = true;
  JobView done = WaitFor(jobs, queued->id, JobState::kDone);

  EXPECT_EQ(done.kind, "pagerank");
  EXPECT_EQ(done.progress, 1.0);
  ASSERT_NE(done.output, nullptr);
  EXPECT_EQ(done.output->values, std::vector<double>{7});
}

TEST(GraphJobsTest, FailedWorkGivesItsError) {
  GraphJobs jobs;
  JobView job = Submitted(jobs, "kcore", [](JobControl&) -> Result<JobOutput> {
    return Unavailable("the database went away");
  });

  JobView failed = WaitFor(jobs, job.id, JobState::kFailed);

  EXPECT_EQ(failed.error, "the database went away");
  EXPECT_EQ(failed.output, nullptr);
}

TEST(GraphJobsTest, CancellingARunningJobStopsItsWork) {
  GraphJobs jobs;
  Gate gate;
  std::optional<JobView> job = Submitted(jobs, "betweenness", gate.Work());
  WaitFor(jobs, job->id, JobState::kRunning);

  std::optional<JobView> cancelled = Cancelled(jobs, job->id);

  ASSERT_TRUE(cancelled.has_value());
  EXPECT_EQ(cancelled->state, JobState::kCancelled);
  for (int i = 0; i < 10000 && !gate.saw_cancel; ++i) std::this_thread::sleep_for(1ms);
  EXPECT_TRUE(gate.saw_cancel);
  EXPECT_EQ(Found(jobs, job->id)->state, JobState::kCancelled);
  EXPECT_EQ(Found(jobs, job->id)->output, nullptr);
}

TEST(GraphJobsTest, ACancelledQueuedJobNeverRunsAndAFinishedOneStaysAsItIs) {
  GraphJobs jobs;  // one thread
  Gate first;
  Gate second;
  std::optional<JobView> running = Submitted(jobs, "pagerank", first.Work());
  std::optional<JobView> queued = Submitted(jobs, "pagerank", second.Work());
  WaitFor(jobs, running->id, JobState::kRunning);

  EXPECT_EQ(Cancelled(jobs, queued->id)->state, JobState::kCancelled);
  first.open = true;
  second.open = true;
  WaitFor(jobs, running->id, JobState::kDone);

  EXPECT_EQ(second.started, 0);
  EXPECT_EQ(Cancelled(jobs, running->id)->state, JobState::kDone);
  EXPECT_FALSE(Cancelled(jobs, "no-such-job").has_value());
}

TEST(GraphJobsTest, AFullQueueRefusesMoreUntilAJobFinishes) {
  GraphJobs jobs({.threads = 1, .max_pending = 2});
  Gate gate;
  JobView first = Submitted(jobs, "pagerank", gate.Work());
  JobView second = Submitted(jobs, "pagerank", gate.Work());
  ASSERT_FALSE(first.id.empty() || second.id.empty());

  EXPECT_FALSE(jobs.Submit("pagerank", gate.Work()).value().has_value());
  Cancelled(jobs, second.id);
  EXPECT_TRUE(jobs.Submit("pagerank", gate.Work()).value().has_value());
  gate.open = true;
}

TEST(GraphJobsTest, FinishedJobsAreForgottenBeyondTheBound) {
  GraphJobs jobs({.threads = 1, .max_pending = 8, .max_finished = 2});
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    JobView job = Submitted(jobs, "components", [](JobControl&) -> Result<JobOutput> {
      return JobOutput{};
    });
    ids.push_back(job.id);
    WaitFor(jobs, job.id, JobState::kDone);
  }

  EXPECT_FALSE(Found(jobs, ids[0]).has_value());
  EXPECT_TRUE(Found(jobs, ids[1]).has_value());
  EXPECT_TRUE(Found(jobs, ids[2]).has_value());
  EXPECT_EQ(jobs.List("").value().front().id, ids[2]);
}

TEST(GraphJobsTest, DestroyingTheRunnerStopsRunningWork) {
  Gate gate;
  {
    GraphJobs jobs;
    JobView job = Submitted(jobs, "communities", gate.Work());
    WaitFor(jobs, job.id, JobState::kRunning);
  }
  EXPECT_TRUE(gate.saw_cancel);
}

// A SQLite file of this test's own, and an opener of stores on it, as `ordo serve` has.
class StoredGraphJobsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = ::testing::TempDir() + "graph_jobs_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + "_" +
            std::to_string(::getpid()) + ".db";
    std::remove(path_.c_str());
    auto created = storage::SqliteStore::Open(path_, storage::SqliteOpenMode::kCreateIfMissing);
    ASSERT_TRUE(created.has_value()) << created.error().ToString();
  }
  void TearDown() override {
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path_ + suffix).c_str());
  }

  GraphJobsOptions Options() const {
    GraphJobsOptions options;
    options.open_store = [path = path_]() -> Result<std::unique_ptr<storage::GraphJobStore>> {
      ORDO_TRY(store, storage::SqliteStore::Open(path, storage::SqliteOpenMode::kMustExist));
      return std::unique_ptr<storage::GraphJobStore>(std::move(store));
    };
    return options;
  }

  std::unique_ptr<storage::SqliteStore> Store() const {
    return storage::SqliteStore::Open(path_, storage::SqliteOpenMode::kMustExist).value();
  }

  std::string path_;
};

TEST_F(StoredGraphJobsTest, AFinishedJobIsReadBackByTheNextRunnerOnTheSameStore) {
  JobView submitted;
  JobView done;
  {
    GraphJobs first(Options());
    submitted = Submitted(first, "communities", [](JobControl&) -> Result<JobOutput> {
      JobOutput output;
      output.result_json = R"({"count":2,"modularity":0.5})";
      return output;
    }, "aidai", {"case-a,case-b", Marking::kSecret});
    done = WaitFor(first, submitted.id, JobState::kDone);
  }

  GraphJobs second(Options());
  std::optional<JobView> found = Found(second, submitted.id);

  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->state, JobState::kDone);
  EXPECT_EQ(found->kind, "communities");
  EXPECT_EQ(found->owner, "aidai");
  EXPECT_EQ(found->progress, 1.0);
  EXPECT_EQ(found->scope.compartments, "case-a,case-b");
  EXPECT_EQ(found->scope.marking, Marking::kSecret);
  EXPECT_EQ(found->created_at, submitted.created_at);
  ASSERT_NE(found->output, nullptr);
  EXPECT_EQ(found->output->result_json, done.output->result_json);
  EXPECT_TRUE(found->output->stored_values.empty()) << "values only when asked for";
  EXPECT_TRUE(second.Find(submitted.id, true).value()->output->stored_values.empty());
  std::vector<JobView> listed = second.List("aidai").value();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].id, submitted.id);
  EXPECT_TRUE(second.List("zhyldyz").value().empty());
}

TEST_F(StoredGraphJobsTest, StoppingTheRunnerLeavesItsQueuedAndRunningJobsInterrupted) {
  Gate gate;
  Gate never;
  JobView running;
  JobView queued;
  {
    GraphJobs first(Options());  // one thread: the second job waits
    running = Submitted(first, "betweenness", gate.Work());
    queued = Submitted(first, "pagerank", never.Work());
    WaitFor(first, running.id, JobState::kRunning);
  }
  EXPECT_TRUE(gate.saw_cancel);
  EXPECT_EQ(never.started, 0);

  GraphJobs second(Options());
  for (const std::string& id : {running.id, queued.id}) {
    std::optional<JobView> found = Found(second, id);
    ASSERT_TRUE(found.has_value()) << id;
    EXPECT_EQ(found->state, JobState::kInterrupted);
    EXPECT_EQ(found->error, kInterruptedMessage);
    EXPECT_EQ(found->output, nullptr);
  }
  EXPECT_EQ(Found(second, running.id)->progress, 0.25) << "the progress it had reached";
  // Cancelling an interrupted job leaves it as it is.
  EXPECT_EQ(Cancelled(second, queued.id)->state, JobState::kInterrupted);
}

TEST_F(StoredGraphJobsTest, AJobWhoseServerDiedIsInterruptedOnceItsHeartbeatIsStale) {
  // What a killed server leaves: a running job last written two minutes ago.
  storage::StoredGraphJob orphan;
  orphan.id = "0123456789abcdef";
  orphan.owner = "aidai";
  orphan.kind = "pagerank";
  orphan.compartments = "*";
  orphan.marking = "unmarked";
  orphan.state = "running";
  orphan.progress = 0.5;
  orphan.created_at = AuditTimestamp(std::chrono::system_clock::now() - 3min);
  orphan.updated_at = AuditTimestamp(std::chrono::system_clock::now() - 2min);
  ASSERT_TRUE(Store()->AddGraphJob(orphan).has_value());
  storage::StoredGraphJob fresh = orphan;
  fresh.id = "fedcba9876543210";
  fresh.updated_at = AuditTimestamp(std::chrono::system_clock::now());
  ASSERT_TRUE(Store()->AddGraphJob(fresh).has_value());

  GraphJobs restarted(Options());  // stale after 60 s: the orphan is, the fresh one not yet

  JobView interrupted = WaitFor(restarted, orphan.id, JobState::kInterrupted);
  EXPECT_EQ(interrupted.error, kInterruptedMessage);
  EXPECT_EQ(interrupted.progress, 0.5);
  EXPECT_EQ(Found(restarted, fresh.id)->state, JobState::kRunning);
}

TEST_F(StoredGraphJobsTest, AnotherServerSeesALiveJobRunningAndCancelsItThroughTheStore) {
  GraphJobsOptions options = Options();
  options.heartbeat = 20ms;
  options.stale_after = 300ms;
  GraphJobs first(options);
  GraphJobs second(options);
  Gate gate;
  JobView job = Submitted(first, "betweenness", gate.Work(), "aidai");
  WaitFor(first, job.id, JobState::kRunning);
  std::this_thread::sleep_for(600ms);  // two stale_afters: the heartbeat keeps it alive

  EXPECT_EQ(Found(second, job.id)->state, JobState::kRunning);
  EXPECT_EQ(Cancelled(second, job.id)->state, JobState::kCancelled);

  WaitFor(first, job.id, JobState::kCancelled);  // at first's next heartbeat
  for (int i = 0; i < 10000 && !gate.saw_cancel; ++i) std::this_thread::sleep_for(1ms);
  EXPECT_TRUE(gate.saw_cancel);
}

TEST(GraphJobsStoreErrorTest, ASubmitTheStoreRefusesIsAnErrorAndQueuesNothing) {
  GraphJobsOptions options;
  options.open_store = []() -> Result<std::unique_ptr<storage::GraphJobStore>> {
    return Unavailable("the database is not there");
  };
  GraphJobs jobs(options);
  Gate gate;

  Result<std::optional<JobView>> submitted = jobs.Submit("kcore", gate.Work());

  ASSERT_FALSE(submitted.has_value());
  EXPECT_EQ(submitted.error().code(), ErrorCode::kUnavailable);
  EXPECT_EQ(gate.started, 0);
  EXPECT_FALSE(jobs.Find("0123456789abcdef").has_value()) << "a read is an error too";
}

}  // namespace
}  // namespace ordo::api
