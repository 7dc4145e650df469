#include "analytics/seizure_simulator.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/partial_date.h"

namespace ordo::analytics {
namespace {

std::vector<std::string> SplitFields(const std::string &line) {
  std::vector<std::string> fields;
  std::string field;
  for (char c : line) {
    if (c == ',') {
      fields.push_back(field);
      field.clear();
    } else {
      field += c;
    }
  }
  fields.push_back(field);
  return fields;
}

std::string Simulate(const SimulationOptions &options) {
  std::ostringstream csv;
  auto summary = SimulateSeizures(options, csv);
  EXPECT_TRUE(summary.has_value());
  return csv.str();
}

SimulationOptions Options(std::uint64_t count, std::uint64_t seed) {
  SimulationOptions options;
  options.count = count;
  options.seed = seed;
  return options;
}

TEST(SeizureSimulatorTest, SameSeedGivesIdenticalOutput) {
  EXPECT_EQ(Simulate(Options(2000, 7)), Simulate(Options(2000, 7)));
}

TEST(SeizureSimulatorTest, DifferentSeedGivesDifferentOutput) {
  EXPECT_NE(Simulate(Options(2000, 7)), Simulate(Options(2000, 8)));
}

// A golden: the documented algorithm must give these rows on every machine and
// in every version (a change here changes every generated file and must be
// announced).
TEST(SeizureSimulatorTest, SeedFortyTwoGivesTheDocumentedRows) {
  const std::string expected =
      "SIM-42-1,2022-07-21,Osh,40.51763,72.79182,,KGZ,cannabis_resin,1.192,kg,"
      "vehicle,,,TJK,KGZ,"
      "RUS,synthetic,,true,ordo simulate seed=42,"
      "Batken;Osh;Jalal-Abad;Kara-Balta;Bishkek;Manas International Airport\n"
      "SIM-42-2,2024-06-16,Khorog,37.51552,71.57754,,TJK,heroin,0.888,kg,"
      "vehicle,,AFG,TJK,KGZ;KAZ,"
      "RUS,synthetic,SIM-42-C1,true,ordo simulate seed=42,"
      "Khorog;Murghab;Sary-Tash;Osh;Bishkek;Almaty;Moscow\n"
      "SIM-42-3,2024-06-16,Khorog,37.52022,71.59047,,TJK,opium,4.024,kg,truck,,"
      "AFG,TJK,KGZ;KAZ,"
      "RUS,synthetic,SIM-42-C1,true,ordo simulate seed=42,"
      "Khorog;Murghab;Sary-Tash;Osh;Bishkek;Almaty;Moscow\n";

  const std::string csv = Simulate(Options(3, 42));

  EXPECT_EQ(csv.substr(csv.find('\n') + 1), expected);
}

TEST(SeizureSimulatorTest, EveryRowFollowsTheSeizureFormat) {
  std::istringstream csv(Simulate(Options(5000, 3)));
  std::string line;
  std::getline(csv, line);
  const std::vector<std::string> header = SplitFields(line);
  ASSERT_EQ(header.size(), 21U);
  const std::set<std::string> drugs = {"heroin",
                                       "opium",
                                       "morphine",
                                       "cannabis_herb",
                                       "cannabis_resin",
                                       "methamphetamine",
                                       "synthetic_cathinones",
                                       "precursors"};
  const std::set<std::string> conveyances = {"vehicle", "truck", "air", "foot"};
  std::set<std::string> ids;
  int rows = 0;
  while (std::getline(csv, line)) {
    const std::vector<std::string> fields = SplitFields(line);
    ASSERT_EQ(fields.size(), header.size()) << line;
    EXPECT_TRUE(ids.insert(fields[0]).second) << "duplicate id " << fields[0];
    auto date = PartialDate::Parse(fields[1]);
    ASSERT_TRUE(date.has_value()) << fields[1];
    EXPECT_EQ(date->precision(), DatePrecision::kDay);
    EXPECT_GE(fields[1], "2015-01-01");
    EXPECT_LE(fields[1], "2024-12-31");
    EXPECT_FALSE(fields[2].empty());
    const double lat = std::stod(fields[3]);
    const double lon = std::stod(fields[4]);
    EXPECT_TRUE(lat > 37 && lat < 56 && lon > 37 && lon < 78) << line;
    EXPECT_EQ(fields[6].size(), 3U);
    EXPECT_EQ(drugs.count(fields[7]), 1U) << fields[7];
    EXPECT_GT(std::stod(fields[8]), 0.0);
    EXPECT_EQ(fields[9], "kg");
    EXPECT_EQ(conveyances.count(fields[10]), 1U) << fields[10];
    EXPECT_EQ(fields[16], "synthetic");
    EXPECT_EQ(fields[18], "true");
    EXPECT_EQ(fields[19], "ordo simulate seed=3");
    ++rows;
  }
  EXPECT_EQ(rows, 5000);
}

TEST(SeizureSimulatorTest, ShiftMovesTheDocumentedShareToTheSecondCorridor) {
  SimulationOptions options = Options(100000, 11);
  options.from = "2018-01-01";
  options.to = "2021-12-31";
  options.shift_date = "2020-01-01";
  std::ostringstream csv;

  auto summary = SimulateSeizures(options, csv);

  ASSERT_TRUE(summary.has_value());
  const auto &corridors = SimulationCorridors();
  auto share = [](const std::vector<std::uint64_t> &counts, std::size_t index) {
    std::uint64_t total = 0;
    for (std::uint64_t count : counts) total += count;
    return static_cast<double>(counts[index]) / static_cast<double>(total);
  };
  const double first = corridors[0].base_share;
  const double second = corridors[1].base_share;
  EXPECT_NEAR(share(summary->before_shift, 0), first, 0.02);
  EXPECT_NEAR(share(summary->before_shift, 1), second, 0.02);
  EXPECT_NEAR(share(summary->after_shift, 0), first * (1 - kShiftShare), 0.02);
  EXPECT_NEAR(share(summary->after_shift, 1), second + first * kShiftShare, 0.02);
}

TEST(SeizureSimulatorTest, InvalidOptionsAreRejected) {
  SimulationOptions zero = Options(0, 1);
  SimulationOptions too_many = Options(kMaxSimulatedSeizures + 1, 1);
  SimulationOptions reversed = Options(10, 1);
  reversed.from = "2020-01-02";
  reversed.to = "2020-01-01";
  SimulationOptions bad_date = Options(10, 1);
  bad_date.to = "2021-02-30";
  SimulationOptions bad_shift = Options(10, 1);
  bad_shift.shift_date = "2030-01-01";

  for (const SimulationOptions &options : {zero, too_many, reversed, bad_date, bad_shift}) {
    const Status status = ValidateSimulationOptions(options);
    ASSERT_FALSE(status.has_value());
    EXPECT_EQ(status.error().code(), ErrorCode::kInvalidArgument);
  }
}

TEST(SeizureSimulatorTest, TruthNamesTheShiftAndTheHotspots) {
  SimulationOptions options = Options(100, 5);
  options.shift_date = "2020-06-01";
  std::ostringstream csv;
  std::ostringstream json;
  auto summary = SimulateSeizures(options, csv);
  ASSERT_TRUE(summary.has_value());

  ASSERT_TRUE(WriteSimulationTruth(options, *summary, json).has_value());

  EXPECT_NE(json.str().find("\"date\": \"2020-06-01\""), std::string::npos);
  EXPECT_NE(json.str().find("\"hotspots\": [{\"place\": \"Osh\""), std::string::npos);
  EXPECT_NE(json.str().find("\"rows\": 100"), std::string::npos);
}

}  // namespace
}  // namespace ordo::analytics
