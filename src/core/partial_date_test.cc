#include "core/partial_date.h"

#include <gtest/gtest.h>

namespace ordo {
namespace {

PartialDate Date(std::string_view text) { return PartialDate::Parse(text).value(); }

TEST(PartialDateTest, ParsesTheThreePrecisions) {
  EXPECT_EQ(Date("1992").precision(), DatePrecision::kYear);
  EXPECT_EQ(Date("1992-01").precision(), DatePrecision::kMonth);
  EXPECT_EQ(Date("1992-01-05").precision(), DatePrecision::kDay);
}

TEST(PartialDateTest, PrintsTheFormItWasParsedFrom) {
  for (std::string_view text : {"1992", "1992-01", "1992-01-05", "2025-09-26"}) {
    EXPECT_EQ(Date(text).ToString(), text);
  }
}

TEST(PartialDateTest, RejectsDaysThatDoNotExist) {
  auto feb30 = PartialDate::Parse("1992-02-30");
  auto feb29 = PartialDate::Parse("1991-02-29");

  ASSERT_FALSE(feb30.has_value());
  EXPECT_EQ(feb30.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(feb30.error().message().find("day 30 does not exist in 1992-02"), std::string::npos);
  EXPECT_FALSE(feb29.has_value());
  EXPECT_TRUE(PartialDate::Parse("1992-02-29").has_value());
}

TEST(PartialDateTest, RejectsMalformedText) {
  for (std::string_view text : {"", "92", "1992-1", "1992/01/05", "1992-13", "1992-00", "1992-01-00",
                                "199a", "1992-01-05T00", " 1992", "0999"}) {
    EXPECT_FALSE(PartialDate::Parse(text).has_value()) << text;
  }
}

TEST(PartialDateTest, MonthIsBeforeTheFirstOfTheNextMonth) {
  EXPECT_EQ(IsBefore(Date("1992-01"), Date("1992-02-01")), Certainty::kYes);
}

TEST(PartialDateTest, BareYearIsUncertainAgainstADayInsideIt) {
  EXPECT_EQ(IsBefore(Date("1992"), Date("1992-02-01")), Certainty::kUncertain);
  EXPECT_EQ(IsAfter(Date("1992"), Date("1992-02-01")), Certainty::kUncertain);
}

TEST(PartialDateTest, SameDayIsNeitherBeforeNorAfter) {
  EXPECT_EQ(IsBefore(Date("1992-02-01"), Date("1992-02-01")), Certainty::kNo);
  EXPECT_EQ(IsAfter(Date("1992-02-01"), Date("1992-02-01")), Certainty::kNo);
}

TEST(PartialDateTest, DisjointYearsCompareWithCertainty) {
  EXPECT_EQ(IsBefore(Date("1991"), Date("1992-01-01")), Certainty::kYes);
  EXPECT_EQ(IsAfter(Date("1993"), Date("1992-12-31")), Certainty::kYes);
  EXPECT_EQ(IsBefore(Date("1993"), Date("1992-12-31")), Certainty::kNo);
}

TEST(PartialDateTest, IntervalsCoverTheWholePeriod) {
  EXPECT_EQ(Date("1992").FirstDay(), Date("1992-01-01").FirstDay());
  EXPECT_EQ(Date("1992").LastDay(), Date("1992-12-31").LastDay());
  EXPECT_EQ(Date("1992-02").LastDay(), Date("1992-02-29").LastDay());
  EXPECT_EQ(Date("1970-01-01").FirstDay(), 0);
}

TEST(PartialDateTest, SortingPutsTheLessPreciseDateFirstOnTheSameStart) {
  EXPECT_TRUE(SortsBefore(Date("1992"), Date("1992-01")));
  EXPECT_TRUE(SortsBefore(Date("1992-01"), Date("1992-01-01")));
  EXPECT_TRUE(SortsBefore(Date("1991-12-31"), Date("1992")));
  EXPECT_FALSE(SortsBefore(Date("1992-01-01"), Date("1992")));
}

}  // namespace
}  // namespace ordo
