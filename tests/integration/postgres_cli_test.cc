// The real `ordo` binary on PostgreSQL (the throw-away test cluster, a schema per test): `ordo
// migrate` creates the tables, `ordo migrate-data` copies a SQLite database filled by the real
// commands and checks every count (merges, accounts, tokens and the audit log included), and the
// read commands then answer byte for byte alike on both databases. A non-empty target is refused
// unless told, a repeated copy fails whole, and a source whose audit chain does not verify is not
// copied at all.

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "ordo_runner.h"
#include "storage/postgres/testing/test_cluster.h"

namespace ordo::testing {
namespace {

constexpr char kCultivationFile[] =
    "year,country_iso3,region,crop,kind,hectares,synthetic,source,note\n"
    "2022,KGZ,Region A,cannabis,cultivated,120,true,migrate-data test fixture (made up),\n"
    "2022,TJK,,opium_poppy,eradicated,7.5,true,migrate-data test fixture (made up),a note\n";

constexpr char kPriceFile[] =
    "date,country_iso3,place,drug,level,price,per,currency,purity_percent,synthetic,source\n"
    "2023-05,KGZ,Town B,heroin,retail,40,g,USD,12.5,true,migrate-data test fixture (made up)\n";

class PostgresCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::string> uri = storage::testing::NewTestSchemaUri();
    ASSERT_TRUE(uri.has_value()) << uri.error().ToString();
    uri_ = *uri;
    dir_ = MakeTempDir();
    db_ = dir_ + "/ordo.db";
  }

  // A SQLite database with every kind of row, written by the real commands.
  void FillSqlite() {
    ASSERT_EQ(RunOrdo({"--db", db_, "init"}).exit_code, 0);
    RunResult simulated = RunOrdo({"--db", db_, "simulate", "--out", dir_ + "/seizures.csv",
                                   "--count", "300", "--seed", "7", "--import", "--quiet"});
    ASSERT_EQ(simulated.exit_code, 0) << simulated.err;
    std::ofstream(dir_ + "/cultivation.csv") << kCultivationFile;
    std::ofstream(dir_ + "/prices.csv") << kPriceFile;
    ASSERT_EQ(
        RunOrdo({"--db", db_, "narcotics", "import", "cultivation", dir_ + "/cultivation.csv"})
            .exit_code,
        0);
    ASSERT_EQ(
        RunOrdo({"--db", db_, "narcotics", "import", "prices", dir_ + "/prices.csv"}).exit_code, 0);
    RunResult ftm = RunOrdo({"--db", db_, "import", "ftm",
                             ORDO_SOURCE_DIR "/tests/integration/ftm/case.ftm", "--source",
                             "made-up test case"});
    ASSERT_EQ(ftm.exit_code, 0) << ftm.err;
    // Merges: one in force, one undone; an account with a password and a token.
    ASSERT_EQ(RunOrdo({"--db", db_, "graph", "merge", "p1", "p2", "--note", "same phone"}).exit_code,
              0);
    ASSERT_EQ(RunOrdo({"--db", db_, "graph", "merge", "a1", "a2"}).exit_code, 0);
    ASSERT_EQ(RunOrdo({"--db", db_, "graph", "unmerge", "2"}).exit_code, 0);
    RunResult added = RunOrdoWithInput(
        {"--db", db_, "user", "add", "aidai", "--role", "analyst", "--compartment", "case-17"},
        "correct horse battery staple\n");
    ASSERT_EQ(added.exit_code, 0) << added.err;
    ASSERT_EQ(RunOrdo({"--db", db_, "user", "token", "aidai", "--label", "script"}).exit_code, 0);
  }

  std::string uri_;
  std::string dir_;
  std::string db_;
};

