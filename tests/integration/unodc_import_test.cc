// `ordo seizures import --format unodc` end to end on a real SQLite database, with the made-up
// fixture in unodc/ (see unodc/README.md: not real data), and the progress bar forced on with
// --progress for the import and for `ordo simulate`.

#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "ordo_runner.h"

namespace ordo::testing {
namespace {

constexpr char kFixture[] = ORDO_SOURCE_DIR "/tests/integration/unodc/made_up_ids_sample.csv";
constexpr char kSource[] = "made-up test fixture (tests/integration/unodc/README.md)";

// The text after the last '\r' or '\n' that is followed by more text: the final drawing of a bar.
std::string LastLine(const std::string& text) {
  std::string trimmed = text;
  while (!trimmed.empty() && trimmed.back() == '\n') trimmed.pop_back();
  const std::size_t at = trimmed.find_last_of("\r\n");
  return at == std::string::npos ? trimmed : trimmed.substr(at + 1);
}

class UnodcImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = MakeTempDir() + "/unodc.db";
    ASSERT_NO_FATAL_FAILURE(InitDatabase(db_));
  }

  RunResult Import(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--db",  db_,      "seizures", "import", "--format",
                                     "unodc", kFixture, "--source", kSource,  "--tablet-mass-mg",
                                     "100"};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunOrdo(args);
  }

  std::string db_;
};

TEST_F(UnodcImportTest, MapsCountriesDrugsAndUnitsIntoRealRecords) {
  RunResult imported = Import();
  RunResult listed = RunOrdo({"--db", db_, "--format", "csv", "seizures", "list"});

  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(imported.out,
            std::string("imported 4 seizure(s) from ") + kFixture + " (0 synthetic)\n");
  EXPECT_EQ(imported.err, "");  // stderr is not a terminal: no progress without --progress
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  const std::string source = std::string(",false,") + kSource + ",";
  EXPECT_NE(listed.out.find("unodc:made_up_ids_sample.csv:2,2023-05-14,KGZ,Osh,heroin,12.5,kg,"
                            "12.5,AFG,RUS" +
                            source + "\n"),
            std::string::npos)
      << listed.out;
  EXPECT_NE(listed.out.find("unodc:made_up_ids_sample.csv:3,2023-06,KAZ,,cannabis_resin,800,g,0.8,"
                            ",," +
                            source.substr(1) + "\n"),
            std::string::npos)
      << listed.out;
  EXPECT_NE(listed.out.find("unodc:made_up_ids_sample.csv:4,2023,TJK,,opium,2,l,2,AFG," + source +
                            "1 l = 1 kg (UNODC convention)\n"),
            std::string::npos)
      << listed.out;
  EXPECT_NE(listed.out.find("unodc:made_up_ids_sample.csv:5,2023-07-01,KGZ,Bishkek,methamphetamine,"
                            "500,tablets,0.05,,KAZ" +
                            source + "1 tablet = 0.1 g (import option)\n"),
            std::string::npos)
      << listed.out;
}

TEST_F(UnodcImportTest, ImportingTheSameFileTwiceIsRejectedAsAWhole) {
  ASSERT_EQ(Import().exit_code, 0);

  RunResult again = Import();

  EXPECT_EQ(again.exit_code, 65);
  EXPECT_NE(again.err.find(std::string(kFixture) +
                           ":2:1: seizure_id: 'unodc:made_up_ids_sample.csv:2' is already in the "
                           "database"),
            std::string::npos)
      << again.err;
  EXPECT_NE(again.err.find("4 problem(s)"), std::string::npos) << again.err;
}

TEST_F(UnodcImportTest, AUnodcFileNeedsItsSource) {
  RunResult imported = RunOrdo({"--db", db_, "seizures", "import", "--format", "unodc", kFixture});

  EXPECT_EQ(imported.exit_code, 64);
  EXPECT_NE(imported.err.find("--format unodc needs --source"), std::string::npos) << imported.err;
}

TEST_F(UnodcImportTest, ForcedProgressEndsWithTheWholeFileAndEveryRow) {
  RunResult imported = Import({"--progress"});

  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  ASSERT_FALSE(imported.err.empty());
  EXPECT_EQ(imported.err.back(), '\n');
  EXPECT_NE(imported.err.find('\r'), std::string::npos);
  const std::regex final_line(
      R"(seizures import: ([0-9]+) B of \1 B \(100%\), 4 rows, [0-9]+ rows/s *)");
  EXPECT_TRUE(std::regex_match(LastLine(imported.err), final_line)) << imported.err;
}

TEST_F(UnodcImportTest, QuietWinsOverProgress) {
  RunResult imported = Import({"--progress", "--quiet"});

  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(imported.err, "");
}

TEST(SimulateProgressTest, ForcedProgressEndsWithEveryRow) {
  const std::string out = MakeTempDir() + "/sim.csv";

  RunResult simulated = RunOrdo({"simulate", "--out", out, "--count", "2500", "--progress"});

  ASSERT_EQ(simulated.exit_code, 0) << simulated.err;
  ASSERT_FALSE(simulated.err.empty());
  EXPECT_EQ(simulated.err.back(), '\n');
  const std::regex final_line(R"(simulate: 2500 of 2500 \(100%\) rows, [0-9]+ rows/s *)");
  EXPECT_TRUE(std::regex_match(LastLine(simulated.err), final_line)) << simulated.err;
}

}  // namespace
}  // namespace ordo::testing
