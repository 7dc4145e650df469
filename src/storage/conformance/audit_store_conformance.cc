#include "storage/conformance/audit_store_conformance.h"

#include <stdlib.h>

#include <filesystem>
#include <ostream>
#include <thread>
#include <vector>

namespace ordo::storage::conformance {

std::string AuditBackendName(const ::testing::TestParamInfo<AuditStoreBackend>& info) {
  return info.param.name;
}

void PrintTo(const AuditStoreBackend& backend, std::ostream* out) { *out << backend.name; }

void AuditStoreConformanceTest::SetUp() {
  std::string pattern = ::testing::TempDir() + "ordo_audit_conformance_XXXXXX";
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  scratch_dir_ = pattern;
  Result<std::shared_ptr<AuditStore>> store = GetParam().make_store(scratch_dir_);
  ASSERT_TRUE(store.has_value()) << store.error().ToString();
  store_ = std::move(store).value();
}

void AuditStoreConformanceTest::TearDown() {
  store_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(scratch_dir_, ignored);
}

namespace {

AuditEntry Entry(const std::string& action, const std::string& object) {
  return {"2026-12-01T14:40:05.123Z", "aidai", action, object, "cli", "ok", ""};
}

std::vector<AuditRecord> All(AuditStore& store) {
  std::vector<AuditRecord> records;
  EXPECT_TRUE(store.ForEachAudit([&](const AuditRecord& record) {
    records.push_back(record);
    return OkStatus();
  }));
  return records;
}

TEST_P(AuditStoreConformanceTest, EmptyLog) {
  EXPECT_EQ(Store().CountAudit().value(), 0u);
  EXPECT_TRUE(All(Store()).empty());
  EXPECT_TRUE(Store().TailAudit(5).value().empty());
}

TEST_P(AuditStoreConformanceTest, AppendNumbersAndChains) {
  Result<AuditRecord> first = Store().AppendAudit(Entry("import ftm", "a.ftm"));
  ASSERT_TRUE(first.has_value()) << first.error().ToString();
  EXPECT_EQ(first->seq, 1);
  EXPECT_EQ(first->prev_hash, kAuditGenesisHash);
  EXPECT_EQ(first->hash, AuditRecordHash(1, Entry("import ftm", "a.ftm"), kAuditGenesisHash));

  Result<AuditRecord> second = Store().AppendAudit(Entry("graph expand", "p1"));
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->seq, 2);
  EXPECT_EQ(second->prev_hash, first->hash);
  EXPECT_EQ(second->hash, AuditRecordHash(2, Entry("graph expand", "p1"), first->hash));

  EXPECT_EQ(Store().CountAudit().value(), 2u);
  EXPECT_EQ(All(Store()), (std::vector<AuditRecord>{*first, *second}));
}

TEST_P(AuditStoreConformanceTest, EveryFieldReadsBackExactly) {
  AuditEntry entry = {"2026-12-01T00:00:00.000Z", "Айдай Садырова", "export gexf",
                      "--out 'case 17.gexf' \t%s %n", "127.0.0.1:5512", "exit 6",
                      "line one\nline two; ' \" \\ ӨҮҢ"};
  ASSERT_TRUE(Store().AppendAudit(entry).has_value());
  std::vector<AuditRecord> records = All(Store());
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].entry, entry);
  EXPECT_EQ(records[0].hash, AuditRecordHash(1, entry, kAuditGenesisHash));
}

TEST_P(AuditStoreConformanceTest, BadEntryIsRefusedAndNothingIsStored) {
  AuditEntry entry = Entry("import ftm", "a.ftm");
  entry.actor.clear();
  Result<AuditRecord> appended = Store().AppendAudit(entry);
  ASSERT_FALSE(appended.has_value());
  EXPECT_EQ(appended.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(appended.error().message(), "audit entry with an empty actor");
  EXPECT_EQ(Store().CountAudit().value(), 0u);
  entry = Entry("import ftm", std::string("a\0b", 3));
  EXPECT_EQ(Store().AppendAudit(entry).error().message(),
            "audit entry object contains a NUL character");
  EXPECT_EQ(Store().CountAudit().value(), 0u);
  // The next good entry is still record 1.
  EXPECT_EQ(Store().AppendAudit(Entry("import ftm", "a.ftm")).value().seq, 1);
}

TEST_P(AuditStoreConformanceTest, ABatchAppendsInOrderOnOneChain) {
  const Result<AuditRecord> first = Store().AppendAudit(Entry("login", "ana"));
  ASSERT_TRUE(first.has_value());
  const std::vector<AuditEntry> batch = {Entry("http GET", "/a"), Entry("http GET", "/b"),
                                         Entry("logout", "ana")};
  ASSERT_TRUE(Store().AppendAuditBatch(batch).has_value());
  std::vector<AuditRecord> records = All(Store());
  ASSERT_EQ(records.size(), 4u);
  std::string previous = first->hash;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    EXPECT_EQ(records[i + 1].seq, static_cast<std::int64_t>(i + 2));
    EXPECT_EQ(records[i + 1].entry, batch[i]);
    EXPECT_EQ(records[i + 1].prev_hash, previous);
    previous = records[i + 1].hash;
  }
  // A bad entry is refused with AppendAudit's error; the chain stays whole either way.
  AuditEntry bad = Entry("http GET", "/c");
  bad.actor.clear();
  Status refused = Store().AppendAuditBatch({bad});
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().message(), "audit entry with an empty actor");
  EXPECT_EQ(Store().CountAudit().value(), 4u);
}

