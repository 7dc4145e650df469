#include "analytics/seizure_import.h"

#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "analytics/testing/seizure_store_fixture.h"

namespace ordo::analytics {
namespace {

constexpr char kSeizureHeader[] =
    "seizure_id,date,country_iso3,drug,quantity,unit,synthetic,source\n";

class SeizureImportTest : public testing::SeizureStoreTest {
 protected:
  std::string WriteFile(const std::string& name, const std::string& rows) {
    const std::string path = ::testing::TempDir() + "/seizure_import_" + name + ".csv";
    std::ofstream(path, std::ios::binary) << kSeizureHeader << rows;
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

TEST_F(SeizureImportTest, RowsJoinTheCompartmentAndACaseHeldElsewhereIsAProblemAtItsLine) {
  const std::string header = "seizure_id,date,country_iso3,drug,quantity,unit,synthetic,source,case_id\n";
  const std::string first = ::testing::TempDir() + "/seizure_import_compartment_first.csv";
  std::ofstream(first, std::ios::binary) << header << "A,2024,KGZ,heroin,1,kg,true,,K-1\n";
  const std::string second = ::testing::TempDir() + "/seizure_import_compartment_second.csv";
  std::ofstream(second, std::ios::binary) << header << "B,2024,KGZ,heroin,1,kg,true,,K-2\n"
                                          << "C,2024,KGZ,heroin,1,kg,true,,K-1\n";
  ImportLabels osh;
  osh.compartment = "osh";
  osh.marking = Marking::kOfficialUse;
  ImportLabels chuy;
  chuy.compartment = "chuy";

  Result<SeizureImportOutcome> written = ImportSeizureFile(registry_, seizures_, first, {}, osh);
  Result<SeizureImportOutcome> refused = ImportSeizureFile(registry_, seizures_, second, {}, chuy);
  Result<SeizureImportOutcome> bad_name =
      ImportSeizureFile(registry_, seizures_, second, {}, ImportLabels{"", Marking::kSecret, {}});

  ASSERT_TRUE(written && refused);
  EXPECT_TRUE(written->problems.empty());
  const std::vector<Seizure> stored = seizures_.ListSeizures({}).value();
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].compartment, "osh");
  EXPECT_EQ(stored[0].marking, Marking::kOfficialUse);
  ASSERT_EQ(refused->problems.size(), 1u);
  EXPECT_EQ(refused->problems[0].ToString(),
            second + ":3:1: case_id: case 'K-1' is in compartment 'osh'; this import writes to "
                     "'chuy' (--compartment)");
  ASSERT_FALSE(bad_name);
  EXPECT_EQ(bad_name.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(seizures_.CountSeizures({}).value(), 1u);
}

}  // namespace
}  // namespace ordo::analytics
