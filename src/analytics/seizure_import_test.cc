#include "analytics/seizure_import.h"

#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "analytics/testing/seizure_store_fixture.h"

namespace ordo::analytics {
namespace {

constexpr char kHeader[] = "seizure_id,date,country_iso3,drug,quantity,unit,synthetic,source\n";

class SeizureImportTest : public testing::SeizureStoreTest {
 protected:
  std::string WriteFile(const std::string& name, const std::string& rows) {
    const std::string path = ::testing::TempDir() + "/seizure_import_" + name + ".csv";
    std::ofstream(path, std::ios::binary) << kHeader << rows;
    return path;
  }

  Result<SeizureImportOutcome> Import(const std::string& path) {
    return ImportSeizureFile(registry_, seizures_, path, {});
  }

};

TEST_F(SeizureImportTest, WritesEveryRowAndCountsTheSyntheticOnes) {
  const std::string path = WriteFile("good",
                                     "A,2024,KGZ,heroin,1,kg,false,https://e.org\n"
                                     "B,2024,KGZ,opium,2,kg,true,\n");

  Result<SeizureImportOutcome> outcome = Import(path);

  ASSERT_TRUE(outcome.has_value()) << outcome.error().ToString();
  EXPECT_TRUE(outcome->problems.empty());
  EXPECT_EQ(outcome->rows_written, 2u);
  EXPECT_EQ(outcome->synthetic_rows, 1u);
  EXPECT_EQ(seizures_.CountSeizures({}).value(), 2u);
}

TEST_F(SeizureImportTest, AnIdAlreadyStoredIsAProblemAtItsLineAndNothingIsWritten) {
  ASSERT_TRUE(Import(WriteFile("first", "A,2024,KGZ,heroin,1,kg,true,\n")).has_value());
  const std::string path = WriteFile("second",
                                     "C,2024,KGZ,heroin,1,kg,true,\n"
                                     "A,2024,KGZ,heroin,1,kg,true,\n");

  Result<SeizureImportOutcome> outcome = Import(path);

  ASSERT_TRUE(outcome.has_value());
  ASSERT_EQ(outcome->problems.size(), 1u);
  EXPECT_EQ(outcome->problems[0].ToString(),
            path + ":3:1: seizure_id: 'A' is already in the database");
  EXPECT_EQ(seizures_.CountSeizures({}).value(), 1u);
}

TEST_F(SeizureImportTest, AMissingFileIsOneProblem) {
  Result<SeizureImportOutcome> outcome = Import(::testing::TempDir() + "/no_such_file.csv");

  ASSERT_TRUE(outcome.has_value());
  ASSERT_EQ(outcome->problems.size(), 1u);
  EXPECT_EQ(outcome->problems[0].line, 0);
}

TEST_F(SeizureImportTest, ADatabaseWithoutCountriesIsAFailedPrecondition) {
  storage::MemoryStore empty;
  storage::MemorySeizureStore seizures(empty);

  Result<SeizureImportOutcome> outcome =
      ImportSeizureFile(empty, seizures, WriteFile("any", ""), {});

  ASSERT_FALSE(outcome.has_value());
  EXPECT_EQ(outcome.error().code(), ErrorCode::kFailedPrecondition);
}

}  // namespace
}  // namespace ordo::analytics
