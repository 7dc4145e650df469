// The audit log end to end: real `ordo` commands leave records with their outcomes, and
// `ordo audit verify` finds rows that `sqlite3` edited, deleted or swapped in a real database file
// (after dropping the triggers that otherwise refuse it).

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "ordo_runner.h"

namespace ordo::testing {
namespace {

class AuditCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    db_ = dir_ + "/ordo.db";
    ASSERT_EQ(RunOrdo({"--db", db_, "init"}).exit_code, 0);                     // record 1
    ASSERT_EQ(RunOrdo({"--db", db_, "summary"}).exit_code, 0);                  // record 2
    ASSERT_EQ(RunOrdo({"--db", db_, "country", "Nowhere Land"}).exit_code, 3);  // record 3
    ASSERT_EQ(RunOrdo({"--db", db_, "orgs", "CSTO"}).exit_code, 0);             // record 4
    ASSERT_EQ(RunOrdo({"--db", db_, "timeline"}).exit_code, 0);                 // record 5
  }

  // Runs SQL on the database with sqlite3, as someone with the file could, triggers dropped first.
  void Tamper(const std::string& sql) {
    RunProgram({"/usr/bin/sqlite3", db_,
                "DROP TRIGGER IF EXISTS audit_log_no_update; "
                "DROP TRIGGER IF EXISTS audit_log_no_delete; " +
                    sql});
  }

  RunResult Verify(const std::string& head = "") {
    if (head.empty()) return RunOrdo({"--db", db_, "audit", "verify"});
    return RunOrdo({"--db", db_, "audit", "verify", "--head", head});
  }

  std::string dir_;
  std::string db_;
};

TEST_F(AuditCliTest, CommandsLeaveRecordsWithTheirOutcome) {
  const std::string audit = AuditSummary(db_);
  EXPECT_NE(audit.find("1|"), std::string::npos);
  EXPECT_NE(audit.find("|init|ok\n"), std::string::npos) << audit;
  EXPECT_NE(audit.find("|summary|ok\n"), std::string::npos) << audit;
  EXPECT_NE(audit.find("|country|exit 3\n"), std::string::npos) << audit;

  RunResult tail = RunOrdo({"--db", db_, "--format", "csv", "audit", "tail", "-n", "3"});
  ASSERT_EQ(tail.exit_code, 0) << tail.err;
  // Header and the last three records before the tail itself: 3, 4 and 5.
  EXPECT_EQ(tail.out.rfind("seq,at,actor,action,object,origin,outcome,detail,hash\n3,", 0), 0u)
      << tail.out;
  // CSV output neutralises a cell that starts like a formula ('-'), hence the quote.
  EXPECT_NE(tail.out.find(",country,'--db " + db_ + " country 'Nowhere Land',cli@"),
            std::string::npos)
      << tail.out;
  EXPECT_NE(tail.out.find("\n5,"), std::string::npos) << tail.out;
}

TEST_F(AuditCliTest, AnUntouchedLogVerifies) {
  RunResult verified = Verify();
  EXPECT_EQ(verified.exit_code, 0) << verified.err;
  EXPECT_EQ(verified.out.rfind("audit log intact: 5 records, head 5:", 0), 0u) << verified.out;
}

TEST_F(AuditCliTest, AnEditedRecordIsNamed) {
  Tamper("UPDATE audit_log SET outcome = 'ok' WHERE seq = 3;");
  RunResult verified = Verify();
  EXPECT_EQ(verified.exit_code, 5);
  EXPECT_EQ(verified.out.rfind("record 3: edited: record 3 was edited", 0), 0u) << verified.out;
  EXPECT_NE(verified.err.find("has been tampered with: 1 problem in 5 records"), std::string::npos)
      << verified.err;
}

TEST_F(AuditCliTest, ADeletedRecordIsNamed) {
  Tamper("DELETE FROM audit_log WHERE seq = 2;");
  RunResult verified = Verify();
  EXPECT_EQ(verified.exit_code, 5);
  EXPECT_EQ(verified.out, "record 3: missing: record 2 is missing (deleted)\n");
}

TEST_F(AuditCliTest, SwappedRecordsAreNamed) {
  Tamper(
      "UPDATE audit_log SET seq = -2 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; "
      "UPDATE audit_log SET seq = 3 WHERE seq = -2;");
  RunResult verified = Verify();
  EXPECT_EQ(verified.exit_code, 5);
  EXPECT_EQ(verified.out.rfind("record 2: unchained:", 0), 0u) << verified.out;
}

TEST_F(AuditCliTest, DeletingTheEndShowsOnlyAgainstARecordedHead) {
  RunResult head = RunOrdo({"--db", db_, "audit", "head"});  // prints 5:..., then is record 6
  ASSERT_EQ(head.exit_code, 0) << head.err;
  const std::string recorded = head.out.substr(0, head.out.size() - 1);
  ASSERT_EQ(recorded.rfind("5:", 0), 0u) << recorded;
  EXPECT_EQ(Verify(recorded).exit_code, 0);  // record 7

  Tamper("DELETE FROM audit_log WHERE seq >= 4;");
  EXPECT_EQ(Verify().exit_code, 0);  // consistent in itself; it becomes record 4
  Tamper("DELETE FROM audit_log WHERE seq >= 4;");
  RunResult verified = Verify(recorded);
  EXPECT_EQ(verified.exit_code, 5);
  EXPECT_EQ(verified.out,
            "record 5: head: the log ends at record 3, but the recorded head is record 5: records "
            "were deleted from the end\n");
}

TEST_F(AuditCliTest, ABadHeadIsAUsageError) {
  RunResult verified = Verify("5:xyz");
  EXPECT_EQ(verified.exit_code, 2);
  EXPECT_NE(verified.err.find("--head: audit head: the hash must be 64 lowercase hex digits"),
            std::string::npos)
      << verified.err;
}

}  // namespace
}  // namespace ordo::testing
