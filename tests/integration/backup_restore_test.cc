// `ordo backup` and `ordo restore` end to end: a database filled by the real commands is backed up,
// restored elsewhere and compared table by table with `sqlite3 .dump`; restores of files that are
// not Ordo databases are refused and leave the database as it was.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ordo_runner.h"

namespace ordo::testing {
namespace {

constexpr char kBackupCultivationFile[] =
    "year,country_iso3,region,crop,kind,hectares,synthetic,source,note\n"
    "2022,KGZ,Region A,cannabis,cultivated,120,true,backup test fixture (made up),\n"
    "2022,TJK,,opium_poppy,eradicated,7.5,true,backup test fixture (made up),made-up note\n";

constexpr char kBackupPriceFile[] =
    "date,country_iso3,place,drug,level,price,per,currency,purity_percent,synthetic,source\n"
    "2023-05,KGZ,Town B,heroin,retail,40,g,USD,12.5,true,backup test fixture (made up)\n";

// Every table's rows and the schema, plus the two header fields .dump leaves out.
std::string Dump(const std::string& db) {
  return DumpWithoutAudit(db) +
         RunProgram({"/usr/bin/sqlite3", db, "PRAGMA application_id; PRAGMA user_version;"});
}

std::size_t CountOccurrences(const std::string& text, const std::string& what) {
  std::size_t count = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++count;
  }
  return count;
}

class BackupRestoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    db_ = dir_ + "/ordo.db";
    ASSERT_EQ(RunOrdo({"--db", db_, "init"}).exit_code, 0);
    RunResult simulated = RunOrdo({"--db", db_, "simulate", "--out", dir_ + "/seizures.csv",
                                   "--count", "300", "--seed", "7", "--import", "--quiet"});
    ASSERT_EQ(simulated.exit_code, 0) << simulated.err;
    std::ofstream(dir_ + "/cultivation.csv") << kBackupCultivationFile;
    std::ofstream(dir_ + "/prices.csv") << kBackupPriceFile;
    ASSERT_EQ(
        RunOrdo({"--db", db_, "narcotics", "import", "cultivation", dir_ + "/cultivation.csv"})
            .exit_code,
        0);
    ASSERT_EQ(
        RunOrdo({"--db", db_, "narcotics", "import", "prices", dir_ + "/prices.csv"}).exit_code, 0);
  }

  // Writes `text` to a file in the test directory and returns its path.
  std::string WriteFile(const std::string& name, const std::string& text) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  std::string dir_;
  std::string db_;
};

TEST_F(BackupRestoreTest, ARestoredBackupEqualsTheOriginalInEveryTable) {
  const std::string backup = dir_ + "/ordo.backup";
  const std::string restored = dir_ + "/restored/ordo.db";

  RunResult backed_up = RunOrdo({"--db", db_, "backup", backup});
  RunResult restore = RunOrdo({"--db", restored, "restore", backup});

  ASSERT_EQ(backed_up.exit_code, 0) << backed_up.err;
  ASSERT_EQ(restore.exit_code, 0) << restore.err;
  const std::string original = Dump(db_);
  EXPECT_EQ(CountOccurrences(original, "INSERT INTO seizures VALUES"), 300u);
  EXPECT_EQ(CountOccurrences(original, "INSERT INTO cultivation_records VALUES"), 2u);
  EXPECT_EQ(CountOccurrences(original, "INSERT INTO drug_prices VALUES"), 1u);
  EXPECT_GT(CountOccurrences(original, "INSERT INTO relations VALUES"), 100u);
  EXPECT_EQ(Dump(restored), original);
  EXPECT_EQ(Dump(backup), original);
  EXPECT_EQ(RunOrdo({"--db", restored, "seizures", "stats"}).exit_code, 0);
}

TEST_F(BackupRestoreTest, TheBackupIsOneFileWithoutAWriteAheadLog) {
  const std::string backup = dir_ + "/ordo.backup";

  ASSERT_EQ(RunOrdo({"--db", db_, "backup", backup}).exit_code, 0);

  EXPECT_EQ(RunProgram({"/usr/bin/sqlite3", backup, "PRAGMA journal_mode;"}), "delete\n");
  EXPECT_FALSE(std::filesystem::exists(backup + "-wal"));
  EXPECT_FALSE(std::filesystem::exists(backup + ".ordo-partial"));
}

