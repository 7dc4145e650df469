#include "ingest/registry_readers.h"

#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/internal/test_support.h"

namespace ordo::ingest {
namespace {

using ::testing::ElementsAre;

constexpr char kHeader[] = "partner_iso3,year,flow,value_usd,source_url,notes,period,reporter\n";

ReadOutcome<TradeFlow> Read(const std::string& text) {
  std::istringstream in(text);
  return ReadTradeFlows(in, "trade.csv", internal::Known({"TUR", "DEU", "RUS"}));
}

TEST(TradeReaderTest, ReadsAFullYearFigure) {
  const auto outcome = Read(std::string(kHeader) +
                            "TUR,2019,export,77000000,https://w.org/a,,full year,Turkish MFA\n");

  ASSERT_TRUE(outcome.ok());
  const TradeFlow& flow = outcome.rows[0];
  EXPECT_EQ(flow.partner.str(), "TUR");
  EXPECT_EQ(flow.year, 2019);
  EXPECT_EQ(flow.direction, TradeDirection::kExport);
  EXPECT_EQ(flow.value_usd, 77000000);
  EXPECT_EQ(flow.bound, ValueBound::kExact);
  EXPECT_TRUE(flow.IsFullYear());
  EXPECT_EQ(flow.reporter, "Turkish MFA");
}

TEST(TradeReaderTest, EmptyValueIsUnknownNotZero) {
  const auto outcome =
      Read(std::string(kHeader) + "DEU,2023,total,,https://w.org/a,About EUR 734 mn,full year,\n");

  ASSERT_TRUE(outcome.ok());
  EXPECT_FALSE(outcome.rows[0].value_usd.has_value());
}

TEST(TradeReaderTest, ReportsNegativeValue) {
  const auto outcome =
      Read(std::string(kHeader) + "TUR,2019,total,-5,https://w.org/a,,full year,\n");

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("trade.csv:2:16: value_usd: '-5' is negative; expected a non-negative "
                          "integer"));
  EXPECT_TRUE(outcome.rows.empty());
}

TEST(TradeReaderTest, NotesSayingLowerBoundMakeALowerBound) {
  const auto outcome =
      Read(std::string(kHeader) +
           "RUS,2025,total,3100000000,https://w.org/a,\"Lower bound: \"\"more than "
           "$3.1 billion\"\".\",Jan-Sep,\n");

  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome.rows[0].bound, ValueBound::kLowerBound);
  EXPECT_FALSE(outcome.rows[0].IsFullYear());
}

TEST(TradeReaderTest, BoundColumnWinsOverNotes) {
  const auto outcome = Read(
      "partner_iso3,year,flow,value_usd,source_url,notes,period,reporter,bound\n"
      "RUS,2025,total,1,https://w.org/a,lower bound,full year,,exact\n"
      "RUS,2024,total,1,https://w.org/a,,full year,,lower_bound\n"
      "RUS,2023,total,1,https://w.org/a,,full year,,roughly\n");

  ASSERT_EQ(outcome.rows.size(), 2u);
  EXPECT_EQ(outcome.rows[0].bound, ValueBound::kExact);
  EXPECT_EQ(outcome.rows[1].bound, ValueBound::kLowerBound);
  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("trade.csv:4:46: bound: unknown bound 'roughly' (expected exact or "
                          "lower_bound)"));
}

TEST(TradeReaderTest, ReportsUnknownFlowAndBadYear) {
  const auto outcome =
      Read(std::string(kHeader) + "TUR,19,transit,1,https://w.org/a,,full year,\n");

  EXPECT_THAT(
      internal::ProblemTexts(outcome.problems),
      ElementsAre("trade.csv:2:5: year: '19' is out of range; expected an integer from 1000 "
                  "to 9999",
                  "trade.csv:2:8: flow: unknown flow 'transit' (expected total, export or "
                  "import)"));
}

TEST(TradeReaderTest, ReportsTheSameFigureTwiceInOneFile) {
  const std::string row = "TUR,2019,export,77000000,https://w.org/a,,full year,Turkish MFA\n";
  const auto outcome = Read(std::string(kHeader) + row +
                            "TUR,2019,export,1,https://w.org/a,other notes,full year,Turkish MFA\n" +
                            "TUR,2019,export,77000000,https://w.org/a,,full year,Kyrgyz stat\n");

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("trade.csv:3:1: partner_iso3: duplicate 'TUR 2019 export (full year, "
                          "Turkish MFA, https://w.org/a)' (first on line 2)"));
  EXPECT_EQ(outcome.rows.size(), 2u);
}

}  // namespace
}  // namespace ordo::ingest
