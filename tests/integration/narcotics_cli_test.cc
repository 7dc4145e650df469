// `ordo narcotics import`, `cultivation` and `prices` end to end, on a real SQLite database. Every
// row below is a made-up test fixture (synthetic=true), not a real figure.

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "ordo_runner.h"

namespace ordo::testing {
namespace {

constexpr char kCultivationFile[] =
    "year,country_iso3,region,crop,kind,hectares,synthetic,source,note\n"
    "2022,KGZ,Region A,cannabis,cultivated,120,true,test fixture (made up),\n"
    "2022,KGZ,Region A,cannabis,eradicated,30.5,true,test fixture (made up),made-up note\n"
    "2021,KGZ,Region A,cannabis,eradicated,10,true,test fixture (made up),\n"
    "2022,KGZ,Region A,cannabis,eradicated,31,true,another test fixture,\n"
    "2022,TJK,,opium_poppy,cultivated,7,true,test fixture (made up),\n";

constexpr char kPriceFile[] =
    "date,country_iso3,place,drug,level,price,per,currency,purity_percent,synthetic,source\n"
    "2023-05,KGZ,Town B,heroin,retail,40,g,USD,12.5,true,test fixture (made up)\n"
    "2023-04,KGZ,Town B,heroin,retail,3500,g,KGS,,true,test fixture (made up)\n"
    "2023,TJK,,opium,farm_gate,900,kg,USD,,true,test fixture (made up)\n"
    "2022-11,KGZ,Town B,heroin,retail,38,g,USD,,true,test fixture (made up)\n";

class NarcoticsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string dir = MakeTempDir();
    db_ = dir + "/narcotics.db";
    cultivation_ = dir + "/cultivation.csv";
    prices_ = dir + "/prices.csv";
    std::ofstream(cultivation_) << kCultivationFile;
    std::ofstream(prices_) << kPriceFile;
    ASSERT_NO_FATAL_FAILURE(InitDatabase(db_));
  }

  RunResult Csv(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db_, "--format", "csv", "narcotics"});
    return RunOrdo(args);
  }

  std::string db_;
  std::string cultivation_;
  std::string prices_;
};

TEST_F(NarcoticsCliTest, CultivationIsListedWithBothKindsSideBySideAndSourcesApart) {
  RunResult imported = RunOrdo({"--db", db_, "narcotics", "import", "cultivation", cultivation_});
  RunResult listed = Csv({"cultivation"});

  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(imported.out,
            "imported 5 cultivation record(s) from " + cultivation_ + " (5 synthetic)\n");
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_EQ(listed.out,
            "year,country_iso3,region,crop,cultivated_ha,eradicated_ha,synthetic,source,note\n"
            "2021,KGZ,Region A,cannabis,,10,true,test fixture (made up),\n"
            "2022,KGZ,Region A,cannabis,,31,true,another test fixture,\n"
            "2022,KGZ,Region A,cannabis,120,30.5,true,test fixture (made up),made-up note\n"
            "2022,TJK,,opium_poppy,7,,true,test fixture (made up),\n");
}

TEST_F(NarcoticsCliTest, CultivationFiltersCombine) {
  ASSERT_EQ(RunOrdo({"--db", db_, "narcotics", "import", "cultivation", cultivation_}).exit_code,
            0);

  RunResult listed = Csv(
      {"cultivation", "--country", "KGZ", "--crop", "cannabis", "--from", "2022", "--to", "2022"});

  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_EQ(listed.out,
            "year,country_iso3,region,crop,cultivated_ha,eradicated_ha,synthetic,source,note\n"
            "2022,KGZ,Region A,cannabis,,31,true,another test fixture,\n"
            "2022,KGZ,Region A,cannabis,120,30.5,true,test fixture (made up),made-up note\n");
}

TEST_F(NarcoticsCliTest, PricesStayInTheirCurrencyLevelAndUnit) {
  RunResult imported = RunOrdo({"--db", db_, "narcotics", "import", "prices", prices_});
  RunResult listed = Csv({"prices"});

  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(imported.out, "imported 4 price record(s) from " + prices_ + " (4 synthetic)\n");
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_EQ(listed.out,
            "drug,level,date,country_iso3,place,price,currency,per,purity_percent,synthetic,"
            "source\n"
            "heroin,retail,2023-04,KGZ,Town B,3500,KGS,g,,true,test fixture (made up)\n"
            "heroin,retail,2022-11,KGZ,Town B,38,USD,g,,true,test fixture (made up)\n"
            "heroin,retail,2023-05,KGZ,Town B,40,USD,g,12.5,true,test fixture (made up)\n"
            "opium,farm_gate,2023,TJK,,900,USD,kg,,true,test fixture (made up)\n");
}

TEST_F(NarcoticsCliTest, PriceFiltersTakeDrugSynonymsAndDates) {
  ASSERT_EQ(RunOrdo({"--db", db_, "narcotics", "import", "prices", prices_}).exit_code, 0);

  RunResult listed = Csv({"prices", "--drug", "героин", "--from", "2023", "--to", "2023"});

  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_NE(listed.out.find("\nheroin,retail,2023-04,"), std::string::npos);
  EXPECT_NE(listed.out.find("\nheroin,retail,2023-05,"), std::string::npos);
  EXPECT_EQ(listed.out.find("2022-11"), std::string::npos);
  EXPECT_EQ(listed.out.find("opium"), std::string::npos);
}

TEST_F(NarcoticsCliTest, JsonKeepsAMissingPurityAsNull) {
  ASSERT_EQ(RunOrdo({"--db", db_, "narcotics", "import", "prices", prices_}).exit_code, 0);

  RunResult listed =
      RunOrdo({"--db", db_, "--format", "json", "narcotics", "prices", "--drug", "opium"});

  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_NE(listed.out.find("\"purity_percent\": null"), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find("\"currency\": \"USD\""), std::string::npos) << listed.out;
}

TEST_F(NarcoticsCliTest, ImportingTheSameFileTwiceWritesNothingTheSecondTime) {
  ASSERT_EQ(RunOrdo({"--db", db_, "narcotics", "import", "prices", prices_}).exit_code, 0);

  RunResult again = RunOrdo({"--db", db_, "narcotics", "import", "prices", prices_});

  EXPECT_EQ(again.exit_code, 65);
  EXPECT_NE(again.err.find(prices_ + ":2:1: date: the same date, country, place, drug, level, "
                                     "per, currency and source is already in the database"),
            std::string::npos)
      << again.err;
  EXPECT_NE(again.err.find("nothing was imported"), std::string::npos);
  RunResult listed = Csv({"prices"});
  EXPECT_EQ(std::count(listed.out.begin(), listed.out.end(), '\n'), 5);
}

}  // namespace
}  // namespace ordo::testing
