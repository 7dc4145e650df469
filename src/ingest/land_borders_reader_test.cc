#include "ingest/reference_readers.h"

#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/internal/test_support.h"

namespace ordo::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr char kHeader[] = "iso3,neighbour_iso3,source_url,notes\n";

ReadOutcome<LandBorder> Read(const std::string& rows) {
  std::istringstream in(kHeader + rows);
  return ReadLandBorders(in, "borders.csv", internal::Known({"KGZ", "CHN", "KAZ"}));
}

TEST(LandBordersReaderTest, ReadsEachSideOfABorderAsItsOwnRow) {
  const auto outcome =
      Read("KGZ,CHN,https://a.org/b,\nCHN,KGZ,https://a.org/b,\nKGZ,KAZ,https://a.org/b,a note\n");

  ASSERT_THAT(internal::ProblemTexts(outcome.problems), IsEmpty());
  ASSERT_EQ(outcome.rows.size(), 3u);
  EXPECT_EQ(outcome.rows[1].iso3.str(), "CHN");
  EXPECT_EQ(outcome.rows[1].neighbour.str(), "KGZ");
  EXPECT_THAT(outcome.row_lines, ElementsAre(2, 3, 4));
}

TEST(LandBordersReaderTest, AcceptsAOneSidedBorder) {
  const auto outcome = Read("KGZ,CHN,https://a.org/b,\n");

  EXPECT_TRUE(outcome.ok());
  EXPECT_EQ(outcome.rows.size(), 1u);
}

TEST(LandBordersReaderTest, ReportsACountryBorderingItself) {
  const auto outcome = Read("KGZ,KGZ,https://a.org/b,\n");

  EXPECT_THAT(outcome.rows, IsEmpty());
  EXPECT_THAT(
      internal::ProblemTexts(outcome.problems),
      ElementsAre("borders.csv:2:5: neighbour_iso3: 'KGZ' cannot be its own land neighbour"));
}

TEST(LandBordersReaderTest, ReportsARepeatedPair) {
  const auto outcome = Read("KGZ,CHN,https://a.org/b,\nKGZ,CHN,https://a.org/c,\n");

  EXPECT_EQ(outcome.rows.size(), 1u);
  EXPECT_THAT(
      internal::ProblemTexts(outcome.problems),
      ElementsAre("borders.csv:3:5: neighbour_iso3: duplicate 'KGZ-CHN' (first on line 2)"));
}

TEST(LandBordersReaderTest, ReportsAnUnknownNeighbourAndAMissingSource) {
  const auto outcome = Read("KGZ,ATL,https://a.org/b,\nKGZ,KAZ,,\n");

  EXPECT_THAT(outcome.rows, IsEmpty());
  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("borders.csv:2:5: neighbour_iso3: unknown ISO 3166-1 alpha-3 code 'ATL'",
                          "borders.csv:3:9: source_url: missing value"));
}

}  // namespace
}  // namespace ordo::ingest
