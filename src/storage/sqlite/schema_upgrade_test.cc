// A database written by an older Ordo (schema version 1, built here from the embedded 0001 file)
// opens, is upgraded to the latest schema in place and keeps its rows.

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "storage/sqlite/internal/schema_migrations.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/sqlite/testing/raw_database.h"

namespace ordo::storage {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

using testing::RawDatabase;

class SchemaUpgradeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "ordo_upgrade_XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    path_ = dir_ + "/registry.db";
    WriteVersionOneDatabase();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // What Ordo with schema version 1 left behind: 0001_init.sql applied and recorded, and one
  // country with an alias.
  void WriteVersionOneDatabase() {
    const internal::SchemaMigration& first = internal::SchemaMigrations().front();
    ASSERT_EQ(first.version, 1);
    RawDatabase raw(path_);
    raw.Execute(std::string(first.sql));
    raw.Execute(
        "INSERT INTO schema_migrations (version, applied_at) VALUES (1, '2026-01-01T00:00:00Z')");
    raw.Execute(fmt::format("PRAGMA user_version = 1; PRAGMA application_id = {}",
                            internal::kOrdoApplicationId));
    raw.Execute(
        "INSERT INTO countries (iso3, iso2, numeric_code, name_en, official_name_en, "
        "common_name_en, name_ru, name_ky, name_ru_source, name_ky_source, region, subregion, "
        "intermediate_region, un_member) VALUES ('KGZ', 'KG', '417', 'Kyrgyzstan', "
        "'Kyrgyz Republic', '', 'Киргизия', 'Кыргызстан', 'catalog', 'catalog', 'Asia', "
        "'Central Asia', '', 1)");
    raw.Execute("INSERT INTO country_aliases (country_id, alias) VALUES (1, 'Kirghizia')");
  }

  std::unique_ptr<SqliteStore> OpenOrDie() {
    Result<std::unique_ptr<SqliteStore>> store =
        SqliteStore::Open(path_, SqliteOpenMode::kMustExist);
    EXPECT_TRUE(store.has_value()) << store.error().ToString();
    return store.has_value() ? std::move(store).value() : nullptr;
  }

  std::string dir_;
  std::string path_;
};

TEST_F(SchemaUpgradeTest, VersionOneDatabaseIsMigratedToTheLatestVersion) {
  std::unique_ptr<SqliteStore> store = OpenOrDie();
  ASSERT_NE(store, nullptr);

  Result<int> version = store->SchemaVersion();

  ASSERT_TRUE(version.has_value());
  EXPECT_EQ(*version, SqliteStore::LatestSchemaVersion());
  EXPECT_GE(*version, 2);
  Status check = store->IntegrityCheck();
  EXPECT_TRUE(check.has_value()) << check.error().ToString();
  store.reset();
  // Every version from 1 to the latest ran, once and in order.
  std::string expected;
  for (int v = 1; v <= SqliteStore::LatestSchemaVersion(); ++v) {
    expected += (v == 1 ? "" : ",") + std::to_string(v);
  }
  EXPECT_EQ(RawDatabase(path_).QueryText("SELECT group_concat(version) FROM schema_migrations"),
            expected);
}

TEST_F(SchemaUpgradeTest, RowsWrittenBeforeTheUpgradeAreKept) {
  std::unique_ptr<SqliteStore> store = OpenOrDie();
  ASSERT_NE(store, nullptr);

  Result<std::vector<Country>> countries = store->ListCountries();
  Result<std::vector<TradeBlocMember>> members = store->ListTradeBlocMembers();

  ASSERT_TRUE(countries.has_value());
  ASSERT_EQ(countries->size(), 1u);
  EXPECT_EQ(countries->front().name_ky, "Кыргызстан");
  EXPECT_THAT(countries->front().aliases, ElementsAre("Kirghizia"));
  EXPECT_THAT(countries->front().land_neighbours, IsEmpty());
  ASSERT_TRUE(members.has_value());
  EXPECT_THAT(*members, IsEmpty());
}

TEST_F(SchemaUpgradeTest, UpgradedDatabaseTakesNeighboursAndBlocMembers) {
  std::unique_ptr<SqliteStore> store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  RegistryBatch batch;
  Country china;
  china.iso3 = *CountryCode::Parse("CHN");
  china.land_neighbours = {*CountryCode::Parse("KGZ")};
  batch.countries = {china};
  TradeBlocMember member;
  member.bloc_id = "china";
  member.iso3 = china.iso3;
  batch.trade_bloc_members = {member};

  Status written = store->Write(batch);

  ASSERT_TRUE(written.has_value()) << written.error().ToString();
  Result<RegistryCounts> counts = store->Counts();
  ASSERT_TRUE(counts.has_value());
  EXPECT_EQ(counts->countries, 2u);
  EXPECT_EQ(counts->trade_bloc_members, 1u);
  EXPECT_EQ(store->ListCountries()->back().land_neighbours.front().str(), "KGZ");
}

