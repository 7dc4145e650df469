// PostgresStore beyond the conformance suites: opening (bad URIs, unreachable servers, other
// applications' tables, kMustExist), migrations run once, URIs without passwords in messages, and
// a large COPY append that fails on a repeated id at its end and leaves nothing behind, and the
// data version that `ordo serve` polls.

#include "storage/postgres/postgres_store.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "core/audit_record.h"
#include "core/sha256.h"
#include "core/entity.h"
#include "core/country.h"
#include "core/seizure.h"
#include "storage/postgres/internal/pg_handle.h"
#include "storage/postgres/testing/test_cluster.h"
#include "storage/testing/graph_job_writes.h"

namespace ordo::storage {
namespace {

using testing::WriteGraphJobs;

Seizure SampleSeizure(const std::string& seizure_id) {
  Seizure seizure;
  seizure.seizure_id = seizure_id;
  seizure.date = PartialDate::Parse("2024-03-17").value();
  seizure.place = "Sary-Tash";
  seizure.lat = 39.7297;
  seizure.lon = 73.2497;
  seizure.country = CountryCode::Parse("KGZ").value();
  seizure.drug = Drug::kHeroin;
  seizure.quantity = 1.5;
  seizure.unit = QuantityUnit::kKilogram;
  seizure.transit = {CountryCode::Parse("TJK").value()};
  seizure.route = {"Khorog", "Osh"};
  seizure.case_id = "C-17";
  seizure.synthetic = true;
  seizure.source = "synthetic test row";
  return seizure;
}

std::string FreshSchemaUri() {
  Result<std::string> uri = testing::NewTestSchemaUri();
  EXPECT_TRUE(uri.has_value()) << uri.error().ToString();
  return uri.has_value() ? *uri : std::string();
}



TEST(PostgresStoreTest, RedactsPasswords) {
  EXPECT_EQ(RedactPostgresUri("postgresql://ordo:secret@db.example/ordo"),
            "postgresql://ordo:***@db.example/ordo");
  EXPECT_EQ(RedactPostgresUri("postgresql:///ordo?user=a&password=secret&sslmode=require"),
            "postgresql:///ordo?user=a&password=***&sslmode=require");
  EXPECT_EQ(RedactPostgresUri("postgresql://ordo@host:5433/ordo"),
            "postgresql://ordo@host:5433/ordo");
  EXPECT_TRUE(IsPostgresUri("postgres://x"));
  EXPECT_FALSE(IsPostgresUri("/var/lib/ordo/ordo.db"));
}

TEST(PostgresStoreTest, RefusesWhatIsNotAPostgresUri) {
  auto store = PostgresStore::Open("/tmp/ordo.db", PostgresOpenMode::kCreateIfMissing);
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code(), ErrorCode::kInvalidArgument);
}

TEST(PostgresStoreTest, UnreachableServerIsUnavailableWithoutThePassword) {
  auto store = PostgresStore::Open(
      "postgresql://ordo:hunter2@/ordo?host=/nonexistent-ordo-socket-dir&connect_timeout=2",
      PostgresOpenMode::kMustExist);
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code(), ErrorCode::kUnavailable) << store.error().ToString();
  EXPECT_EQ(store.error().message().find("hunter2"), std::string::npos)
      << store.error().message();
}

TEST(PostgresStoreTest, MustExistRefusesAnEmptyDatabaseAndCreateMigratesOnce) {
  const std::string uri = FreshSchemaUri();
  auto missing = PostgresStore::Open(uri, PostgresOpenMode::kMustExist);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(missing.error().message().find("ordo migrate"), std::string::npos);

  auto created = PostgresStore::Open(uri, PostgresOpenMode::kCreateIfMissing);
  ASSERT_TRUE(created.has_value()) << created.error().ToString();
  auto reopened = PostgresStore::Open(uri, PostgresOpenMode::kMustExist);
  ASSERT_TRUE(reopened.has_value()) << reopened.error().ToString();
  auto version = (*reopened)->SchemaVersion();
  ASSERT_TRUE(version.has_value());
  EXPECT_EQ(*version, PostgresStore::LatestSchemaVersion());
  auto counted = pg_internal::Connection::Open(uri);
  ASSERT_TRUE(counted.has_value());
  auto rows = (*counted)->QueryInt("SELECT count(*) FROM schema_migrations");
  ASSERT_TRUE(rows.has_value());
  EXPECT_EQ(*rows, PostgresStore::LatestSchemaVersion());
}

