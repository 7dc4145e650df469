// `ordo user` end to end on a real database: accounts get an argon2id hash of a password read from
// standard input (never from the command line), compartments are granted and revoked, tokens are
// shown once and kept only as hashes, and every change lands in the audit log without the secret.

#include <gtest/gtest.h>

#include <string>

#include "ordo_runner.h"

namespace ordo::testing {
namespace {

constexpr char kPassword[] = "a long enough passphrase";

class UserCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = MakeTempDir() + "/ordo.db";
    ASSERT_NO_FATAL_FAILURE(InitDatabase(db_));
  }

  std::string Sql(const std::string& query) { return RunProgram({"/usr/bin/sqlite3", db_, query}); }

  std::string db_;
};

TEST_F(UserCliTest, AddStoresAnArgon2idHashOfTheStandardInputPassword) {
  RunResult added = RunOrdoWithInput(
      {"--db", db_, "user", "add", "aidai", "--role", "analyst", "--compartment", "case-17"},
      std::string(kPassword) + "\n");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_EQ(added.out, "added analyst aidai\n");
  const std::string hash = Sql("SELECT password_hash FROM accounts WHERE name = 'aidai'");
  EXPECT_EQ(hash.rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << hash;
  EXPECT_EQ(RunProgram({"/usr/bin/grep", "-c", kPassword, db_}), "0\n");  // nowhere in the file
  EXPECT_EQ(Sql("SELECT compartment FROM account_compartments"), "case-17\n");

  RunResult list = RunOrdo({"--db", db_, "--format", "csv", "user", "list"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(list.out.substr(0, list.out.find('\n', list.out.find('\n') + 1)),
            "name,role,disabled,compartments,created_at\naidai,analyst,false,case-17," +
                Sql("SELECT created_at FROM accounts").substr(0, 24));
}

TEST_F(UserCliTest, NoDefaultAndNoWeakPassword) {
  RunResult without = RunOrdo({"--db", db_, "user", "add", "bolot", "--role", "admin"});
  EXPECT_EQ(without.exit_code, 2);
  EXPECT_EQ(without.err, "ordo: no password given on standard input\n");
  RunResult short_one = RunOrdoWithInput({"--db", db_, "user", "add", "bolot", "--role", "admin"},
                                         "short\n");
  EXPECT_EQ(short_one.exit_code, 2);
  EXPECT_EQ(short_one.err, "ordo: password is shorter than 12 characters\n");
  RunResult bad_name = RunOrdoWithInput({"--db", db_, "user", "add", "Bolot", "--role", "admin"},
                                        std::string(kPassword) + "\n");
  EXPECT_EQ(bad_name.exit_code, 2);
  EXPECT_EQ(Sql("SELECT count(*) FROM accounts"), "0\n");
}

TEST_F(UserCliTest, AddingAnExistingAccountIsRefused) {
  ASSERT_EQ(RunOrdoWithInput({"--db", db_, "user", "add", "aidai", "--role", "viewer"},
                             std::string(kPassword) + "\n")
                .exit_code,
            0);
  RunResult again = RunOrdoWithInput({"--db", db_, "user", "add", "aidai", "--role", "admin"},
                                     std::string(kPassword) + "\n");
  EXPECT_EQ(again.exit_code, 4);
  EXPECT_EQ(again.err, "ordo: account 'aidai' already exists\n");
  EXPECT_EQ(Sql("SELECT role FROM accounts"), "viewer\n");
}

TEST_F(UserCliTest, GrantRevokeDisableEnable) {
  ASSERT_EQ(RunOrdoWithInput({"--db", db_, "user", "add", "aidai", "--role", "viewer"},
                             std::string(kPassword) + "\n")
                .exit_code,
            0);
  RunResult granted = RunOrdo({"--db", db_, "user", "grant", "aidai", "case-2", "case-1"});
  ASSERT_EQ(granted.exit_code, 0) << granted.err;
  EXPECT_EQ(granted.out, "aidai now sees: case-1 case-2\n");
  RunResult revoked = RunOrdo({"--db", db_, "user", "revoke", "aidai", "case-1"});
  EXPECT_EQ(revoked.out, "aidai now sees: case-2\n");
  EXPECT_EQ(RunOrdo({"--db", db_, "user", "disable", "aidai"}).exit_code, 0);
  EXPECT_EQ(Sql("SELECT disabled FROM accounts"), "1\n");
  EXPECT_EQ(RunOrdo({"--db", db_, "user", "enable", "aidai"}).exit_code, 0);
  EXPECT_EQ(Sql("SELECT disabled FROM accounts"), "0\n");
  RunResult missing = RunOrdo({"--db", db_, "user", "grant", "nobody", "case-1"});
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_EQ(missing.err, "ordo: no account 'nobody'\n");
}

TEST_F(UserCliTest, ATokenIsShownOnceAndKeptAsItsHash) {
  ASSERT_EQ(RunOrdoWithInput({"--db", db_, "user", "add", "etl", "--role", "analyst"},
                             std::string(kPassword) + "\n")
                .exit_code,
            0);
  RunResult token = RunOrdo({"--db", db_, "user", "token", "etl", "--label", "nightly"});
  ASSERT_EQ(token.exit_code, 0) << token.err;
  ASSERT_EQ(token.out.size(), 5u + 43u + 1u) << token.out;
  const std::string secret = token.out.substr(0, token.out.size() - 1);
  EXPECT_EQ(Sql("SELECT count(*) FROM api_tokens WHERE token_hash = '" + secret + "'"), "0\n");
  const std::string stored = Sql("SELECT token_hash, label FROM api_tokens");
  EXPECT_EQ(stored.size(), 64u + 1u + 7u + 1u) << stored;
  EXPECT_EQ(RunProgram({"/usr/bin/grep", "-c", secret, db_}), "0\n");
}

TEST_F(UserCliTest, ChangesAreAuditedWithoutTheSecret) {
  ASSERT_EQ(RunOrdoWithInput({"--db", db_, "user", "add", "aidai", "--role", "analyst"},
                             std::string(kPassword) + "\n")
                .exit_code,
            0);
  ASSERT_EQ(RunOrdo({"--db", db_, "user", "grant", "aidai", "case-9"}).exit_code, 0);
  const std::string audit = AuditSummary(db_);
  EXPECT_NE(audit.find("|user add|ok\n"), std::string::npos) << audit;
  EXPECT_NE(audit.find("|user grant|ok\n"), std::string::npos) << audit;
  EXPECT_EQ(Sql("SELECT count(*) FROM audit_log WHERE object LIKE '%passphrase%' OR detail "
                "LIKE '%passphrase%'"),
            "0\n");
  EXPECT_EQ(RunOrdo({"--db", db_, "audit", "verify"}).exit_code, 0);
}

}  // namespace
}  // namespace ordo::testing