TEST_F(PostgresCliTest, MigrateCreatesTheTablesOnce) {
  RunResult first = RunOrdo({"--db", uri_, "migrate"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find(": schema version 8"), std::string::npos) << first.out;
  RunResult again = RunOrdo({"--db", uri_, "migrate"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, first.out);
  // An empty database answers as one, without seeding.
  RunResult counted = RunOrdo({"--db", uri_, "--format", "csv", "seizures", "list"});
  EXPECT_EQ(counted.exit_code, 0) << counted.err;
}

TEST_F(PostgresCliTest, CommandsRefuseADatabaseWithoutOrdoTables) {
  RunResult summary = RunOrdo({"--db", uri_, "summary"});
  EXPECT_EQ(summary.exit_code, 5) << summary.out << summary.err;
  EXPECT_NE(summary.err.find("ordo migrate"), std::string::npos) << summary.err;
}

TEST_F(PostgresCliTest, MigrateDataCopiesEveryKindAndTheCommandsAgree) {
  FillSqlite();
  ASSERT_EQ(RunOrdo({"--db", uri_, "migrate"}).exit_code, 0);
  // A look at the target leaves a record in its audit log; that is not data, so the copy goes on.
  ASSERT_EQ(RunOrdo({"--db", uri_, "audit", "tail"}).exit_code, 0);
  RunResult copied =
      RunOrdo({"--format", "csv", "migrate-data", "--from", db_, "--to", uri_});
  ASSERT_EQ(copied.exit_code, 0) << copied.out << copied.err;
  EXPECT_EQ(copied.out.find("MISMATCH"), std::string::npos) << copied.out;
  for (const char* kind : {"countries,", "relations,", "seizures,300,300,ok", "entities,",
                           "links,", "cultivation_records,2,2,ok", "drug_prices,1,1,ok",
                           "entity_merges,2,2,ok", "accounts,1,1,ok", "api_tokens,1,1,ok",
                           "audit_log,"}) {
    EXPECT_NE(copied.out.find(kind), std::string::npos) << kind << "\n" << copied.out;
  }
  // The source's audit records are chained on after the target's own.
  EXPECT_NE(copied.err.find("chained on after the target's own records"), std::string::npos)
      << copied.err;
  RunResult verified = RunOrdo({"--db", uri_, "audit", "verify"});
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;

  // The same questions get the same answers from both databases.
  const std::vector<std::vector<std::string>> questions = {
      {"relations"},
      {"coverage"},
      {"orgs"},
      {"facts"},
      {"seizures", "list"},
      {"seizures", "stats"},
      {"narcotics", "cultivation"},
      {"narcotics", "prices"},
      {"graph", "components"},
      {"export", "ftm"},
      {"graph", "merges"},
      {"user", "list"},
  };
  for (const std::vector<std::string>& question : questions) {
    std::vector<std::string> on_sqlite = {"--db", db_, "--format", "csv"};
    std::vector<std::string> on_postgres = {"--db", uri_, "--format", "csv"};
    on_sqlite.insert(on_sqlite.end(), question.begin(), question.end());
    on_postgres.insert(on_postgres.end(), question.begin(), question.end());
    RunResult from_sqlite = RunOrdo(on_sqlite);
    RunResult from_postgres = RunOrdo(on_postgres);
    EXPECT_EQ(from_postgres.exit_code, from_sqlite.exit_code)
        << question[0] << ": " << from_postgres.err;
    EXPECT_EQ(from_postgres.out, from_sqlite.out) << question[0];
    EXPECT_FALSE(from_sqlite.out.empty()) << question[0] << ": " << from_sqlite.err;
  }
}

TEST_F(PostgresCliTest, ANonEmptyTargetIsRefusedUnlessToldAndARepeatedCopyFailsWhole) {
  FillSqlite();
  ASSERT_EQ(RunOrdo({"migrate-data", "--from", db_, "--to", uri_}).exit_code, 0);
  RunResult refused = RunOrdo({"migrate-data", "--from", db_, "--to", uri_});
  EXPECT_EQ(refused.exit_code, 5) << refused.err;
  EXPECT_NE(refused.err.find("is not empty"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("--allow-non-empty"), std::string::npos) << refused.err;

  RunResult repeated =
      RunOrdo({"migrate-data", "--from", db_, "--to", uri_, "--allow-non-empty"});
  EXPECT_EQ(repeated.exit_code, 4) << repeated.err;
  EXPECT_NE(repeated.err.find("already exists"), std::string::npos) << repeated.err;
  RunResult summary = RunOrdo({"--db", uri_, "--format", "csv", "seizures", "stats"});
  RunResult original = RunOrdo({"--db", db_, "--format", "csv", "seizures", "stats"});
  EXPECT_EQ(summary.out, original.out);
}

TEST_F(PostgresCliTest, AnEmptyTargetGetsTheSameAuditChainAndTheSamePasswordHash) {
  FillSqlite();
  RunResult copied = RunOrdo({"migrate-data", "--from", db_, "--to", uri_});
  ASSERT_EQ(copied.exit_code, 0) << copied.out << copied.err;
  EXPECT_NE(copied.err.find("audit log: the same chain, head "), std::string::npos) << copied.err;
  // Both heads are read before each command's own record is appended.
  RunResult source_head = RunOrdo({"--db", db_, "audit", "head"});
  RunResult target_head = RunOrdo({"--db", uri_, "audit", "head"});
  ASSERT_EQ(source_head.exit_code, 0) << source_head.err;
  EXPECT_EQ(target_head.out, source_head.out);
  EXPECT_NE(copied.err.find(source_head.out.substr(0, source_head.out.size() - 1)),
            std::string::npos)
      << copied.err << source_head.out;
  // The copied account signs in with its password: the stored hash came across as it was.
  RunResult hash_sqlite = RunOrdo({"--db", db_, "--format", "csv", "user", "list"});
  RunResult hash_postgres = RunOrdo({"--db", uri_, "--format", "csv", "user", "list"});
  EXPECT_EQ(hash_postgres.out, hash_sqlite.out);
}

TEST_F(PostgresCliTest, ASourceWhoseAuditLogDoesNotVerifyIsNotCopied) {
  FillSqlite();
  RunProgram({"/usr/bin/sqlite3", db_,
              "DROP TRIGGER IF EXISTS audit_log_no_update; "
              "UPDATE audit_log SET actor = 'someone else' WHERE seq = 2;"});
  RunResult refused = RunOrdo({"migrate-data", "--from", db_, "--to", uri_});
  EXPECT_EQ(refused.exit_code, 5) << refused.err;
  EXPECT_NE(refused.err.find("audit log does not verify"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("nothing was copied"), std::string::npos) << refused.err;
  // The target holds Ordo's tables (opened for the copy) and none of the source's rows.
  RunResult users = RunOrdo({"--db", uri_, "--format", "csv", "user", "list"});
  EXPECT_EQ(users.out.find("aidai"), std::string::npos) << users.out;
  RunResult listed = RunOrdo({"--db", uri_, "--format", "csv", "relations"});
  EXPECT_EQ(listed.out.find("KAZ"), std::string::npos) << listed.out;
}

TEST_F(PostgresCliTest, InitSeedsAnEmptyDatabaseOnlyOnce) {
  RunResult init = RunOrdo({"--db", uri_, "init"});
  ASSERT_EQ(init.exit_code, 0) << init.err;
  RunResult again = RunOrdo({"--db", uri_, "init"});
  EXPECT_EQ(again.exit_code, 4) << again.err;
  ASSERT_EQ(RunOrdo({"--db", db_, "init"}).exit_code, 0);
  RunResult from_postgres = RunOrdo({"--db", uri_, "--format", "csv", "relations"});
  RunResult from_sqlite = RunOrdo({"--db", db_, "--format", "csv", "relations"});
  EXPECT_EQ(from_postgres.out, from_sqlite.out);
}

TEST_F(PostgresCliTest, CommandsAreAuditedInTheDatabaseAndTheChainVerifies) {
  ASSERT_EQ(RunOrdo({"--db", uri_, "init"}).exit_code, 0);
  ASSERT_EQ(RunOrdo({"--db", uri_, "relations"}).exit_code, 0);
  RunResult tail = RunOrdo({"--db", uri_, "--format", "csv", "audit", "tail", "-n", "10"});
  ASSERT_EQ(tail.exit_code, 0) << tail.err;
  EXPECT_NE(tail.out.find("relations"), std::string::npos) << tail.out;
  RunResult verified = RunOrdo({"--db", uri_, "audit", "verify"});
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;
}

TEST_F(PostgresCliTest, BackupPointsAtPgDump) {
  ASSERT_EQ(RunOrdo({"--db", uri_, "migrate"}).exit_code, 0);
  RunResult backup = RunOrdo({"--db", uri_, "backup", dir_ + "/copy.db"});
  EXPECT_EQ(backup.exit_code, 5);
  EXPECT_NE(backup.err.find("pg_dump"), std::string::npos) << backup.err;
}

}  // namespace
}  // namespace ordo::testing
