#include "storage/sqlite/sqlite_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>

#include "core/audit_record.h"
#include "core/entity.h"
#include "storage/sqlite/internal/schema_migrations.h"
#include "storage/sqlite/testing/raw_database.h"
#include "storage/testing/graph_job_writes.h"

namespace ordo::storage {
namespace {

using ::testing::HasSubstr;

using testing::RawDatabase;
using testing::WriteGraphJobs;

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "ordo_sqlite_XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    path_ = dir_ + "/registry.db";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<SqliteStore> OpenOrDie(SqliteOpenMode mode = SqliteOpenMode::kCreateIfMissing) {
    Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path_, mode);
    EXPECT_TRUE(store.has_value()) << store.error().ToString();
    return store.has_value() ? std::move(store).value() : nullptr;
  }

  void WriteFile(const std::string& text) { std::ofstream(path_) << text; }

  std::string dir_;
  std::string path_;
};

RegistryBatch KyrgyzstanAndTurkey() {
  RegistryBatch batch;
  for (const char* code : {"KGZ", "TUR"}) {
    Country country;
    country.iso3 = *CountryCode::Parse(code);
    batch.countries.push_back(country);
  }
  Relation relation;
  relation.iso3 = *CountryCode::Parse("TUR");
  relation.established = *PartialDate::Parse("1991-12");
  batch.relations.push_back(relation);
  return batch;
}

// The audit log is append-only in SQLite itself: UPDATE and DELETE are refused by triggers, so
// only someone who drops them first (what `ordo audit verify` is for) can change a record.


TEST_F(SqliteStoreTest, AuditLogRefusesUpdateAndDelete) {
  std::unique_ptr<SqliteStore> store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->AppendAudit({"2026-12-01T00:00:00.000Z", "aidai", "summary", "", "cli", "ok",
                                  ""})
                  .has_value());
  RawDatabase raw(path_);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  char* message = nullptr;
  EXPECT_NE(sqlite3_exec(db, "UPDATE audit_log SET actor = 'x'", nullptr, nullptr, &message),
            SQLITE_OK);
  EXPECT_THAT(message != nullptr ? std::string(message) : "", HasSubstr("append-only"));
  sqlite3_free(message);
  message = nullptr;
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM audit_log", nullptr, nullptr, &message), SQLITE_OK);
  EXPECT_THAT(message != nullptr ? std::string(message) : "", HasSubstr("append-only"));
  sqlite3_free(message);
  sqlite3_close(db);
  EXPECT_EQ(raw.QueryText("SELECT actor FROM audit_log WHERE seq = 1"), "aidai");
  EXPECT_EQ(store->CountAudit().value(), 1u);
}

TEST_F(SqliteStoreTest, ReopeningKeepsWrittenRows) {
  ASSERT_TRUE(OpenOrDie()->Write(KyrgyzstanAndTurkey()).has_value());

  std::unique_ptr<SqliteStore> reopened = OpenOrDie(SqliteOpenMode::kMustExist);
  Result<std::vector<Relation>> relations = reopened->ListRelations();

  ASSERT_TRUE(relations.has_value());
  ASSERT_EQ(relations->size(), 1u);
  EXPECT_EQ(relations->front().established->ToString(), "1991-12");
}

TEST_F(SqliteStoreTest, FailedWriteLeavesNothingBehindAfterReopen) {
  RegistryBatch batch = KyrgyzstanAndTurkey();
  batch.relations.push_back(batch.relations.front());
  ASSERT_FALSE(OpenOrDie()->Write(batch).has_value());

  Result<RegistryCounts> counts = OpenOrDie()->Counts();

  ASSERT_TRUE(counts.has_value());
  EXPECT_EQ(*counts, RegistryCounts{});
}

TEST_F(SqliteStoreTest, SecondStoreOnTheSameFileSeesCommittedRows) {
  std::unique_ptr<SqliteStore> writer = OpenOrDie();
  std::unique_ptr<SqliteStore> reader = OpenOrDie();

  ASSERT_TRUE(writer->Write(KyrgyzstanAndTurkey()).has_value());

  EXPECT_EQ(reader->Counts()->countries, 2u);
}

