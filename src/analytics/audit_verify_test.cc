#include "analytics/audit_verify.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "storage/memory/memory_audit_store.h"

namespace ordo::analytics {
namespace {

// An AuditStore whose stored records a test may change behind the contract's back, as someone with
// the database file could. Reads sort by seq, as every backend does.
class TamperableAuditStore final : public storage::AuditStore {
 public:
  Result<AuditRecord> AppendAudit(const AuditEntry&) override {
    return Internal("not used: tests set `records`");
  }
  Result<std::size_t> CountAudit() override { return records.size(); }
  Status ForEachAudit(const storage::AuditVisitor& visit) override {
    std::vector<AuditRecord> sorted = records;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const AuditRecord& a, const AuditRecord& b) { return a.seq < b.seq; });
    for (const AuditRecord& record : sorted) ORDO_RETURN_IF_ERROR(visit(record));
    return OkStatus();
  }
  Result<std::vector<AuditRecord>> TailAudit(std::size_t) override { return records; }

  std::vector<AuditRecord> records;
};

// A genuine chain of `count` records, written through the reference backend.
std::vector<AuditRecord> Chain(int count) {
  storage::MemoryAuditStore store;
  std::vector<AuditRecord> records;
  for (int i = 1; i <= count; ++i) {
    records.push_back(store
                          .AppendAudit({"2026-12-01T10:00:00.000Z", "analyst", "graph expand",
                                        "entity p" + std::to_string(i), "cli", "ok", ""})
                          .value());
  }
  return records;
}

AuditVerification Verify(const std::vector<AuditRecord>& records,
                         const std::optional<AuditHead>& head = std::nullopt) {
  TamperableAuditStore store;
  store.records = records;
  return VerifyAuditLog(store, head).value();
}

std::vector<std::pair<std::int64_t, AuditProblemKind>> Problems(const AuditVerification& result) {
  std::vector<std::pair<std::int64_t, AuditProblemKind>> problems;
  for (const AuditProblem& problem : result.problems) problems.emplace_back(problem.seq, problem.kind);
  return problems;
}

using Kind = AuditProblemKind;

TEST(AuditVerifyTest, AGenuineChainIsIntact) {
  std::vector<AuditRecord> records = Chain(10);
  AuditVerification result = Verify(records);
  EXPECT_TRUE(result.intact());
  EXPECT_EQ(result.records, 10u);
  EXPECT_EQ(result.head, (AuditHead{10, records.back().hash}));
  EXPECT_TRUE(Verify(records, AuditHead{10, records.back().hash}).intact());
  EXPECT_TRUE(Verify(records, AuditHead{4, records[3].hash}).intact());  // later records added
}

TEST(AuditVerifyTest, AnEmptyLogIsIntact) {
  AuditVerification result = Verify({});
  EXPECT_TRUE(result.intact());
  EXPECT_EQ(result.head, (AuditHead{0, std::string(kAuditGenesisHash)}));
}

TEST(AuditVerifyTest, EditingAnyFieldIsFoundAtThatRecord) {
  for (std::string AuditEntry::*field :
       {&AuditEntry::at, &AuditEntry::actor, &AuditEntry::action, &AuditEntry::object,
        &AuditEntry::origin, &AuditEntry::outcome, &AuditEntry::detail}) {
    std::vector<AuditRecord> records = Chain(8);
    records[3].entry.*field += "!";
    AuditVerification result = Verify(records);
    EXPECT_EQ(Problems(result), (decltype(Problems(result)){{4, Kind::kEdited}}));
    EXPECT_EQ(result.problems[0].message.rfind("record 4 was edited", 0), 0u)
        << result.problems[0].message;
  }
}

TEST(AuditVerifyTest, EditingWithANewHashIsFoundAtTheNextRecord) {
  std::vector<AuditRecord> records = Chain(8);
  records[3].entry.actor = "someone else";
  records[3].hash = AuditRecordHash(4, records[3].entry, records[3].prev_hash);
  AuditVerification result = Verify(records);
  EXPECT_EQ(Problems(result), (decltype(Problems(result)){{5, Kind::kUnchained}}));
}

TEST(AuditVerifyTest, DeletingRecordsIsFound) {
  std::vector<AuditRecord> records = Chain(8);
  records.erase(records.begin() + 3);  // record 4
  AuditVerification result = Verify(records);
  EXPECT_EQ(Problems(result), (decltype(Problems(result)){{5, Kind::kMissing}}));
  EXPECT_EQ(result.problems[0].message, "record 4 is missing (deleted)");

  records = Chain(8);
  records.erase(records.begin() + 3, records.begin() + 6);  // records 4 to 6
  result = Verify(records);
  ASSERT_EQ(result.problem_count, 1u);
  EXPECT_EQ(result.problems[0].message, "records 4 to 6 are missing (deleted)");

  records = Chain(8);
  records.erase(records.begin());  // record 1
  EXPECT_EQ(Problems(Verify(records)), (decltype(Problems(result)){{2, Kind::kMissing}}));
}

