#include "api/audit_writer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "analytics/audit_verify.h"
#include "storage/memory/memory_audit_store.h"

namespace ordo::api {
namespace {

// The writer's connection to one shared log, failing on demand.
class SharedLog final : public storage::AuditStore {
 public:
  SharedLog(storage::MemoryAuditStore& log, std::atomic<bool>& fail) : log_(log), fail_(fail) {}
  Result<AuditRecord> AppendAudit(const AuditEntry& entry) override {
    if (fail_) return Unavailable("disk full");
    return log_.AppendAudit(entry);
  }
  Result<std::size_t> CountAudit() override { return log_.CountAudit(); }
  Status ForEachAudit(const storage::AuditVisitor& visit) override {
    return log_.ForEachAudit(visit);
  }
  Result<std::vector<AuditRecord>> TailAudit(std::size_t count) override {
    return log_.TailAudit(count);
  }

 private:
  storage::MemoryAuditStore& log_;
  std::atomic<bool>& fail_;
};

class AuditWriterTest : public ::testing::Test {
 protected:
  AuditStoreOpener Opener() {
    return [this]() -> Result<std::unique_ptr<storage::AuditStore>> {
      ++opened_;
      return std::unique_ptr<storage::AuditStore>(std::make_unique<SharedLog>(log_, fail_));
    };
  }
  static AuditEntry Entry(const std::string& object) {
    return {"2026-12-01T17:00:00.000Z", "ana", "http GET", object, "http@127.0.0.1", "200", ""};
  }

  storage::MemoryAuditStore log_;
  std::atomic<bool> fail_{false};
  std::atomic<int> opened_{0};
};

TEST_F(AuditWriterTest, ManyThreadsShareBatchesAndOneIntactChain) {
  AuditWriter writer(Opener());
  std::vector<std::thread> threads;
  for (int thread = 0; thread < 8; ++thread) {
    threads.emplace_back([&writer, thread] {
      for (int i = 0; i < 50; ++i) {
        EXPECT_TRUE(writer.Append(Entry("GET /t" + std::to_string(thread) + "/" + std::to_string(i)))
                        .has_value());
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(log_.CountAudit().value(), 400u);
  EXPECT_EQ(writer.appended(), 400u);
  EXPECT_LE(writer.batches(), 400u);
  EXPECT_EQ(opened_, 1);
  EXPECT_TRUE(analytics::VerifyAuditLog(log_, std::nullopt).value().intact());
}

TEST_F(AuditWriterTest, AFailureReachesTheCallerAndTheStoreIsReopened) {
  AuditWriter writer(Opener());
  ASSERT_TRUE(writer.Append(Entry("GET /a")).has_value());
  fail_ = true;
  Status failed = writer.Append(Entry("GET /b"));
  ASSERT_FALSE(failed.has_value());
  EXPECT_NE(failed.error().message().find("disk full"), std::string::npos);
  fail_ = false;
  ASSERT_TRUE(writer.Append(Entry("GET /c")).has_value());
  EXPECT_EQ(opened_, 2);
  EXPECT_EQ(log_.CountAudit().value(), 2u);
}

TEST_F(AuditWriterTest, EntriesAreMadeStorable) {
  AuditWriter writer(Opener());
  AuditEntry entry = Entry(std::string("GET /x\0y", 8) + std::string(5000, 'z'));
  entry.actor = "";
  ASSERT_TRUE(writer.Append(entry).has_value());
  const AuditRecord stored = log_.TailAudit(1).value().at(0);
  EXPECT_EQ(stored.entry.actor, "-");
  EXPECT_EQ(stored.entry.object.substr(0, 10), "GET /x\xEF\xBF\xBDy");
  EXPECT_EQ(stored.entry.object.size(), 2003u);
}

TEST_F(AuditWriterTest, WithoutAStoreNothingIsClaimedStored) {
  AuditWriter writer({});
  EXPECT_FALSE(writer.Append(Entry("GET /a")).has_value());
}

}  // namespace
}  // namespace ordo::api
