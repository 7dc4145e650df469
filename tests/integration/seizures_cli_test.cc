// `ordo seizures import`, `list` and `stats` end to end, on a real SQLite database.

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "ordo_runner.h"

namespace ordo::testing {
namespace {

constexpr char kGoodFile[] =
    "seizure_id,date,place,lat,lon,admin_region,country_iso3,drug,quantity,unit,conveyance,"
    "concealment,origin_iso3,departure_iso3,destination_iso3,transit_iso3,agency,case_id,"
    "synthetic,source\n"
    "S1,2024-03-17,Sary-Tash,39.73,73.25,Osh Region,KGZ,героин,2.5,kg,truck,spare tyre,AFG,TJK,"
    "RUS,KAZ,SBNON,C-17,false,https://example.org/s1\n"
    "S2,2024,Osh,,,,KGZ,hashish,500,g,,,,,,,,,true,\n"
    "S3,2023-11,,,,,KGZ,tramadol,1000,tablets,post,,,,,,,,true,\n";

class SeizuresCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string dir = MakeTempDir();
    db_ = dir + "/seizures.db";
    file_ = dir + "/seizures.csv";
    std::ofstream(file_) << kGoodFile;
    ASSERT_NO_FATAL_FAILURE(InitDatabase(db_));
  }

  std::string db_;
  std::string file_;
};

TEST_F(SeizuresCliTest, ImportedSeizuresAreListedInImportOrder) {
  RunResult imported =
      RunOrdo({"--db", db_, "seizures", "import", file_, "--tablet-mass-mg", "250"});
  RunResult listed = RunOrdo({"--db", db_, "--format", "csv", "seizures", "list"});

  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(imported.out, "imported 3 seizure(s) from " + file_ + " (2 synthetic)\n");
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_EQ(listed.out,
            "seizure_id,date,country_iso3,place,drug,quantity,unit,quantity_kg,origin_iso3,"
            "destination_iso3,synthetic,source,conversion_note\n"
            "S1,2024-03-17,KGZ,Sary-Tash,heroin,2.5,kg,2.5,AFG,RUS,false,https://example.org/s1,\n"
            "S2,2024,KGZ,Osh,cannabis_resin,500,g,0.5,,,true,,\n"
            "S3,2023-11,KGZ,,tramadol,1000,tablets,0.25,,,true,,1 tablet = 0.25 g (import "
            "option)\n");
}

TEST_F(SeizuresCliTest, ListFiltersBySyntheticAndDrug) {
  ASSERT_EQ(
      RunOrdo({"--db", db_, "seizures", "import", file_, "--tablet-mass-mg", "250"}).exit_code, 0);

  RunResult real = RunOrdo({"--db", db_, "--format", "csv", "seizures", "list", "--synthetic",
                            "false", "--drug", "героин"});

  ASSERT_EQ(real.exit_code, 0) << real.err;
  EXPECT_NE(real.out.find("\nS1,"), std::string::npos);
  EXPECT_EQ(real.out.find("S2"), std::string::npos);
}

TEST_F(SeizuresCliTest, StatsKeepSyntheticOutOfRealTotals) {
  ASSERT_EQ(
      RunOrdo({"--db", db_, "seizures", "import", file_, "--tablet-mass-mg", "250"}).exit_code, 0);

  RunResult stats = RunOrdo({"--db", db_, "--format", "csv", "seizures", "stats"});

  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_EQ(stats.out,
            "drug,year,real_count,real_kg,synthetic_count,synthetic_kg\n"
            "heroin,2024,1,2.5,0,0\n"
            "cannabis_resin,2024,0,0,1,0.5\n"
            "tramadol,2023,0,0,1,0.25\n");
}

TEST_F(SeizuresCliTest, StatsTakeTheFiltersOfList) {
  ASSERT_EQ(
      RunOrdo({"--db", db_, "seizures", "import", file_, "--tablet-mass-mg", "250"}).exit_code, 0);

  RunResult stats = RunOrdo({"--db", db_, "--format", "csv", "seizures", "stats", "--from", "2024",
                             "--to", "2024", "--synthetic", "true"});
  RunResult bad = RunOrdo({"--db", db_, "seizures", "stats", "--drug", "chalk"});

  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_EQ(stats.out,
            "drug,year,real_count,real_kg,synthetic_count,synthetic_kg\n"
            "cannabis_resin,2024,0,0,1,0.5\n");
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("chalk"), std::string::npos) << bad.err;
}

TEST_F(SeizuresCliTest, ABadFileImportsNothingAndExits65) {
  RunResult imported = RunOrdo({"--db", db_, "seizures", "import", file_});
  RunResult count = RunOrdo({"--db", db_, "--format", "csv", "seizures", "list"});

  EXPECT_EQ(imported.exit_code, 65);
  EXPECT_NE(imported.err.find(":4:"), std::string::npos) << imported.err;
  EXPECT_EQ(count.out.find("S1"), std::string::npos);
}

}  // namespace
}  // namespace ordo::testing
