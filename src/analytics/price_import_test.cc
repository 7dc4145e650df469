#include "analytics/price_import.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "analytics/testing/seizure_store_fixture.h"
#include "storage/memory/memory_narcotics_record_store.h"

namespace ordo::analytics {
namespace {

constexpr char kPriceHeader[] =
    "date,country_iso3,drug,level,price,per,currency,synthetic,source\n";

// The rows are made-up test fixtures, not real figures.
class PriceImportTest : public testing::SeizureStoreTest {
 protected:
  std::string WriteFile(const std::string& name, const std::string& rows) {
    const std::string path = ::testing::TempDir() + "/price_import_" + name + ".csv";
    std::ofstream(path, std::ios::binary) << kPriceHeader << rows;
    return path;
  }

  Result<PriceImportOutcome> Import(const std::string& path) {
    return ImportPriceFile(registry_, records_, path, {});
  }

  storage::MemoryNarcoticsRecordStore records_{registry_};
};

TEST_F(PriceImportTest, WritesEveryRowAndCountsTheSyntheticOnes) {
  const std::string path = WriteFile("good",
                                     "2023,KGZ,heroin,retail,3,g,USD,false,https://e.org\n"
                                     "2023,KGZ,heroin,retail,260,g,KGS,true,\n");

  Result<PriceImportOutcome> outcome = Import(path);

  ASSERT_TRUE(outcome.has_value()) << outcome.error().ToString();
  EXPECT_TRUE(outcome->problems.empty());
  EXPECT_EQ(outcome->rows_written, 2u);
  EXPECT_EQ(outcome->synthetic_rows, 1u);
  EXPECT_EQ(records_.CountPrices({}).value(), 2u);
}

TEST_F(PriceImportTest, AKeyAlreadyStoredIsAProblemAtItsLineAndNothingIsWritten) {
  ASSERT_TRUE(Import(WriteFile("first", "2023,KGZ,heroin,retail,3,g,USD,true,\n")).has_value());
  const std::string path = WriteFile("second",
                                     "2023-01,KGZ,heroin,retail,3,g,USD,true,\n"
                                     "2023,KGZ,heroin,retail,4,g,USD,true,\n");

  Result<PriceImportOutcome> outcome = Import(path);

  ASSERT_TRUE(outcome.has_value()) << outcome.error().ToString();
  ASSERT_EQ(outcome->problems.size(), 1u);
  EXPECT_EQ(outcome->problems[0].ToString(),
            path +
                ":3:1: date: the same date, country, place, drug, level, per, currency and source "
                "is already in the database");
  EXPECT_EQ(records_.CountPrices({}).value(), 1u);
}

TEST_F(PriceImportTest, WithoutReferenceDataTheImportFails) {
  storage::MemoryStore empty_registry;
  storage::MemoryNarcoticsRecordStore records(empty_registry);

  Result<PriceImportOutcome> outcome = ImportPriceFile(
      empty_registry, records, WriteFile("any", "2023,KGZ,heroin,retail,3,g,USD,true,\n"), {});

  ASSERT_FALSE(outcome.has_value());
  EXPECT_EQ(outcome.error().code(), ErrorCode::kFailedPrecondition);
}

}  // namespace
}  // namespace ordo::analytics