TEST_F(BackupRestoreTest, RestoreReplacesADatabaseThatChangedSinceTheBackup) {
  const std::string backup = dir_ + "/ordo.backup";
  ASSERT_EQ(RunOrdo({"--db", db_, "backup", backup}).exit_code, 0);
  const std::string at_backup = Dump(db_);
  ASSERT_EQ(RunOrdo({"--db", db_, "simulate", "--out", dir_ + "/more.csv", "--count", "20",
                     "--seed", "8", "--import", "--quiet"})
                .exit_code,
            0);
  ASSERT_NE(Dump(db_), at_backup);

  RunResult restore = RunOrdo({"--db", db_, "restore", backup});

  EXPECT_EQ(restore.exit_code, 0) << restore.err;
  EXPECT_EQ(Dump(db_), at_backup);
  EXPECT_FALSE(std::filesystem::exists(db_ + ".ordo-restore"));
  // The restored log is the backup's, with the restore itself appended after it: neither the
  // second simulate (after the backup) nor the backup (recorded once the copy was taken) are in
  // it, only the setup's simulate.
  const std::string audit = AuditSummary(db_);
  EXPECT_EQ(audit.find("|backup|"), std::string::npos) << audit;
  EXPECT_EQ(CountOccurrences(audit, "|simulate|ok\n"), 1u) << audit;
  const std::string last_line = "|restore|ok\n";
  ASSERT_GE(audit.size(), last_line.size());
  EXPECT_EQ(audit.substr(audit.size() - last_line.size()), last_line) << audit;
}

TEST_F(BackupRestoreTest, BackupDoesNotReplaceAnExistingFileWithoutForce) {
  const std::string existing = WriteFile("notes.txt", "keep me\n");

  RunResult refused = RunOrdo({"--db", db_, "backup", existing});
  RunResult forced = RunOrdo({"--db", db_, "backup", "--force", existing});

  EXPECT_EQ(refused.exit_code, 4);
  EXPECT_NE(refused.err.find("already exists"), std::string::npos) << refused.err;
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_EQ(Dump(existing), Dump(db_));
}

// Each refused restore exits with 5 (failed precondition), says why and leaves the database as it
// was, byte for byte in every table.
void ExpectRefused(const std::string& db, const std::string& bad_backup, const std::string& why) {
  const std::string before = Dump(db);

  RunResult restore = RunOrdo({"--db", db, "restore", bad_backup});

  EXPECT_EQ(restore.exit_code, 5) << restore.err;
  EXPECT_NE(restore.err.find(bad_backup + " is not a usable Ordo database"), std::string::npos)
      << restore.err;
  EXPECT_NE(restore.err.find(why), std::string::npos) << restore.err;
  EXPECT_NE(restore.err.find(db + " was not changed"), std::string::npos) << restore.err;
  EXPECT_EQ(Dump(db), before);
  EXPECT_FALSE(std::filesystem::exists(db + ".ordo-restore"));
}

TEST_F(BackupRestoreTest, RestoreRefusesAFileThatIsNotADatabase) {
  const std::string text = WriteFile("not-a-db.backup", std::string(8192, 'x'));

  ExpectRefused(db_, text, "not a database");
}

TEST_F(BackupRestoreTest, RestoreRefusesAnEmptyFile) {
  const std::string empty = WriteFile("empty.backup", "");

  ExpectRefused(db_, empty, "it is empty");
}

TEST_F(BackupRestoreTest, RestoreRefusesAnotherApplicationsSqliteDatabase) {
  const std::string other = dir_ + "/other.sqlite";
  RunProgram({"/usr/bin/sqlite3", other,
              "CREATE TABLE notes (body TEXT); INSERT INTO notes "
              "VALUES ('hello');"});

  ExpectRefused(db_, other, "another application");
}

TEST_F(BackupRestoreTest, RestoreRefusesATruncatedBackup) {
  const std::string backup = dir_ + "/ordo.backup";
  ASSERT_EQ(RunOrdo({"--db", db_, "backup", backup}).exit_code, 0);
  const auto size = std::filesystem::file_size(backup);
  std::filesystem::resize_file(backup, size / 2);

  ExpectRefused(db_, backup, "");
}

TEST_F(BackupRestoreTest, RestoreRefusesADamagedBackup) {
  const std::string backup = dir_ + "/ordo.backup";
  ASSERT_EQ(RunOrdo({"--db", db_, "backup", backup}).exit_code, 0);
  // Overwrites the middle of the file, where the seizure table's pages are, with garbage.
  const auto size = std::filesystem::file_size(backup);
  std::fstream file(backup, std::ios::in | std::ios::out | std::ios::binary);
  file.seekp(static_cast<std::streamoff>(size / 2));
  file << std::string(16384, '\x5a');
  file.close();

  ExpectRefused(db_, backup, "");
}

TEST_F(BackupRestoreTest, RestoreOfAMissingFileIsNotFound) {
  RunResult restore = RunOrdo({"--db", db_, "restore", dir_ + "/no-such.backup"});

  EXPECT_EQ(restore.exit_code, 3);
  EXPECT_NE(restore.err.find("backup file not found"), std::string::npos) << restore.err;
}

}  // namespace
}  // namespace ordo::testing