TEST(PostgresStoreTest, RefusesAnotherApplicationsTables) {
  const std::string uri = FreshSchemaUri();
  {
    auto connection = pg_internal::Connection::Open(uri);
    ASSERT_TRUE(connection.has_value());
    ASSERT_TRUE((*connection)->Execute("CREATE TABLE invoices (id int)").has_value());
  }
  auto store = PostgresStore::Open(uri, PostgresOpenMode::kCreateIfMissing);
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(store.error().message().find("not an Ordo database"), std::string::npos);
}

TEST(PostgresStoreTest, TheServerRefusesToEditOrDeleteAuditRecords) {
  const std::string uri = FreshSchemaUri();
  auto store = PostgresStore::Open(uri, PostgresOpenMode::kCreateIfMissing);
  ASSERT_TRUE(store.has_value()) << store.error().ToString();
  AuditEntry entry;
  entry.at = "2026-12-01T15:00:00Z";
  entry.actor = "tester";
  entry.action = "relations";
  entry.outcome = "ok";
  ASSERT_TRUE((*store)->AppendAudit(entry).has_value());
  auto connection = pg_internal::Connection::Open(uri);
  ASSERT_TRUE(connection.has_value());
  for (const char* tamper : {"UPDATE audit_log SET actor = 'someone else'",
                             "DELETE FROM audit_log", "TRUNCATE audit_log"}) {
    Status tampered = (*connection)->Execute(tamper);
    ASSERT_FALSE(tampered.has_value()) << tamper;
    EXPECT_NE(tampered.error().message().find("append-only"), std::string::npos)
        << tampered.error().message();
  }
  auto count = (*store)->CountAudit();
  ASSERT_TRUE(count.has_value());
  EXPECT_EQ(*count, 1u);
}