TEST(AuditVerifyTest, DeletingAndRenumberingIsFound) {
  std::vector<AuditRecord> records = Chain(8);
  records.erase(records.begin() + 3);
  for (std::size_t i = 3; i < records.size(); ++i) records[i].seq = static_cast<std::int64_t>(i) + 1;
  AuditVerification result = Verify(records);
  EXPECT_FALSE(result.intact());
  EXPECT_EQ(result.problems[0].seq, 4);  // the first renumbered record no longer chains
}

TEST(AuditVerifyTest, SwappingTwoRecordsIsFound) {
  std::vector<AuditRecord> records = Chain(8);
  std::swap(records[3].entry, records[4].entry);
  std::swap(records[3].prev_hash, records[4].prev_hash);
  std::swap(records[3].hash, records[4].hash);
  AuditVerification result = Verify(records);
  EXPECT_FALSE(result.intact());
  EXPECT_EQ(result.problems[0].seq, 4);
}

TEST(AuditVerifyTest, InsertingAForgedRecordIsFound) {
  std::vector<AuditRecord> records = Chain(6);
  AuditRecord forged = records[2];
  forged.entry.actor = "forger";
  records.insert(records.begin() + 3, forged);
  for (std::size_t i = 3; i < records.size(); ++i) records[i].seq = static_cast<std::int64_t>(i) + 1;
  AuditVerification result = Verify(records);
  EXPECT_FALSE(result.intact());
  EXPECT_EQ(result.problems[0].seq, 4);
}

TEST(AuditVerifyTest, TruncationAndRewritesNeedTheRecordedHead) {
  std::vector<AuditRecord> records = Chain(8);
  const AuditHead head{8, records.back().hash};
  std::vector<AuditRecord> truncated(records.begin(), records.begin() + 6);
  EXPECT_TRUE(Verify(truncated).intact());  // consistent in itself
  AuditVerification result = Verify(truncated, head);
  EXPECT_EQ(Problems(result), (decltype(Problems(result)){{8, Kind::kHead}}));
  EXPECT_EQ(result.problems[0].message,
            "the log ends at record 6, but the recorded head is record 8: records were deleted "
            "from the end");

  // Rewriting record 3 and re-hashing everything after it.
  std::vector<AuditRecord> rewritten = records;
  rewritten[2].entry.object = "something else";
  for (std::size_t i = 2; i < rewritten.size(); ++i) {
    if (i > 2) rewritten[i].prev_hash = rewritten[i - 1].hash;
    rewritten[i].hash = AuditRecordHash(rewritten[i].seq, rewritten[i].entry, rewritten[i].prev_hash);
  }
  EXPECT_TRUE(Verify(rewritten).intact());
  EXPECT_EQ(Problems(Verify(rewritten, head)), (decltype(Problems(result)){{8, Kind::kHead}}));
}

TEST(AuditVerifyTest, KeepsAtMostTheLimitButCountsEveryProblem) {
  std::vector<AuditRecord> records = Chain(30);
  for (AuditRecord& record : records) record.entry.detail = "changed";
  TamperableAuditStore store;
  store.records = records;
  AuditVerification result = VerifyAuditLog(store, std::nullopt, 5).value();
  EXPECT_EQ(result.problem_count, 30u);
  EXPECT_EQ(result.problems.size(), 5u);
}

TEST(AuditVerifyTest, ParsesAndFormatsTheHead) {
  const std::string hash(64, 'a');
  EXPECT_EQ(ParseAuditHead("12:" + hash).value(), (AuditHead{12, hash}));
  EXPECT_EQ(FormatAuditHead({12, hash}), "12:" + hash);
  EXPECT_FALSE(ParseAuditHead("12"));
  EXPECT_FALSE(ParseAuditHead(":" + hash));
  EXPECT_FALSE(ParseAuditHead("-1:" + hash));
  EXPECT_FALSE(ParseAuditHead("1x:" + hash));
  EXPECT_FALSE(ParseAuditHead("12:" + std::string(64, 'A')));
  EXPECT_FALSE(ParseAuditHead("12:abc"));
}

}  // namespace
}  // namespace ordo::analytics
