#include "ingest/seizure_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "ingest/internal/test_support.h"

namespace ordo::ingest {
namespace {

using ::testing::ElementsAre;

constexpr char kHeader[] =
    "seizure_id,date,place,lat,lon,admin_region,country_"
    "iso3,drug,quantity,unit,conveyance,"
    "concealment,origin_iso3,departure_iso3,destination_"
    "iso3,transit_iso3,agency,case_id,"
    "synthetic,source\n";

ReadOutcome<Seizure> Read(const std::string& rows, SeizureReadOptions options = {}) {
  if (!options.today) options.today = PartialDate::Parse("2025-06-30").value();
  std::istringstream in(std::string(kHeader) + rows);
  return ReadSeizures(in, "s.csv", internal::Known({"KGZ", "TJK", "AFG", "RUS", "KAZ"}), options);
}

TEST(SeizureReaderTest, ReadsEveryField) {
  const auto outcome = Read(
      "S1,2024-03-17,Sary-Tash,39.73,73.25,Osh "
      "Region,KGZ,героин,2.5,kg,truck,spare tyre,AFG,TJK,"
      "RUS,KAZ;TJK,SBNON,C-17,false,https://example.org/s1\n");

  ASSERT_TRUE(outcome.ok()) << outcome.problems[0].ToString();
  ASSERT_EQ(outcome.rows.size(), 1u);
  const Seizure& seizure = outcome.rows[0];
  EXPECT_EQ(seizure.drug, Drug::kHeroin);
  EXPECT_EQ(*seizure.quantity_kg, 2.5);
  EXPECT_EQ(seizure.destination->str(), "RUS");
  ASSERT_EQ(seizure.transit.size(), 2u);
  EXPECT_EQ(seizure.transit[1].str(), "TJK");
  EXPECT_FALSE(seizure.synthetic);
  EXPECT_THAT(outcome.row_lines, ElementsAre(2));
}

TEST(SeizureReaderTest, TabletsUseTheTabletMassOption) {
  SeizureReadOptions options;
  options.tablet_mass_mg = 250;

  const auto outcome = Read("S1,2024,,,,,KGZ,tramadol,1000,tablets,,,,,,,,,true,\n", options);

  ASSERT_TRUE(outcome.ok()) << outcome.problems[0].ToString();
  EXPECT_DOUBLE_EQ(*outcome.rows[0].quantity_kg, 0.25);
  EXPECT_EQ(outcome.rows[0].conversion_note, "1 tablet = 0.25 g (import option)");
}

TEST(SeizureReaderTest, TabletsWithoutAMassAreAProblem) {
  const auto outcome = Read("S1,2024,,,,,KGZ,tramadol,1000,tablets,,,,,,,,,true,\n");

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("s.csv:2:31: unit: tablets need a tablet mass (import option "
                          "--tablet-mass-mg)"));
}

TEST(SeizureReaderTest, ReportsEachBadFieldWithItsColumn) {
  const auto outcome = Read(
      "S1,2030-01-01,,91,10,,KGZ,sugar,-1,kg,boat,,XXX,,,KAZ;,,,maybe,\n"
      "S1,2024,,40,,,KGZ,hashish,1,lb,,,,,,,,,false,\n");

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("s.csv:2:4: date: '2030-01-01' is in the future",
                          "s.csv:2:16: lat: '91' is out of range; expected a number from -90 "
                          "to 90",
                          "s.csv:2:27: drug: unknown drug 'sugar'",
                          "s.csv:2:33: quantity: '-1' is negative; expected a non-negative "
                          "number",
                          "s.csv:2:39: conveyance: unknown conveyance 'boat'; expected "
                          "vehicle, truck, "
                          "train, air, foot, post or other",
                          "s.csv:2:45: origin_iso3: unknown ISO 3166-1 alpha-3 code 'XXX'",
                          "s.csv:2:51: transit_iso3: ends with ';'",
                          "s.csv:2:58: synthetic: 'maybe' is not true or false",
                          "s.csv:3:1: seizure_id: duplicate 'S1' (first on line 2)",
                          "s.csv:3:13: lon: lat and lon must both be given or both be empty",
                          "s.csv:3:29: unit: unknown unit 'lb'; expected kg, g, mg, t, l, ml "
                          "or tablets",
                          "s.csv:3:46: source: missing value; a real (synthetic=false) record "
                          "needs its "
                          "source"));
  EXPECT_TRUE(outcome.rows.empty());
}

TEST(SeizureReaderTest, ReportsAQuantityNoSeizureCouldWeigh) {
  const auto outcome = Read(
      "S1,2024,,,,,KGZ,heroin,1e300,t,,,,,,,,,true,\n"
      "S2,2024,,,,,KGZ,heroin,1000000,t,,,,,,,,,true,\n");

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("s.csv:2:24: quantity: '1e300' t is 1e+303 kg; expected at most 1e+09 "
                          "kg in one record"));
  ASSERT_EQ(outcome.rows.size(), 1u);
  EXPECT_EQ(*outcome.rows[0].quantity_kg, 1e9);
}

TEST(SeizureReaderTest, StreamsRowsToTheSink) {
  std::istringstream in(std::string(kHeader) + "A,2024,,,,,KGZ,opium,1,g,,,,,,,,,true,\n" +
                        "B,2024,,,,,KGZ,opium,1,g,,,,,,,,,true,\n");
  std::vector<std::string> seen;

  std::vector<Diagnostic> problems =
      ReadSeizures(in, "s.csv", internal::Known({"KGZ"}), {},
                   [&](Seizure&& seizure, int /*line*/) { seen.push_back(seizure.seizure_id); });

  EXPECT_TRUE(problems.empty());
  EXPECT_THAT(seen, ElementsAre("A", "B"));
}

TEST(SeizureReaderTest, ReadsTheRouteInTravelOrder) {
  std::istringstream in(
      "seizure_id,date,country_iso3,drug,quantity,unit,synthetic,route\n"
      "S1,2024,KGZ,heroin,1,kg,true,Khorog; Murghab ;Osh\n"
      "S2,2024,KGZ,heroin,1,kg,true,\n");
  SeizureReadOptions options;
  options.today = PartialDate::Parse("2025-06-30").value();

  const auto outcome = ReadSeizures(in, "s.csv", internal::Known({"KGZ"}), options);

  ASSERT_TRUE(outcome.ok()) << outcome.problems[0].ToString();
  EXPECT_THAT(outcome.rows[0].route, ElementsAre("Khorog", "Murghab", "Osh"));
  EXPECT_TRUE(outcome.rows[1].route.empty());
}

TEST(SeizureReaderTest, AnEmptyRoutePlaceIsAProblem) {
  std::istringstream in(
      "seizure_id,date,country_iso3,drug,quantity,unit,synthetic,route\n"
      "S1,2024,KGZ,heroin,1,kg,true,Khorog;;Osh\n");
  SeizureReadOptions options;
  options.today = PartialDate::Parse("2025-06-30").value();

  const auto outcome = ReadSeizures(in, "s.csv", internal::Known({"KGZ"}), options);

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("s.csv:2:30: route: place 2 of the route is empty"));
}

}  // namespace
}  // namespace ordo::ingest
