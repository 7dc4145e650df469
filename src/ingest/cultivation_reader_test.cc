#include "ingest/cultivation_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "ingest/internal/test_support.h"

namespace ordo::ingest {
namespace {

using ::testing::ElementsAre;

constexpr char kHeader[] = "year,country_iso3,region,crop,kind,hectares,synthetic,source,note\n";

// The rows of these tests are made-up test fixtures, not real figures.
ReadOutcome<CultivationRecord> Read(const std::string& rows) {
  std::istringstream in(std::string(kHeader) + rows);
  return ReadCultivation(in, "c.csv", internal::Known({"AFG", "KGZ"}), {2025});
}

TEST(CultivationReaderTest, ReadsEveryField) {
  const auto outcome = Read(
      "2021,AFG,Region A,opium_poppy,cultivated,1234.5,false,https://example.org/f,a note\n"
      "2021,AFG,Region A,opium_poppy,eradicated,10,true,,\n");

  ASSERT_TRUE(outcome.ok()) << outcome.problems[0].ToString();
  ASSERT_EQ(outcome.rows.size(), 2u);
  const CultivationRecord& first = outcome.rows[0];
  EXPECT_EQ(first.year, 2021);
  EXPECT_EQ(first.country.str(), "AFG");
  EXPECT_EQ(first.region, "Region A");
  EXPECT_EQ(first.crop, Crop::kOpiumPoppy);
  EXPECT_EQ(first.hectares, 1234.5);
  EXPECT_FALSE(first.synthetic);
  EXPECT_EQ(first.note, "a note");
  EXPECT_EQ(outcome.rows[1].kind, CultivationKind::kEradicated);
  EXPECT_THAT(outcome.row_lines, ElementsAre(2, 3));
}

TEST(CultivationReaderTest, ReportsEachBadFieldWithItsColumn) {
  const auto outcome = Read(
      "2999,XXX,,poppy,grown,-1,maybe,,\n"
      "2020,KGZ,,cannabis,eradicated,5,false,,\n");

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("c.csv:2:1: year: 2999 is in the future",
                          "c.csv:2:6: country_iso3: unknown ISO 3166-1 alpha-3 code 'XXX'",
                          "c.csv:2:11: crop: unknown crop 'poppy'; expected opium_poppy, "
                          "cannabis, coca or other",
                          "c.csv:2:17: kind: unknown kind 'grown'; expected cultivated or "
                          "eradicated",
                          "c.csv:2:23: hectares: '-1' is negative; expected a non-negative number",
                          "c.csv:2:26: synthetic: 'maybe' is not true or false",
                          "c.csv:3:39: source: missing value; a real (synthetic=false) record "
                          "needs its source"));
  EXPECT_TRUE(outcome.rows.empty());
}

TEST(CultivationReaderTest, ARepeatedKeyIsAProblemAtItsLine) {
  const auto outcome = Read(
      "2021,KGZ,,cannabis,eradicated,5,true,,\n"
      "2021,KGZ,,cannabis,eradicated,6,true,,\n");

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("c.csv:3:1: year: the same year, country, region, crop, kind and "
                          "source as line 2"));
  EXPECT_EQ(outcome.rows.size(), 1u);
}

}  // namespace
}  // namespace ordo::ingest
