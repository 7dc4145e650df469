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

constexpr char kHeader[] = "bloc_id,bloc_name,iso3,source_url,notes\n";

ReadOutcome<TradeBlocMember> Read(const std::string& rows) {
  std::istringstream in(kHeader + rows);
  return ReadTradeBlocs(in, "blocs.csv", internal::Known({"KAZ", "UZB", "DEU", "USA"}));
}

TEST(TradeBlocsReaderTest, ReadsMembersOfSeveralBlocs) {
  const auto outcome = Read(
      "west,EU and United States,DEU,https://a.org/eu,EU member\n"
      "west,EU and United States,USA,https://a.org/us,\n"
      "central_asia,Central Asian neighbours,KAZ,https://a.org/m49,\n");

  ASSERT_THAT(internal::ProblemTexts(outcome.problems), IsEmpty());
  ASSERT_EQ(outcome.rows.size(), 3u);
  EXPECT_EQ(outcome.rows[0].bloc_id, "west");
  EXPECT_EQ(outcome.rows[0].bloc_name, "EU and United States");
  EXPECT_EQ(outcome.rows[0].iso3.str(), "DEU");
  EXPECT_EQ(outcome.rows[0].source_url, "https://a.org/eu");
  EXPECT_EQ(outcome.rows[0].notes, "EU member");
  EXPECT_EQ(outcome.rows[2].bloc_id, "central_asia");
}

TEST(TradeBlocsReaderTest, ReportsTheSameStateTwiceInOneBloc) {
  const auto outcome = Read(
      "central_asia,Central Asia,KAZ,https://a.org/a,\ncentral_asia,Central "
      "Asia,KAZ,https://a.org/b,\n");

  EXPECT_EQ(outcome.rows.size(), 1u);
  EXPECT_THAT(
      internal::ProblemTexts(outcome.problems),
      ElementsAre("blocs.csv:3:27: iso3: duplicate 'KAZ in central_asia' (first on line 2)"));
}

TEST(TradeBlocsReaderTest, AcceptsOneStateInSeveralBlocs) {
  const auto outcome = Read("west,West,DEU,https://a.org/a,\neurope,Europe,DEU,https://a.org/a,\n");

  EXPECT_TRUE(outcome.ok());
  EXPECT_EQ(outcome.rows.size(), 2u);
}

TEST(TradeBlocsReaderTest, ReportsABlocNameThatDiffersWithinABloc) {
  const auto outcome = Read("west,West,DEU,https://a.org/a,\nwest,The West,USA,https://a.org/a,\n");

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("blocs.csv:3:6: bloc_name: 'The West' differs from 'West' given for "
                          "bloc west on line 2"));
}

TEST(TradeBlocsReaderTest, ReportsAMalformedBlocId) {
  const auto outcome = Read("Central Asia,Central Asia,KAZ,https://a.org/a,\n");

  EXPECT_THAT(outcome.rows, IsEmpty());
  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("blocs.csv:2:1: bloc_id: 'Central Asia' is not a bloc id (lower-case "
                          "letters, digits and '_', from a letter)"));
}

TEST(TradeBlocsReaderTest, RequiresANameAndASource) {
  const auto outcome = Read("west,,DEU,,\n");

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("blocs.csv:2:6: bloc_name: missing value",
                          "blocs.csv:2:11: source_url: missing value"));
}

}  // namespace
}  // namespace ordo::ingest