TEST_F(SqliteStoreTest, MustExistOnMissingFileIsNotFoundNamingThePath) {
  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path_, SqliteOpenMode::kMustExist);

  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(store.error().message(), "database file not found: " + path_);
  EXPECT_FALSE(std::filesystem::exists(path_));
}

TEST_F(SqliteStoreTest, TextFileIsNotAnOrdoDatabase) {
  WriteFile("iso3,name\nKGZ,Kyrgyzstan\n");

  Result<std::unique_ptr<SqliteStore>> store =
      SqliteStore::Open(path_, SqliteOpenMode::kCreateIfMissing);

  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_THAT(store.error().message(), HasSubstr(path_ + " is not an Ordo database"));
}

TEST_F(SqliteStoreTest, OtherApplicationsDatabaseIsRefusedAndLeftAlone) {
  RawDatabase(path_).Execute("CREATE TABLE songs (title TEXT)");

  Result<std::unique_ptr<SqliteStore>> store =
      SqliteStore::Open(path_, SqliteOpenMode::kCreateIfMissing);

  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_THAT(store.error().message(), HasSubstr("is not an Ordo database"));
  EXPECT_EQ(RawDatabase(path_).QueryText("PRAGMA journal_mode"), "delete");
}

TEST_F(SqliteStoreTest, EmptyFileThatMustExistIsNotInitialised) {
  WriteFile("");

  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path_, SqliteOpenMode::kMustExist);

  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_THAT(store.error().message(), HasSubstr("empty"));
}

TEST_F(SqliteStoreTest, DirectoryIsNotAnOrdoDatabase) {
  Result<std::unique_ptr<SqliteStore>> store =
      SqliteStore::Open(dir_, SqliteOpenMode::kCreateIfMissing);

  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code(), ErrorCode::kFailedPrecondition);
}

TEST_F(SqliteStoreTest, UnreadableFileIsUnavailableWithTheOsReason) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads every file";
  OpenOrDie().reset();
  ASSERT_EQ(chmod(path_.c_str(), 0), 0);

  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path_, SqliteOpenMode::kMustExist);

  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code(), ErrorCode::kUnavailable);
  EXPECT_THAT(store.error().message(), HasSubstr("Permission denied"));
}

TEST_F(SqliteStoreTest, JournalModeIsWal) {
  std::unique_ptr<SqliteStore> store = OpenOrDie();

  EXPECT_EQ(RawDatabase(path_).QueryText("PRAGMA journal_mode"), "wal");
}

