#include "analytics/cultivation_import.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "analytics/testing/seizure_store_fixture.h"
#include "storage/memory/memory_narcotics_record_store.h"

namespace ordo::analytics {
namespace {

constexpr char kCultivationHeader[] =
    "year,country_iso3,region,crop,kind,hectares,synthetic,source\n";

// The rows are made-up test fixtures, not real figures.
class CultivationImportTest : public testing::SeizureStoreTest {
 protected:
  std::string WriteFile(const std::string& name, const std::string& rows) {
    const std::string path = ::testing::TempDir() + "/cultivation_import_" + name + ".csv";
    std::ofstream(path, std::ios::binary) << kCultivationHeader << rows;
    return path;
  }

  Result<CultivationImportOutcome> Import(const std::string& path) {
    return ImportCultivationFile(registry_, records_, path, {});
  }

  storage::MemoryNarcoticsRecordStore records_{registry_};
};

TEST_F(CultivationImportTest, WritesEveryRowAndCountsTheSyntheticOnes) {
  const std::string path = WriteFile("good",
                                     "2021,KGZ,Region A,cannabis,eradicated,5,false,https://e.org\n"
                                     "2021,KGZ,Region A,cannabis,cultivated,7,true,\n");

  Result<CultivationImportOutcome> outcome = Import(path);

  ASSERT_TRUE(outcome.has_value()) << outcome.error().ToString();
  EXPECT_TRUE(outcome->problems.empty());
  EXPECT_EQ(outcome->rows_written, 2u);
  EXPECT_EQ(outcome->synthetic_rows, 1u);
  EXPECT_EQ(records_.CountCultivation({}).value(), 2u);
}

TEST_F(CultivationImportTest, AKeyAlreadyStoredIsAProblemAtItsLineAndNothingIsWritten) {
  ASSERT_TRUE(Import(WriteFile("first", "2021,KGZ,,cannabis,eradicated,5,true,\n")).has_value());
  const std::string path = WriteFile("second",
                                     "2022,KGZ,,cannabis,eradicated,6,true,\n"
                                     "2021,KGZ,,cannabis,eradicated,5,true,\n");

  Result<CultivationImportOutcome> outcome = Import(path);

  ASSERT_TRUE(outcome.has_value()) << outcome.error().ToString();
  ASSERT_EQ(outcome->problems.size(), 1u);
  EXPECT_EQ(outcome->problems[0].ToString(),
            path +
                ":3:1: year: the same year, country, region, crop, kind and source is already in "
                "the database");
  EXPECT_EQ(records_.CountCultivation({}).value(), 1u);
}

TEST_F(CultivationImportTest, ABadRowWritesNothing) {
  const std::string path = WriteFile("bad",
                                     "2021,KGZ,,cannabis,eradicated,5,true,\n"
                                     "2021,KGZ,,hops,eradicated,5,true,\n");

  Result<CultivationImportOutcome> outcome = Import(path);

  ASSERT_TRUE(outcome.has_value()) << outcome.error().ToString();
  EXPECT_EQ(outcome->problems.size(), 1u);
  EXPECT_EQ(records_.CountCultivation({}).value(), 0u);
}

}  // namespace
}  // namespace ordo::analytics