// Version 6 moves transit countries from the seizure_transit child table into a column: a
// seizure written at version 5 keeps them, in route order.
TEST_F(SchemaUpgradeTest, TransitCountriesMoveIntoTheSeizureRowInRouteOrder) {
  {
    RawDatabase raw(path_);
    for (const internal::SchemaMigration& migration : internal::SchemaMigrations()) {
      if (migration.version < 2 || migration.version > 5) continue;
      raw.Execute(std::string(migration.sql));
      raw.Execute(
          fmt::format("INSERT INTO schema_migrations (version, applied_at) VALUES ({}, "
                      "'2026-01-01T00:00:00Z'); PRAGMA user_version = {}",
                      migration.version, migration.version));
    }
    raw.Execute(
        "INSERT INTO countries (iso3, iso2, numeric_code, name_en, official_name_en, "
        "common_name_en, name_ru, name_ky, name_ru_source, name_ky_source, region, subregion, "
        "intermediate_region, un_member) VALUES ('KAZ', 'KZ', '398', 'Kazakhstan', '', '', '', "
        "'', 'catalog', 'catalog', 'Asia', 'Central Asia', '', 1), ('TJK', 'TJ', '762', "
        "'Tajikistan', '', '', '', '', 'catalog', 'catalog', 'Asia', 'Central Asia', '', 1)");
    raw.Execute(
        "INSERT INTO seizures (id, seizure_id, date, first_day, last_day, place, admin_region, "
        "country, drug, quantity, unit, conversion_note, conveyance, concealment, agency, "
        "case_id, synthetic, source) VALUES (1, 'S1', '2024', 19723, 20088, '', '', 'KGZ', "
        "'heroin', 1, 'kg', '', '', '', '', '', 1, ''), (2, 'S2', '2024', 19723, 20088, '', '', "
        "'KGZ', 'heroin', 1, 'kg', '', '', '', '', '', 1, '')");
    raw.Execute(
        "INSERT INTO seizure_transit (seizure, position, iso3) VALUES (1, 1, 'KAZ'), "
        "(1, 0, 'TJK')");
  }
  std::unique_ptr<SqliteStore> store = OpenOrDie();
  ASSERT_NE(store, nullptr);

  Result<std::vector<Seizure>> seizures = store->ListSeizures({});

  ASSERT_TRUE(seizures.has_value()) << seizures.error().ToString();
  ASSERT_EQ(seizures->size(), 2u);
  ASSERT_EQ((*seizures)[0].transit.size(), 2u);
  EXPECT_EQ((*seizures)[0].transit[0].str(), "TJK");
  EXPECT_EQ((*seizures)[0].transit[1].str(), "KAZ");
  EXPECT_TRUE((*seizures)[1].transit.empty());
  EXPECT_EQ(RawDatabase(path_).QueryText(
                "SELECT count(*) FROM sqlite_schema WHERE name = 'seizure_transit'"),
            "0");
}

// Case data written before version 11 had no compartment or marking: it comes back in the default
// compartment, unmarked, and takes the compartment rules from then on.
TEST_F(SchemaUpgradeTest, CaseDataOfVersionTenIsInTheDefaultCompartmentAndUnmarked) {
  {
    RawDatabase raw(path_);
    for (const internal::SchemaMigration& migration : internal::SchemaMigrations()) {
      if (migration.version < 2 || migration.version > 10) continue;
      raw.Execute(std::string(migration.sql));
      raw.Execute(
          fmt::format("INSERT INTO schema_migrations (version, applied_at) VALUES ({}, "
                      "'2026-01-01T00:00:00Z'); PRAGMA user_version = {}",
                      migration.version, migration.version));
    }
    raw.Execute(
        "INSERT INTO entities (id, entity_id, type, name, schema, case_id, source, synthetic) "
        "VALUES (1, 'p1', 'person', 'made up', 'Person', 'C-1', '', 1)");
    raw.Execute(
        "INSERT INTO seizures (id, seizure_id, date, first_day, last_day, place, admin_region, "
        "country, drug, quantity, unit, conversion_note, conveyance, concealment, agency, "
        "case_id, synthetic, source) VALUES (1, 'S1', '2024', 19723, 20088, '', '', 'KGZ', "
        "'heroin', 1, 'kg', '', '', '', '', 'C-1', 1, '')");
  }
  std::unique_ptr<SqliteStore> store = OpenOrDie();
  ASSERT_NE(store, nullptr);

  Result<std::optional<Entity>> entity = store->FindEntity("p1");
  Result<std::vector<Seizure>> seizures = store->ListSeizures({});
  Entity elsewhere;
  elsewhere.entity_id = "p2";
  elsewhere.case_id = "C-1";
  elsewhere.compartment = "osh";
  Status refused = store->AppendGraph({{elsewhere}, {}});

  ASSERT_TRUE(entity.has_value() && entity->has_value());
  EXPECT_EQ((*entity)->compartment, "general");
  EXPECT_EQ((*entity)->marking, Marking::kUnmarked);
  ASSERT_TRUE(seizures.has_value()) << seizures.error().ToString();
  ASSERT_EQ(seizures->size(), 1u);
  EXPECT_EQ((*seizures)[0].compartment, "general");
  EXPECT_EQ(store->FindCaseCompartment("C-1").value(), std::optional<std::string>("general"));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message(),
            "case 'C-1' is in compartment 'general'; entity 'p2' is in 'osh'");
}

}  // namespace
}  // namespace ordo::storage
