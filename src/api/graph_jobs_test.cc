#include "api/graph_jobs.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

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

// Polls until the job is in `state` (or 10 s pass).
JobView WaitFor(GraphJobs& jobs, const std::string& id, JobState state) {
  for (int i = 0; i < 10000; ++i) {
    std::optional<JobView> job = jobs.Find(id);
    if (job && job->state == state) return *job;
    std::this_thread::sleep_for(1ms);
  }
  ADD_FAILURE() << "job " << id << " never became " << JobStateName(state);
  return {};
}

TEST(GraphJobsTest, AJobRunsToDoneWithItsOutput) {
  GraphJobs jobs;
  Gate gate;
  std::optional<JobView> queued = jobs.Submit("pagerank", gate.Work(7));
  ASSERT_TRUE(queued.has_value());
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
  auto job = jobs.Submit("kcore", [](JobControl&) -> Result<JobOutput> {
    return Unavailable("the database went away");
  });

  JobView failed = WaitFor(jobs, job->id, JobState::kFailed);

  EXPECT_EQ(failed.error, "the database went away");
  EXPECT_EQ(failed.output, nullptr);
}

TEST(GraphJobsTest, CancellingARunningJobStopsItsWork) {
  GraphJobs jobs;
  Gate gate;
  auto job = jobs.Submit("betweenness", gate.Work());
  WaitFor(jobs, job->id, JobState::kRunning);

  std::optional<JobView> cancelled = jobs.Cancel(job->id);

  ASSERT_TRUE(cancelled.has_value());
  EXPECT_EQ(cancelled->state, JobState::kCancelled);
  for (int i = 0; i < 10000 && !gate.saw_cancel; ++i) std::this_thread::sleep_for(1ms);
  EXPECT_TRUE(gate.saw_cancel);
  EXPECT_EQ(jobs.Find(job->id)->state, JobState::kCancelled);
  EXPECT_EQ(jobs.Find(job->id)->output, nullptr);
}

TEST(GraphJobsTest, ACancelledQueuedJobNeverRunsAndAFinishedOneStaysAsItIs) {
  GraphJobs jobs;  // one thread
  Gate first;
  Gate second;
  auto running = jobs.Submit("pagerank", first.Work());
  auto queued = jobs.Submit("pagerank", second.Work());
  WaitFor(jobs, running->id, JobState::kRunning);

  EXPECT_EQ(jobs.Cancel(queued->id)->state, JobState::kCancelled);
  first.open = true;
  second.open = true;
  WaitFor(jobs, running->id, JobState::kDone);

  EXPECT_EQ(second.started, 0);
  EXPECT_EQ(jobs.Cancel(running->id)->state, JobState::kDone);
  EXPECT_FALSE(jobs.Cancel("no-such-job").has_value());
}

TEST(GraphJobsTest, AFullQueueRefusesMoreUntilAJobFinishes) {
  GraphJobs jobs({.threads = 1, .max_pending = 2});
  Gate gate;
  auto first = jobs.Submit("pagerank", gate.Work());
  auto second = jobs.Submit("pagerank", gate.Work());
  ASSERT_TRUE(first && second);

  EXPECT_FALSE(jobs.Submit("pagerank", gate.Work()).has_value());
  jobs.Cancel(second->id);
  EXPECT_TRUE(jobs.Submit("pagerank", gate.Work()).has_value());
  gate.open = true;
}

TEST(GraphJobsTest, FinishedJobsAreForgottenBeyondTheBound) {
  GraphJobs jobs({.threads = 1, .max_pending = 8, .max_finished = 2});
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    auto job = jobs.Submit("components", [](JobControl&) -> Result<JobOutput> {
      return JobOutput{};
    });
    ids.push_back(job->id);
    WaitFor(jobs, job->id, JobState::kDone);
  }

  EXPECT_FALSE(jobs.Find(ids[0]).has_value());
  EXPECT_TRUE(jobs.Find(ids[1]).has_value());
  EXPECT_TRUE(jobs.Find(ids[2]).has_value());
  EXPECT_EQ(jobs.List().front().id, ids[2]);
}

TEST(GraphJobsTest, DestroyingTheRunnerStopsRunningWork) {
  Gate gate;
  {
    GraphJobs jobs;
    auto job = jobs.Submit("communities", gate.Work());
    WaitFor(jobs, job->id, JobState::kRunning);
  }
  EXPECT_TRUE(gate.saw_cancel);
}

}  // namespace
}  // namespace ordo::api