TEST_P(AuditStoreConformanceTest, TailIsTheLastRecordsOldestFirst) {
  for (int i = 0; i < 7; ++i) ASSERT_TRUE(Store().AppendAudit(Entry("read", std::to_string(i))));
  std::vector<AuditRecord> tail = Store().TailAudit(3).value();
  ASSERT_EQ(tail.size(), 3u);
  EXPECT_EQ(tail[0].seq, 5);
  EXPECT_EQ(tail[2].seq, 7);
  EXPECT_EQ(tail[2].entry.object, "6");
  EXPECT_EQ(Store().TailAudit(100).value().size(), 7u);
  EXPECT_TRUE(Store().TailAudit(0).value().empty());
}

TEST_P(AuditStoreConformanceTest, VisitorErrorStopsTheWalk) {
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(Store().AppendAudit(Entry("read", std::to_string(i))));
  int visited = 0;
  Status walked = Store().ForEachAudit([&](const AuditRecord&) -> Status {
    if (++visited == 2) return Internal("stop here");
    return OkStatus();
  });
  ASSERT_FALSE(walked);
  EXPECT_EQ(walked.error().message(), "stop here");
  EXPECT_EQ(visited, 2);
}

TEST_P(AuditStoreConformanceTest, TwoWritersShareOneChain) {
  if (!GetParam().open_again) GTEST_SKIP() << "the backend has no second connection";
  Result<std::shared_ptr<AuditStore>> other = GetParam().open_again(ScratchDir());
  ASSERT_TRUE(other.has_value()) << other.error().ToString();
  AuditRecord a = Store().AppendAudit(Entry("read", "a")).value();
  AuditRecord b = (*other)->AppendAudit(Entry("read", "b")).value();
  AuditRecord c = Store().AppendAudit(Entry("read", "c")).value();
  EXPECT_EQ(b.seq, 2);
  EXPECT_EQ(b.prev_hash, a.hash);
  EXPECT_EQ(c.seq, 3);
  EXPECT_EQ(c.prev_hash, b.hash);
  EXPECT_EQ(All(**other).size(), 3u);
}

// Two connections (two servers' audit writers) append batches at the same time: the log is one
// unbroken chain, numbered without gaps, and each batch lies in it whole, in its order.
TEST_P(AuditStoreConformanceTest, ConcurrentBatchesMakeOneChain) {
  if (!GetParam().open_again) GTEST_SKIP() << "the backend has no second connection";
  Result<std::shared_ptr<AuditStore>> other = GetParam().open_again(ScratchDir());
  ASSERT_TRUE(other.has_value()) << other.error().ToString();
  constexpr int kBatches = 20;
  constexpr int kBatchSize = 5;
  auto write = [](AuditStore& store, const std::string& writer, Status& outcome) {
    for (int batch = 0; batch < kBatches && outcome; ++batch) {
      std::vector<AuditEntry> entries;
      for (int i = 0; i < kBatchSize; ++i) {
        entries.push_back(Entry("read", writer + "/" + std::to_string(batch) + "/" +
                                            std::to_string(i)));
      }
      outcome = store.AppendAuditBatch(entries);
    }
  };
  Status first = OkStatus();
  Status second = OkStatus();
  std::thread a([&] { write(Store(), "a", first); });
  std::thread b([&] { write(**other, "b", second); });
  a.join();
  b.join();
  ASSERT_TRUE(first.has_value()) << first.error().ToString();
  ASSERT_TRUE(second.has_value()) << second.error().ToString();
  const std::vector<AuditRecord> records = All(Store());
  ASSERT_EQ(records.size(), std::size_t{2 * kBatches * kBatchSize});
  std::string previous(kAuditGenesisHash);
  for (std::size_t i = 0; i < records.size(); ++i) {
    const AuditRecord& record = records[i];
    EXPECT_EQ(record.seq, static_cast<std::int64_t>(i + 1));
    EXPECT_EQ(record.prev_hash, previous) << "record " << record.seq;
    EXPECT_EQ(record.hash, AuditRecordHash(record.seq, record.entry, record.prev_hash))
        << "record " << record.seq;
    previous = record.hash;
    // Records of one batch follow one another: ".../0" opens a batch, the next four continue it.
    const std::string& object = record.entry.object;
    const std::size_t last_slash = object.rfind('/');
    const int position = std::stoi(object.substr(last_slash + 1));
    if (i % kBatchSize == 0) {
      EXPECT_EQ(position, 0) << "record " << record.seq << " (" << object << ")";
    } else {
      const std::string& before = records[i - 1].entry.object;
      EXPECT_EQ(object.substr(0, last_slash), before.substr(0, before.rfind('/')))
          << "record " << record.seq << " breaks into a batch";
    }
  }
}

}  // namespace
}  // namespace ordo::storage::conformance
