#include "ingest/registry_readers.h"

#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/internal/test_support.h"

namespace ordo::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr char kHeader[] =
    "country_name_en,iso3,date_established,source_url,table_rank,notes,table_cited_source_url,"
    "wikitext_copy_url\n";

ReadOutcome<Relation> Read(const std::string& text) {
  std::istringstream in(text);
  return ReadRelations(in, "rel.csv", internal::Known({"AUS", "TUR", "VAT", "USA"}));
}

TEST(RelationsReaderTest, ReadsEveryField) {
  const auto outcome = Read(std::string(kHeader) +
                            "Türkiye,TUR,1992-01-29,https://w.org/a,9,\"Old row 1, see notes\","
                            "https://mfa.kg/x,https://github.com/y\n");

  ASSERT_TRUE(outcome.ok()) << outcome.problems[0].ToString();
  ASSERT_EQ(outcome.rows.size(), 1u);
  const Relation& relation = outcome.rows[0];
  EXPECT_EQ(relation.iso3.str(), "TUR");
  EXPECT_EQ(relation.country_name_en, "Türkiye");
  EXPECT_EQ(relation.established->ToString(), "1992-01-29");
  EXPECT_EQ(relation.table_rank, 9);
  EXPECT_EQ(relation.notes, "Old row 1, see notes");
  EXPECT_EQ(relation.table_cited_source_url, "https://mfa.kg/x");
  EXPECT_EQ(relation.wikitext_copy_url, "https://github.com/y");
  EXPECT_THAT(outcome.row_lines, ElementsAre(2));
}

TEST(RelationsReaderTest, UnnumberedRowHasNoRankAndPartialDatesAreKept) {
  const auto outcome = Read(std::string(kHeader) + "Holy See,VAT,1992-08,https://w.org/a,,,,\n");

  ASSERT_TRUE(outcome.ok());
  EXPECT_FALSE(outcome.rows[0].table_rank.has_value());
  EXPECT_EQ(outcome.rows[0].established->precision(), DatePrecision::kMonth);
}

TEST(RelationsReaderTest, DuplicateIso3NamesTheEarlierLine) {
  const auto outcome =
      Read(std::string(kHeader) + "Australia,AUS,1991-12-26,https://w.org/a,1,,,\n" +
           "United States,USA,1991-12-27,https://w.org/a,2,,,\n" +
           "Australia again,AUS,1991-12-28,https://w.org/a,3,,,\n");

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("rel.csv:4:17: iso3: duplicate 'AUS' (first on line 2)"));
  EXPECT_EQ(outcome.rows.size(), 2u);
}

TEST(RelationsReaderTest, ReportsMalformedDateAndNonexistentDayAtTheirFields) {
  const auto outcome =
      Read(std::string(kHeader) + "Australia,AUS,26.12.1991,https://w.org/a,1,,,\n" +
           "Türkiye,TUR,1992-02-30,https://w.org/a,2,,,\n");

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("rel.csv:2:15: date_established: invalid date '26.12.1991': expected "
                          "YYYY, YYYY-MM or YYYY-MM-DD",
                          "rel.csv:3:13: date_established: invalid date '1992-02-30': day 30 does "
                          "not exist in 1992-02"));
  EXPECT_THAT(outcome.rows, IsEmpty());
}

TEST(RelationsReaderTest, ReportsUnknownIsoCode) {
  const auto outcome = Read(std::string(kHeader) + "Kosovo,XKX,2008-02-17,https://w.org/a,,,,\n");

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("rel.csv:2:8: iso3: unknown ISO 3166-1 alpha-3 code 'XKX'"));
}

TEST(RelationsReaderTest, ReportsRankThatIsNotPositive) {
  const auto outcome =
      Read(std::string(kHeader) + "Australia,AUS,1991-12-26,https://w.org/a,0,,,\n");

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("rel.csv:2:42: table_rank: '0' is out of range; expected an integer of "
                          "at least 1"));
}

TEST(RelationsReaderTest, ReportsMissingSourceUrl) {
  const auto outcome = Read(std::string(kHeader) + "Australia,AUS,1991-12-26,,1,,,\n");

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("rel.csv:2:26: source_url: missing value"));
}

TEST(RelationsReaderTest, ReportsMissingRequiredAndUnknownColumns) {
  const auto outcome = Read(
      "country_name_en,iso,date_established,source_url,table_rank,notes,table_cited_source_url,"
      "wikitext_copy_url\nAustralia,AUS,1991-12-26,https://w.org/a,1,,,\n");

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("rel.csv:1:17: unknown column 'iso'",
                          "rel.csv:1: missing required column 'iso3'"));
}

TEST(RelationsReaderTest, ReportsAFileThatCannotBeOpened) {
  const auto outcome = ReadRelations("/nonexistent/rel.csv", internal::Known({"AUS"}));

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("/nonexistent/rel.csv: cannot open file: No such file or directory"));
}

}  // namespace
}  // namespace ordo::ingest
