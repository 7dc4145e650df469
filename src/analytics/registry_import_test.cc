#include "analytics/registry_import.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "analytics/testing/test_registry.h"

namespace ordo::analytics {
namespace {

class RegistryImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    storage::RegistryBatch batch;
    batch.countries = {testing::MakeCountry("TUR", "Türkiye"), testing::MakeCountry("KAZ", "Kazakhstan")};
    batch.relations = {testing::MakeRelation("TUR", "1992-01-29")};
    ASSERT_TRUE(store_.Write(batch).has_value());
  }

  std::string WriteFile(const std::string& text) {
    const std::string path = ::testing::TempDir() + "/import_" +
                             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".csv";
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  storage::MemoryStore store_;
};

constexpr char kRelationsHeader[] =
    "country_name_en,iso3,date_established,source_url,table_rank,notes,table_cited_source_url,"
    "wikitext_copy_url\n";

TEST_F(RegistryImportTest, GoodFileIsWrittenWhole) {
  const std::string path =
      WriteFile(std::string(kRelationsHeader) + "Kazakhstan,KAZ,1992-10-15,https://example.org,,,,\n");

  auto outcome = ImportRegistryFile(store_, ImportKind::kRelations, path);

  ASSERT_TRUE(outcome.has_value());
  EXPECT_TRUE(outcome->problems.empty());
  EXPECT_EQ(outcome->rows_written, 1u);
  EXPECT_EQ(store_.Counts()->relations, 2u);
}

TEST_F(RegistryImportTest, OneBadRowWritesNothingAndEveryProblemHasItsLine) {
  const std::string path = WriteFile(std::string(kRelationsHeader) +
                                     "Kazakhstan,KAZ,1992-10-15,https://example.org,,,,\n"
                                     "Atlantis,ATL,1992-02-30,https://example.org,,,,\n");

  auto outcome = ImportRegistryFile(store_, ImportKind::kRelations, path);

  ASSERT_TRUE(outcome.has_value());
  EXPECT_EQ(outcome->rows_written, 0u);
  ASSERT_EQ(outcome->problems.size(), 2u);
  EXPECT_EQ(outcome->problems[0].line, 3);
  EXPECT_EQ(outcome->problems[1].line, 3);
  EXPECT_EQ(store_.Counts()->relations, 1u);
}

TEST_F(RegistryImportTest, ARelationAlreadyStoredIsAProblem) {
  const std::string path =
      WriteFile(std::string(kRelationsHeader) + "Turkey,TUR,1991-12-23,https://example.org,,,,\n");

  auto outcome = ImportRegistryFile(store_, ImportKind::kRelations, path);

  ASSERT_TRUE(outcome.has_value());
  ASSERT_EQ(outcome->problems.size(), 1u);
  EXPECT_NE(outcome->problems[0].ToString().find(":2: a relation with TUR is already in the database"),
            std::string::npos);
  EXPECT_EQ(store_.Counts()->relations, 1u);
}

TEST_F(RegistryImportTest, UnknownKindIsInvalid) {
  EXPECT_EQ(ParseImportKind("seizures").error().code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace ordo::analytics
