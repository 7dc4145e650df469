#include "storage/sqlite/sqlite_backup.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "storage/sqlite/sqlite_store.h"
#include "storage/sqlite/testing/raw_database.h"

namespace ordo::storage {
namespace {

using ::testing::HasSubstr;
using testing::RawDatabase;

class SqliteBackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "ordo_backup_XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    database_ = dir_ + "/ordo.db";
    backup_ = dir_ + "/ordo.backup";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Opens (creating) the store at `path` and adds one country per code.
  std::unique_ptr<SqliteStore> StoreWith(const std::string& path,
                                         std::initializer_list<const char*> codes) {
    Result<std::unique_ptr<SqliteStore>> store =
        SqliteStore::Open(path, SqliteOpenMode::kCreateIfMissing);
    EXPECT_TRUE(store.has_value()) << store.error().ToString();
    RegistryBatch batch;
    for (const char* code : codes) {
      Country country;
      country.iso3 = *CountryCode::Parse(code);
      batch.countries.push_back(country);
    }
    EXPECT_TRUE((*store)->Write(batch).has_value());
    return std::move(store).value();
  }

  static std::size_t CountryCount(const std::string& path) {
    Result<std::unique_ptr<SqliteStore>> store =
        SqliteStore::Open(path, SqliteOpenMode::kMustExist);
    EXPECT_TRUE(store.has_value()) << store.error().ToString();
    if (!store) return 0;
    Result<RegistryCounts> counts = (*store)->Counts();
    return counts ? counts->countries : 0;
  }

  std::string dir_;
  std::string database_;
  std::string backup_;
};

TEST_F(SqliteBackupTest, BackupOfAStoreInUseHoldsItsCommittedRows) {
  std::unique_ptr<SqliteStore> open_store = StoreWith(database_, {"KGZ", "TUR", "KAZ"});

  Status backed_up = BackupSqliteDatabase(database_, backup_, {});

  ASSERT_TRUE(backed_up.has_value()) << backed_up.error().ToString();
  EXPECT_TRUE(CheckOrdoDatabaseFile(backup_).has_value());
  EXPECT_EQ(CountryCount(backup_), 3u);
  EXPECT_FALSE(std::filesystem::exists(backup_ + ".ordo-partial"));
}

TEST_F(SqliteBackupTest, BackupDoesNotReplaceAFileUnlessAskedTo) {
  StoreWith(database_, {"KGZ"});
  std::ofstream(backup_) << "precious";

  Status refused = BackupSqliteDatabase(database_, backup_, {});
  Status forced = BackupSqliteDatabase(database_, backup_, {.overwrite = true});

  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_TRUE(forced.has_value());
  EXPECT_EQ(CountryCount(backup_), 1u);
}

TEST_F(SqliteBackupTest, BackupOfAMissingDatabaseIsNotFound) {
  Status backed_up = BackupSqliteDatabase(database_, backup_, {});

  ASSERT_FALSE(backed_up.has_value());
  EXPECT_EQ(backed_up.error().code(), ErrorCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(backup_));
}

TEST_F(SqliteBackupTest, RestoreReplacesTheDatabaseWithTheBackup) {
  StoreWith(database_, {"KGZ"});
  ASSERT_TRUE(BackupSqliteDatabase(database_, backup_, {}).has_value());
  StoreWith(database_, {"TUR", "KAZ"});

  Status restored = RestoreSqliteDatabase(backup_, database_);

  ASSERT_TRUE(restored.has_value()) << restored.error().ToString();
  EXPECT_EQ(CountryCount(database_), 1u);
  EXPECT_FALSE(std::filesystem::exists(database_ + ".ordo-restore"));
}

TEST_F(SqliteBackupTest, RestoreRefusesADatabaseThatAnotherConnectionHasOpen) {
  StoreWith(backup_, {"KGZ"});
  std::unique_ptr<SqliteStore> in_use = StoreWith(database_, {"TUR", "KAZ"});

  Status restored = RestoreSqliteDatabase(backup_, database_);

  ASSERT_FALSE(restored.has_value());
  EXPECT_EQ(restored.error().code(), ErrorCode::kUnavailable);
  EXPECT_THAT(restored.error().message(), HasSubstr("in use by another process"));
  in_use.reset();
  EXPECT_EQ(CountryCount(database_), 2u);
}

// The server's case: another process reads the database and opens it again now and then (a
// reload). Opening must not cost that process its lock on the file: POSIX drops all of a
// process's locks on a file when any descriptor of it is closed (sqlite.org/howtocorrupt.html,
// 2.2), and then restore could rename over a database in use.
TEST_F(SqliteBackupTest, RestoreRefusesADatabaseThatAnotherProcessReadsAndReopens) {
  StoreWith(backup_, {"KGZ"});
  StoreWith(database_, {"TUR", "KAZ"});
  int ready[2];
  ASSERT_EQ(pipe(ready), 0);
  const pid_t reader = fork();
  ASSERT_GE(reader, 0);
  if (reader == 0) {
    auto first = SqliteStore::Open(database_, SqliteOpenMode::kMustExist);
    bool read = first && (*first)->Counts().has_value();
    auto second = SqliteStore::Open(database_, SqliteOpenMode::kMustExist);
    read = read && second && (*first)->Counts().has_value();
    const char signal_byte = read ? 'y' : 'n';
    (void)!write(ready[1], &signal_byte, 1);
    pause();
    _exit(0);
  }
  char reader_state = 0;
  ASSERT_EQ(read(ready[0], &reader_state, 1), 1);
  ASSERT_EQ(reader_state, 'y');

  Status restored = RestoreSqliteDatabase(backup_, database_);

  kill(reader, SIGKILL);
  waitpid(reader, nullptr, 0);
  close(ready[0]);
  close(ready[1]);
  ASSERT_FALSE(restored.has_value());
  EXPECT_EQ(restored.error().code(), ErrorCode::kUnavailable);
  EXPECT_EQ(CountryCount(database_), 2u);
}

TEST_F(SqliteBackupTest, RestoreDoesNotReplaceAnotherApplicationsDatabase) {
  StoreWith(backup_, {"KGZ"});
  RawDatabase(database_).Execute("CREATE TABLE mail (body TEXT)");

  Status restored = RestoreSqliteDatabase(backup_, database_);

  ASSERT_FALSE(restored.has_value());
  EXPECT_EQ(restored.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(RawDatabase(database_).QueryText("SELECT count(*) FROM sqlite_schema"), "1");
}

TEST_F(SqliteBackupTest, CheckRefusesADatabaseWhoseSchemaVersionIsNotRecorded) {
  StoreWith(database_, {"KGZ"});
  RawDatabase(database_).Execute(
      "DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)");

  Status checked = CheckOrdoDatabaseFile(database_);

  ASSERT_FALSE(checked.has_value());
  EXPECT_THAT(checked.error().message(), HasSubstr("schema_migrations"));
}

}  // namespace
}  // namespace ordo::storage