TEST(PostgresStoreTest, LargeAppendWithARepeatedIdAtTheEndWritesNothing) {
  auto store = PostgresStore::Open(FreshSchemaUri(), PostgresOpenMode::kCreateIfMissing);
  ASSERT_TRUE(store.has_value()) << store.error().ToString();
  RegistryBatch countries;
  for (const char* code : {"KGZ", "TJK", "AFG", "RUS", "KAZ"}) {
    Country country;
    country.iso3 = CountryCode::Parse(code).value();
    countries.countries.push_back(country);
  }
  ASSERT_TRUE((*store)->Write(countries).has_value());
  // Enough rows for several COPY buffers before the repeated id arrives.
  constexpr int kRows = 12000;
  Status appended = (*store)->AppendSeizuresFrom([](const SeizureAppend& append) -> Status {
    for (int row = 0; row < kRows; ++row) {
      ORDO_RETURN_IF_ERROR(append(
          SampleSeizure("S-" + std::to_string(row))));
    }
    return append(SampleSeizure("S-7"));
  });
  ASSERT_FALSE(appended.has_value());
  EXPECT_EQ(appended.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(appended.error().message(), "seizure 'S-7' already exists");
  auto count = (*store)->CountSeizures({});
  ASSERT_TRUE(count.has_value());
  EXPECT_EQ(*count, 0u);

  // The same rows without the repeat all land, and a walk reads them back in order while other
  // reads run between its rows.
  ASSERT_TRUE((*store)
                  ->AppendSeizuresFrom([](const SeizureAppend& append) -> Status {
                    for (int row = 0; row < kRows; ++row) {
                      ORDO_RETURN_IF_ERROR(append(SampleSeizure("S-" + std::to_string(row))));
                    }
                    return OkStatus();
                  })
                  .has_value());
  int seen = 0;
  Status walked = (*store)->ForEachSeizure({}, [&](const Seizure& seizure) -> Status {
    EXPECT_EQ(seizure.seizure_id, "S-" + std::to_string(seen));
    if (seen % 5000 == 0) {
      auto counted = (*store)->CountSeizures({});
      EXPECT_TRUE(counted.has_value());
    }
    ++seen;
    return OkStatus();
  });
  ASSERT_TRUE(walked.has_value()) << walked.error().ToString();
  EXPECT_EQ(seen, kRows);
}

// Triggers of schema 7: entities, links and merges move the link data version; the registry and
// seizures do not.
TEST(PostgresStoreTest, LinkDataVersionMovesWithEntitiesLinksAndMergesOnly) {
  const std::string uri = FreshSchemaUri();
  auto store = PostgresStore::Open(uri, PostgresOpenMode::kCreateIfMissing);
  ASSERT_TRUE(store.has_value()) << store.error().ToString();
  std::int64_t last = 0;
  auto moved = [&]() {
    auto version = (*store)->LinkDataVersion();
    EXPECT_TRUE(version.has_value()) << version.error().ToString();
    if (!version.has_value()) return false;
    const bool changed = *version != last;
    last = *version;
    return changed;
  };
  moved();
  RegistryBatch countries;
  for (const char* code : {"KGZ", "TJK"}) {
    Country country;
    country.iso3 = CountryCode::Parse(code).value();
    countries.countries.push_back(country);
  }
  const Status written = (*store)->Write(countries);
  ASSERT_TRUE(written.has_value()) << written.error().ToString();
  const Status seized = (*store)->AppendSeizures({SampleSeizure("S-1")});
  ASSERT_TRUE(seized.has_value()) << seized.error().ToString();
  EXPECT_FALSE(moved()) << "registry and seizures";
  GraphBatch graph;
  for (const char* id : {"P-1", "P-2"}) {
    Entity entity;
    entity.entity_id = id;
    entity.name = id;
    entity.synthetic = true;
    graph.entities.push_back(entity);
  }
  ASSERT_TRUE((*store)->AppendGraph(graph).has_value());
  EXPECT_TRUE(moved()) << "graph append";
  EntityMerge merge;
  merge.kept = "P-1";
  merge.merged = {"P-2"};
  merge.merged_by = "tester";
  merge.merged_at = "2026-12-01T18:00:00Z";
  auto merge_id = (*store)->RecordMerge(merge);
  ASSERT_TRUE(merge_id.has_value()) << merge_id.error().ToString();
  EXPECT_TRUE(moved()) << "merge";
  ASSERT_TRUE((*store)->UndoMerge(*merge_id, "tester", "2026-12-01T18:01:00Z").has_value());
  EXPECT_TRUE(moved()) << "undo of a merge (an UPDATE)";
  WriteGraphJobs(**store, "0b0b");
  EXPECT_FALSE(moved()) << "graph jobs";
}

TEST(PostgresStoreTest, DataVersionMovesWithEveryDataWriteAndOnlyThen) {
  const std::string uri = FreshSchemaUri();
  auto store = PostgresStore::Open(uri, PostgresOpenMode::kCreateIfMissing);
  ASSERT_TRUE(store.has_value()) << store.error().ToString();
  std::int64_t last = 0;
  // True when the version changed since the last call.
  auto moved = [&]() {
    auto version = (*store)->DataVersion();
    EXPECT_TRUE(version.has_value()) << version.error().ToString();
    if (!version.has_value()) return false;
    const bool changed = *version != last;
    last = *version;
    return changed;
  };
  moved();

  RegistryBatch countries;
  for (const char* code : {"KGZ", "TJK"}) {
    Country country;
    country.iso3 = CountryCode::Parse(code).value();
    countries.countries.push_back(country);
  }
  ASSERT_TRUE((*store)->Write(countries).has_value());
  EXPECT_TRUE(moved()) << "registry write";
  ASSERT_TRUE((*store)->AppendSeizures({SampleSeizure("S-1")}).has_value());
  EXPECT_TRUE(moved()) << "seizure append (COPY)";

  GraphBatch graph;
  for (const char* id : {"P-1", "P-2"}) {
    Entity entity;
    entity.entity_id = id;
    entity.name = id;
    entity.synthetic = true;
    graph.entities.push_back(entity);
  }
  ASSERT_TRUE((*store)->AppendGraph(graph).has_value());
  EXPECT_TRUE(moved()) << "graph append";
  EntityMerge merge;
  merge.kept = "P-1";
  merge.merged = {"P-2"};
  merge.merged_by = "tester";
  merge.merged_at = "2026-12-01T18:00:00Z";
  auto merge_id = (*store)->RecordMerge(merge);
  ASSERT_TRUE(merge_id.has_value()) << merge_id.error().ToString();
  EXPECT_TRUE(moved()) << "merge";
  ASSERT_TRUE((*store)->UndoMerge(*merge_id, "tester", "2026-12-01T18:01:00Z").has_value());
  EXPECT_TRUE(moved()) << "undo of a merge (an UPDATE)";
  WriteGraphJobs(**store, "0c0c");
  EXPECT_FALSE(moved()) << "graph jobs";

  // Reads, the audit log and accounts leave it alone: a server's own audit appends must not make
  // it reload.
  ASSERT_TRUE((*store)->ListRelations().has_value());
  AuditEntry entry;
  entry.at = "2026-12-01T18:02:00Z";
  entry.actor = "tester";
  entry.action = "relations";
  entry.outcome = "ok";
  ASSERT_TRUE((*store)->AppendAudit(entry).has_value());
  StoredAccount account;
  account.account.name = "analyst1";
  account.account.role = Role::kAnalyst;
  account.account.created_at = "2026-12-01T18:03:00Z";
  ASSERT_TRUE((*store)->AddAccount(account).has_value());
  EXPECT_FALSE(moved()) << "reads, audit and accounts";
  // Nor do sessions and the failure count: a session refresh on every request must not make the
  // server reload.
  StoredSession session;
  session.token_hash = std::string(64, 'a');
  session.account = "analyst1";
  session.created_at = "2026-12-01T18:04:00.000Z";
  session.last_seen_at = session.created_at;
  session.expires_at = "2026-12-02T06:04:00.000Z";
  ASSERT_TRUE((*store)->AddSession(session).has_value());
  ASSERT_TRUE((*store)->TouchSession(session.token_hash, "2026-12-01T18:05:00.000Z").has_value());
  ASSERT_TRUE((*store)->RecordLoginFailure("analyst1", "2026-12-01T18:05:00.000Z", 5, "x").has_value());
  ASSERT_TRUE((*store)->ClearLoginFailures("analyst1").has_value());
  ASSERT_TRUE((*store)->EndSession(session.token_hash).has_value());
  EXPECT_FALSE(moved()) << "sessions and failure counts";
  WriteGraphJobs(**store, "0a0a");
  EXPECT_FALSE(moved()) << "graph jobs";

  // A write by another client, outside Ordo's store, is seen too.
  auto other = pg_internal::Connection::Open(uri);
  ASSERT_TRUE(other.has_value());
  ASSERT_TRUE((*other)->Execute("DELETE FROM seizures").has_value());
  EXPECT_TRUE(moved()) << "a DELETE from psql";
}

// A sign-in's new session and a disable of its account at the same moment, from two servers: the
// session is never left behind. Here the disable holds its transaction open while the session is
// added; the insert waits for it, then finds the account disabled and stores nothing.
TEST(PostgresStoreTest, ASessionAddedDuringADisableIsNotLeftBehind) {
  const std::string uri = FreshSchemaUri();
  auto store = PostgresStore::Open(uri, PostgresOpenMode::kCreateIfMissing);
  ASSERT_TRUE(store.has_value()) << store.error().ToString();
  StoredAccount account;
  account.account.name = "analyst1";
  account.account.role = Role::kAnalyst;
  account.account.created_at = "2026-12-01T18:03:00Z";
  ASSERT_TRUE((*store)->AddAccount(account).has_value());

  auto other = pg_internal::Connection::Open(uri);
  ASSERT_TRUE(other.has_value());
  ASSERT_TRUE((*other)->Execute("BEGIN").has_value());
  ASSERT_TRUE(
      (*other)->Execute("UPDATE accounts SET disabled = 1 WHERE name = 'analyst1'").has_value());
  ASSERT_TRUE((*other)->Execute("DELETE FROM sessions WHERE account = 'analyst1'").has_value());

  StoredSession session;
  session.token_hash = Sha256Hex("cookie");
  session.account = "analyst1";
  session.created_at = "2026-12-01T18:04:00.000Z";
  session.last_seen_at = session.created_at;
  session.expires_at = "2026-12-02T06:04:00.000Z";
  Status added = OkStatus();
  std::thread sign_in([&] { added = (*store)->AddSession(session); });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the insert is waiting now
  ASSERT_TRUE((*other)->Execute("COMMIT").has_value());
  sign_in.join();

  ASSERT_FALSE(added.has_value());
  EXPECT_EQ(added.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(added.error().message(), "account 'analyst1' is disabled");
  EXPECT_FALSE((*store)->FindSession(session.token_hash).value().has_value());
}

}  // namespace
}  // namespace ordo::storage