TEST_F(SqliteStoreTest, ForeignKeysAreEnforced) {
  // SqliteStore does not pre-check references; only foreign_keys=ON makes this write fail.
  RegistryBatch batch;
  Relation relation;
  relation.iso3 = *CountryCode::Parse("XKX");
  batch.relations.push_back(relation);

  Status write = OpenOrDie()->Write(batch);

  ASSERT_FALSE(write.has_value());
  EXPECT_EQ(write.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(write.error().message(), "relation refers to unknown country XKX");
}

Seizure SeizureIn(const char* id, const char* country) {
  Seizure seizure;
  seizure.seizure_id = id;
  seizure.date = *PartialDate::Parse("2024-03-01");
  seizure.country = *CountryCode::Parse(country);
  seizure.quantity = 1;
  seizure.quantity_kg = 1;
  seizure.synthetic = true;
  return seizure;
}

constexpr char kSeizureIndexes[] =
    "SELECT group_concat(sql, '; ') FROM (SELECT sql FROM sqlite_schema WHERE type = 'index' AND "
    "tbl_name = 'seizures' AND sql IS NOT NULL ORDER BY name)";

std::vector<Seizure> ManySeizures(int count) {
  std::vector<Seizure> seizures;
  for (int i = 0; i < count; ++i) {
    seizures.push_back(SeizureIn(("S" + std::to_string(i)).c_str(), i % 3 == 0 ? "TUR" : "KGZ"));
  }
  return seizures;
}

// An append of at least 4,096 rows into a smaller table drops the secondary indexes on the way and
// builds them again after the last row (SqliteStore::AppendSeizuresFrom): they come back exactly as
// the migrations define them, and hold every row.
TEST_F(SqliteStoreTest, LargeAppendLeavesTheSameIndexesHoldingEveryRow) {
  std::unique_ptr<SqliteStore> store = OpenOrDie();
  ASSERT_TRUE(store->Write(KyrgyzstanAndTurkey()).has_value());
  const std::string before = RawDatabase(path_).QueryText(kSeizureIndexes);
  ASSERT_THAT(before, HasSubstr("seizures_by_day"));

  ASSERT_TRUE(store->AppendSeizures(ManySeizures(5000)).has_value());

  RawDatabase raw(path_);
  EXPECT_EQ(raw.QueryText(kSeizureIndexes), before);
  EXPECT_EQ(raw.QueryText("SELECT count(*) FROM seizures INDEXED BY seizures_by_country "
                          "WHERE country = 'TUR'"),
            "1667");
  EXPECT_TRUE(store->IntegrityCheck().has_value());
}

// A small append leaves the schema alone, so that a file with no rows changes nothing at all.
TEST_F(SqliteStoreTest, SmallAppendLeavesTheSchemaUntouched) {
  std::unique_ptr<SqliteStore> store = OpenOrDie();
  ASSERT_TRUE(store->Write(KyrgyzstanAndTurkey()).has_value());
  const char* schema = "SELECT group_concat(name, ' ') FROM sqlite_schema";
  const std::string before = RawDatabase(path_).QueryText(schema);

  ASSERT_TRUE(store->AppendSeizures({SeizureIn("A", "KGZ")}).has_value());

  EXPECT_EQ(RawDatabase(path_).QueryText(schema), before);
}

TEST_F(SqliteStoreTest, FailedLargeAppendKeepsTheIndexesAndNoRow) {
  std::unique_ptr<SqliteStore> store = OpenOrDie();
  ASSERT_TRUE(store->Write(KyrgyzstanAndTurkey()).has_value());
  const std::string before = RawDatabase(path_).QueryText(kSeizureIndexes);
  std::vector<Seizure> seizures = ManySeizures(5000);
  seizures.push_back(SeizureIn("B", "ATL"));

  Status appended = store->AppendSeizures(seizures);

  ASSERT_FALSE(appended.has_value());
  EXPECT_EQ(appended.error().message(), "seizure 'B': unknown country 'ATL'");
  RawDatabase raw(path_);
  EXPECT_EQ(raw.QueryText(kSeizureIndexes), before);
  EXPECT_EQ(raw.QueryText("SELECT count(*) FROM seizures"), "0");
}

// Seizure appends check country codes themselves, with foreign keys off for that write only; the
// store's next write has SQLite enforce them again.
TEST_F(SqliteStoreTest, ForeignKeysAreEnforcedAgainAfterASeizureAppend) {
  std::unique_ptr<SqliteStore> store = OpenOrDie();
  ASSERT_TRUE(store->Write(KyrgyzstanAndTurkey()).has_value());
  ASSERT_TRUE(store->AppendSeizures({SeizureIn("A", "KGZ")}).has_value());
  ASSERT_FALSE(store->AppendSeizures({SeizureIn("B", "ATL")}).has_value());
  RegistryBatch batch;
  Relation relation;
  relation.iso3 = *CountryCode::Parse("XKX");
  batch.relations.push_back(relation);

  Status write = store->Write(batch);

  ASSERT_FALSE(write.has_value());
  EXPECT_EQ(write.error().message(), "relation refers to unknown country XKX");
}

TEST_F(SqliteStoreTest, SchemaVersionIsTheLatest) {
  Result<int> version = OpenOrDie()->SchemaVersion();

  ASSERT_TRUE(version.has_value());
  EXPECT_EQ(*version, SqliteStore::LatestSchemaVersion());
  EXPECT_GE(*version, 1);
}

TEST_F(SqliteStoreTest, SchemaMigrationsRecordsEachVersionOnce) {
  OpenOrDie().reset();
  OpenOrDie().reset();

  RawDatabase raw(path_);

  EXPECT_EQ(raw.QueryText("SELECT count(*) FROM schema_migrations"),
            std::to_string(SqliteStore::LatestSchemaVersion()));
  EXPECT_EQ(raw.QueryText("SELECT max(version) FROM schema_migrations"),
            std::to_string(SqliteStore::LatestSchemaVersion()));
  EXPECT_FALSE(raw.QueryText("SELECT applied_at FROM schema_migrations").empty());
}

TEST_F(SqliteStoreTest, EmbeddedMigrationsAreNumberedFromOneWithoutGaps) {
  int expected_version = 1;
  for (const internal::SchemaMigration& migration : internal::SchemaMigrations()) {
    EXPECT_EQ(migration.version, expected_version++);
    EXPECT_FALSE(migration.sql.empty());
  }
  EXPECT_EQ(internal::LatestSchemaVersion(), expected_version - 1);
}

TEST_F(SqliteStoreTest, IntegrityCheckPassesAfterWrites) {
  std::unique_ptr<SqliteStore> store = OpenOrDie();
  ASSERT_TRUE(store->Write(KyrgyzstanAndTurkey()).has_value());

  Status check = store->IntegrityCheck();

  EXPECT_TRUE(check.has_value()) << check.error().ToString();
}

TEST_F(SqliteStoreTest, IntegrityCheckReportsDanglingReferences) {
  std::unique_ptr<SqliteStore> store = OpenOrDie();
  RawDatabase(path_).Execute(
      "INSERT INTO relations (iso3, country_name_en, source_url, notes, "
      "table_cited_source_url, wikitext_copy_url) VALUES ('ATL', 'Atlantis', '', '', '', '')");

  Status check = store->IntegrityCheck();

  ASSERT_FALSE(check.has_value());
  EXPECT_EQ(check.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_THAT(check.error().message(), HasSubstr("relations"));
}

TEST_F(SqliteStoreTest, DatabaseFromAFutureSchemaIsRefused) {
  OpenOrDie().reset();
  const int future_version = SqliteStore::LatestSchemaVersion() + 1;
  RawDatabase(path_).Execute("PRAGMA user_version = " + std::to_string(future_version));

  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path_, SqliteOpenMode::kMustExist);

  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_THAT(store.error().message(), HasSubstr("newer"));
  EXPECT_THAT(store.error().message(), HasSubstr(std::to_string(future_version)));
}

TEST_F(SqliteStoreTest, ExtremeNumbersRoundTrip) {
  RegistryBatch batch = KyrgyzstanAndTurkey();
  TradeFlow flow;
  flow.partner = *CountryCode::Parse("TUR");
  flow.value_usd = std::numeric_limits<std::int64_t>::max();
  batch.trade_flows.push_back(flow);
  DrugFact fact;
  fact.quantity = 0.1 + 0.2;
  batch.drug_facts.push_back(fact);
  std::unique_ptr<SqliteStore> store = OpenOrDie();
  ASSERT_TRUE(store->Write(batch).has_value());

  Result<std::vector<TradeFlow>> flows = store->ListTradeFlows();
  Result<std::vector<DrugFact>> facts = store->ListDrugFacts();

  ASSERT_TRUE(flows.has_value() && facts.has_value());
  EXPECT_EQ(flows->front().value_usd, std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(facts->front().quantity, 0.1 + 0.2);
}

TEST_F(SqliteStoreTest, DataVersionMovesWithDataWritesButNotWithAuditOrAccounts) {
  std::unique_ptr<SqliteStore> store = OpenOrDie();
  std::int64_t last = 0;
  auto moved = [&]() {
    Result<std::int64_t> version = store->DataVersion();
    EXPECT_TRUE(version.has_value()) << version.error().ToString();
    if (!version.has_value()) return false;
    const bool changed = *version != last;
    last = *version;
    return changed;
  };
  moved();
  ASSERT_TRUE(store->Write(KyrgyzstanAndTurkey()).has_value());
  EXPECT_TRUE(moved()) << "registry write";
  GraphBatch graph;
  for (const char* id : {"P-1", "P-2"}) {
    Entity entity;
    entity.entity_id = id;
    entity.name = id;
    graph.entities.push_back(entity);
  }
  ASSERT_TRUE(store->AppendGraph(graph).has_value());
  EXPECT_TRUE(moved()) << "graph append";
  EntityMerge merge;
  merge.kept = "P-1";
  merge.merged = {"P-2"};
  merge.merged_by = "tester";
  merge.merged_at = "2026-12-01T19:00:00Z";
  Result<std::int64_t> merge_id = store->RecordMerge(merge);
  ASSERT_TRUE(merge_id.has_value()) << merge_id.error().ToString();
  EXPECT_TRUE(moved()) << "merge";
  ASSERT_TRUE(store->UndoMerge(*merge_id, "tester", "2026-12-01T19:01:00Z").has_value());
  EXPECT_TRUE(moved()) << "undo";
  WriteGraphJobs(*store, "0b0b");
  EXPECT_FALSE(moved()) << "graph jobs";

  AuditEntry entry;
  entry.at = "2026-12-01T19:02:00Z";
  entry.actor = "tester";
  entry.action = "relations";
  entry.outcome = "ok";
  ASSERT_TRUE(store->AppendAudit(entry).has_value());
  StoredAccount account;
  account.account.name = "viewer1";
  account.account.created_at = "2026-12-01T19:03:00Z";
  ASSERT_TRUE(store->AddAccount(account).has_value());
  EXPECT_FALSE(moved()) << "audit and accounts";
  // Nor do sessions and the failure count: a session refresh on every request must not make the
  // server reload.
  StoredSession session;
  session.token_hash = std::string(64, 'a');
  session.account = "viewer1";
  session.created_at = "2026-12-01T18:04:00.000Z";
  session.last_seen_at = session.created_at;
  session.expires_at = "2026-12-02T06:04:00.000Z";
  ASSERT_TRUE(store->AddSession(session).has_value());
  ASSERT_TRUE(store->TouchSession(session.token_hash, "2026-12-01T18:05:00.000Z").has_value());
  ASSERT_TRUE(store->RecordLoginFailure("viewer1", "2026-12-01T18:05:00.000Z", 5, "x").has_value());
  ASSERT_TRUE(store->ClearLoginFailures("viewer1").has_value());
  ASSERT_TRUE(store->EndSession(session.token_hash).has_value());
  EXPECT_FALSE(moved()) << "sessions and failure counts";
  WriteGraphJobs(*store, "0a0a");
  EXPECT_FALSE(moved()) << "graph jobs";
  // A failed write moves nothing: its transaction, the bump included, is rolled back.
  ASSERT_FALSE(store->AppendGraph(graph).has_value());
  EXPECT_FALSE(moved()) << "a refused append";
}

TEST_F(SqliteStoreTest, LinkDataVersionMovesWithEntitiesLinksAndMergesOnly) {
  std::unique_ptr<SqliteStore> store = OpenOrDie();
  std::int64_t last = 0;
  auto moved = [&]() {
    Result<std::int64_t> version = store->LinkDataVersion();
    EXPECT_TRUE(version.has_value()) << version.error().ToString();
    if (!version.has_value()) return false;
    const bool changed = *version != last;
    last = *version;
    return changed;
  };
  moved();
  ASSERT_TRUE(store->Write(KyrgyzstanAndTurkey()).has_value());
  ASSERT_TRUE(store->AppendSeizures({SeizureIn("A", "KGZ")}).has_value());
  EXPECT_FALSE(moved()) << "registry and seizures";
  GraphBatch graph;
  for (const char* id : {"P-1", "P-2"}) {
    Entity entity;
    entity.entity_id = id;
    entity.name = id;
    graph.entities.push_back(entity);
  }
  const std::int64_t data_before = store->DataVersion().value();
  ASSERT_TRUE(store->AppendGraph(graph).has_value());
  EXPECT_TRUE(moved()) << "graph append";
  EXPECT_NE(store->DataVersion().value(), data_before) << "the data version moves too";
  EntityMerge merge;
  merge.kept = "P-1";
  merge.merged = {"P-2"};
  merge.merged_by = "tester";
  merge.merged_at = "2026-12-01T19:00:00Z";
  Result<std::int64_t> merge_id = store->RecordMerge(merge);
  ASSERT_TRUE(merge_id.has_value()) << merge_id.error().ToString();
  EXPECT_TRUE(moved()) << "merge";
  ASSERT_TRUE(store->UndoMerge(*merge_id, "tester", "2026-12-01T19:01:00Z").has_value());
  EXPECT_TRUE(moved()) << "undo";
  WriteGraphJobs(*store, "0c0c");
  EXPECT_FALSE(moved()) << "graph jobs";
  ASSERT_FALSE(store->AppendGraph(graph).has_value());
  EXPECT_FALSE(moved()) << "a refused append";
}

}  // namespace
}  // namespace ordo::storage
