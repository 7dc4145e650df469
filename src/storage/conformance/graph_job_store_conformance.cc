#include "storage/conformance/graph_job_store_conformance.h"

#include <stdlib.h>

#include <filesystem>
#include <ostream>
#include <vector>

namespace ordo::storage::conformance {

std::string GraphJobBackendName(const ::testing::TestParamInfo<GraphJobStoreBackend>& info) {
  return info.param.name;
}

void PrintTo(const GraphJobStoreBackend& backend, std::ostream* out) { *out << backend.name; }

void GraphJobStoreConformanceTest::SetUp() {
  std::string pattern = ::testing::TempDir() + "ordo_graph_job_conformance_XXXXXX";
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  scratch_dir_ = pattern;
  Result<std::shared_ptr<GraphJobStore>> store = GetParam().make_store(scratch_dir_);
  ASSERT_TRUE(store.has_value()) << store.error().ToString();
  store_ = std::move(store).value();
}

void GraphJobStoreConformanceTest::TearDown() {
  store_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(scratch_dir_, ignored);
}

namespace {

StoredGraphJob Queued(const std::string& id, const std::string& owner, const std::string& at) {
  StoredGraphJob job;
  job.id = id;
  job.owner = owner;
  job.kind = "communities";
  job.compartments = "case-a,case-b";
  job.marking = "secret";
  job.state = "queued";
  job.created_at = at;
  job.updated_at = at;
  return job;
}

StoredGraphJob Done(StoredGraphJob job, const std::string& at) {
  job.state = "done";
  job.progress = 1;
  job.result = R"({"count":2,"modularity":0.41,"sizes":[3,2]})";
  job.values = R"({"p1":0,"p2":1,"Садыров":1})";
  job.updated_at = at;
  job.finished_at = at;
  return job;
}

StoredGraphJob Summary(StoredGraphJob job) {
  job.result.clear();
  job.values.clear();
  return job;
}

TEST_P(GraphJobStoreConformanceTest, AddFindAndListNewestFirst) {
  const StoredGraphJob first = Queued("0a1b2c3d4e5f6071", "aidai", "2026-12-01T10:00:00.000Z");
  const StoredGraphJob second =
      Done(Queued("ffee000000000001", "aidai", "2026-12-01T10:05:00.000Z"),
           "2026-12-01T10:06:00.000Z");
  const StoredGraphJob other = Queued("1111111111111111", "zhyldyz", "2026-12-01T10:07:00.000Z");
  ASSERT_TRUE(Store().AddGraphJob(first));
  ASSERT_TRUE(Store().AddGraphJob(second));
  ASSERT_TRUE(Store().AddGraphJob(other));

  EXPECT_EQ(Store().FindGraphJob(second.id, true).value(), second);
  StoredGraphJob without_values = second;
  without_values.values.clear();
  EXPECT_EQ(Store().FindGraphJob(second.id, false).value(), without_values);
  EXPECT_FALSE(Store().FindGraphJob("2222222222222222", true).value().has_value());
  EXPECT_EQ(Store().ListGraphJobs("aidai").value(),
            (std::vector<StoredGraphJob>{Summary(second), Summary(first)}));
  EXPECT_EQ(Store().ListGraphJobs("zhyldyz").value(), std::vector<StoredGraphJob>{other});
  EXPECT_TRUE(Store().ListGraphJobs("").value().empty());
}

TEST_P(GraphJobStoreConformanceTest, AddRefusesABadIdABadStateAndARepeat) {
  StoredGraphJob job = Queued("0a1b2c3d4e5f6071", "aidai", "2026-12-01T10:00:00.000Z");
  ASSERT_TRUE(Store().AddGraphJob(job));

  Status repeated = Store().AddGraphJob(job);
  StoredGraphJob upper = job;
  upper.id = "0A1B";
  StoredGraphJob too_long = job;
  too_long.id = std::string(65, 'a');
  StoredGraphJob bad_state = job;
  bad_state.id = "0a1c";
  bad_state.state = "paused";

  ASSERT_FALSE(repeated.has_value());
  EXPECT_EQ(repeated.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(repeated.error().message(), "graph job '0a1b2c3d4e5f6071' already exists");
  for (const StoredGraphJob& bad : {upper, too_long}) {
    Status refused = Store().AddGraphJob(bad);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(refused.error().message(),
              "graph job id must be 1 to 64 lowercase letters and digits");
  }
  Status refused = Store().AddGraphJob(bad_state);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().message(),
            "unknown graph job state 'paused' (expected queued, running, done, failed, cancelled "
            "or interrupted)");
  EXPECT_EQ(Store().ListGraphJobs("aidai").value().size(), 1u);
}

TEST_P(GraphJobStoreConformanceTest, UpdateChangesOnlyAJobStillQueuedOrRunning) {
  const StoredGraphJob queued = Queued("0a1b2c3d4e5f6071", "aidai", "2026-12-01T10:00:00.000Z");
  ASSERT_TRUE(Store().AddGraphJob(queued));
  StoredGraphJob running = queued;
  running.state = "running";
  running.progress = 0.123456789012345;
  running.updated_at = "2026-12-01T10:00:10.000Z";
  // What UpdateGraphJob never changes, however it is given.
  running.owner = "zhyldyz";
  running.kind = "pagerank";
  running.compartments = "*";
  running.marking = "unmarked";
  running.created_at = "2030-01-01T00:00:00.000Z";

  EXPECT_TRUE(Store().UpdateGraphJob(running).value());
  StoredGraphJob expected = queued;
  expected.state = "running";
  expected.progress = 0.123456789012345;
  expected.updated_at = "2026-12-01T10:00:10.000Z";
  EXPECT_EQ(Store().FindGraphJob(queued.id, true).value(), expected);

  const StoredGraphJob done = Done(queued, "2026-12-01T10:01:00.000Z");
  EXPECT_TRUE(Store().UpdateGraphJob(done).value());
  StoredGraphJob cancelled = queued;
  cancelled.state = "cancelled";
  cancelled.finished_at = "2026-12-01T10:02:00.000Z";
  EXPECT_FALSE(Store().UpdateGraphJob(cancelled).value()) << "a finished job is final";
  EXPECT_EQ(Store().FindGraphJob(queued.id, true).value(), done);
  StoredGraphJob unknown = done;
  unknown.id = "9999";
  EXPECT_FALSE(Store().UpdateGraphJob(unknown).value());
  StoredGraphJob bad = running;
  bad.state = "paused";
  EXPECT_FALSE(Store().UpdateGraphJob(bad).has_value());
}

TEST_P(GraphJobStoreConformanceTest, LargeDocumentsAreKeptWhole) {
  // A value map of 200,000 entities (about 5 MB), ids in two scripts: nothing is cut short.
  std::string values = "{";
  for (int i = 0; i < 200000; ++i) {
    values += (i == 0 ? "\"" : ",\"") + std::string(i % 2 == 0 ? "p" : "Ө") +
              std::to_string(i) + "\":" + std::to_string(i % 97) + ".125";
  }
  values += "}";
  StoredGraphJob job = Done(Queued("abc", "aidai", "2026-12-01T10:00:00.000Z"),
                            "2026-12-01T10:30:00.000Z");
  job.values = values;
  job.result = "{\"top\":[" + std::string(100000, ' ') + "]}";
  ASSERT_TRUE(Store().AddGraphJob(Queued("abc", "aidai", "2026-12-01T10:00:00.000Z")));
  ASSERT_TRUE(Store().UpdateGraphJob(job).value());

  std::optional<StoredGraphJob> found = Store().FindGraphJob("abc", true).value();

  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->values.size(), values.size());
  EXPECT_TRUE(found->values == values);
  EXPECT_TRUE(found->result == job.result);
}

TEST_P(GraphJobStoreConformanceTest, InterruptTurnsStaleQueuedAndRunningJobsOnly) {
  const StoredGraphJob stale_queued = Queued("a1", "aidai", "2026-12-01T10:00:00.000Z");
  StoredGraphJob stale_running = Queued("a2", "aidai", "2026-12-01T10:00:00.000Z");
  stale_running.state = "running";
  stale_running.progress = 0.5;
  StoredGraphJob fresh_running = Queued("a3", "zhyldyz", "2026-12-01T10:00:00.000Z");
  fresh_running.state = "running";
  fresh_running.updated_at = "2026-12-01T10:09:30.000Z";
  const StoredGraphJob done =
      Done(Queued("a4", "aidai", "2026-12-01T09:00:00.000Z"), "2026-12-01T09:01:00.000Z");
  for (const StoredGraphJob& job : {stale_queued, stale_running, fresh_running, done}) {
    ASSERT_TRUE(Store().AddGraphJob(job));
  }

  const std::string now = "2026-12-01T10:10:00.000Z";
  Result<std::size_t> interrupted =
      Store().InterruptGraphJobs("2026-12-01T10:09:00.000Z", now, "the server stopped");

  ASSERT_TRUE(interrupted.has_value()) << interrupted.error().ToString();
  EXPECT_EQ(*interrupted, 2u);
  StoredGraphJob expected = stale_running;
  expected.state = "interrupted";
  expected.error = "the server stopped";
  expected.updated_at = now;
  expected.finished_at = now;
  EXPECT_EQ(Store().FindGraphJob("a2", true).value(), expected) << "progress as it was";
  EXPECT_EQ(Store().FindGraphJob("a1", false).value()->state, "interrupted");
  EXPECT_EQ(Store().FindGraphJob("a3", true).value(), fresh_running);
  EXPECT_EQ(Store().FindGraphJob("a4", true).value(), done);
  EXPECT_EQ(Store().InterruptGraphJobs("2026-12-01T10:09:00.000Z", now, "again").value(), 0u);
}

TEST_P(GraphJobStoreConformanceTest, ForgetKeepsEachOwnersNewestFinishedAndEveryPendingJob) {
  // aidai: four finished jobs and a running one; zhyldyz: one finished long ago, one recent.
  for (int i = 1; i <= 4; ++i) {
    const std::string minute = "2026-12-01T10:0" + std::to_string(i) + ":00.000Z";
    const std::string id = "a" + std::to_string(i);
    ASSERT_TRUE(Store().AddGraphJob(Done(Queued(id, "aidai", minute), minute)));
  }
  StoredGraphJob running = Queued("a5", "aidai", "2026-11-01T00:00:00.000Z");
  running.state = "running";
  ASSERT_TRUE(Store().AddGraphJob(running));
  ASSERT_TRUE(Store().AddGraphJob(
      Done(Queued("z1", "zhyldyz", "2026-11-01T00:00:00.000Z"), "2026-11-01T00:01:00.000Z")));
  ASSERT_TRUE(Store().AddGraphJob(
      Done(Queued("z2", "zhyldyz", "2026-12-01T10:00:00.000Z"), "2026-12-01T10:00:30.000Z")));

  Result<std::size_t> forgotten = Store().ForgetGraphJobs("2026-11-15T00:00:00.000Z", 2);

  ASSERT_TRUE(forgotten.has_value()) << forgotten.error().ToString();
  EXPECT_EQ(*forgotten, 3u);  // a1 and a2 (beyond the newest two), z1 (too old)
  std::vector<std::string> kept;
  for (const char* owner : {"aidai", "zhyldyz"}) {
    const std::vector<StoredGraphJob> listed = Store().ListGraphJobs(owner).value();
    for (const StoredGraphJob& job : listed) kept.push_back(job.id);
  }
  EXPECT_EQ(kept, (std::vector<std::string>{"a4", "a3", "a5", "z2"}));
  EXPECT_EQ(Store().ForgetGraphJobs("2026-11-15T00:00:00.000Z", 2).value(), 0u);
}

TEST_P(GraphJobStoreConformanceTest, ASecondStoreOnTheSameDataSeesTheJobs) {
  if (!GetParam().open_again) GTEST_SKIP() << "a memory store has no second reader";
  const StoredGraphJob job = Queued("0a1b2c3d4e5f6071", "aidai", "2026-12-01T10:00:00.000Z");
  ASSERT_TRUE(Store().AddGraphJob(job));
  Result<std::shared_ptr<GraphJobStore>> again = GetParam().open_again(ScratchDir());
  ASSERT_TRUE(again.has_value()) << again.error().ToString();

  const StoredGraphJob done = Done(job, "2026-12-01T10:01:00.000Z");
  ASSERT_TRUE((*again)->UpdateGraphJob(done).value());

  EXPECT_EQ(Store().FindGraphJob(job.id, true).value(), done);
  EXPECT_EQ((*again)->ListGraphJobs("aidai").value(), std::vector<StoredGraphJob>{Summary(done)});
}

}  // namespace
}  // namespace ordo::storage::conformance
