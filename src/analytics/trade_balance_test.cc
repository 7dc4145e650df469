#include "analytics/trade_balance.h"

#include <gtest/gtest.h>

#include <limits>

#include "analytics/testing/test_registry.h"

namespace ordo::analytics {
namespace {

TradeBlocMember Member(const std::string& bloc, const std::string& iso3) {
  return {bloc, bloc + " bloc", CountryCode::Parse(iso3).value(), "https://example.org/blocs", ""};
}

std::vector<std::string> Codes(const std::vector<CountryCode>& codes) {
  std::vector<std::string> text;
  for (const CountryCode& code : codes) text.push_back(code.str());
  return text;
}

class TradeBalanceTest : public ::testing::Test {
 protected:
  std::vector<TradeBlocMember> members_ = {Member("west", "USA"), Member("west", "DEU"),
                                           Member("russia", "RUS"), Member("west", "FRA")};
};

TEST_F(TradeBalanceTest, BlocsKeepTheOrderOfTheirMemberRows) {
  auto balance = ComputeTradeBalance(members_, {}, TradeDirection::kTotal);

  ASSERT_TRUE(balance.has_value());
  ASSERT_EQ(balance->blocs.size(), 2u);
  EXPECT_EQ(balance->blocs[0].id, "west");
  EXPECT_EQ(balance->blocs[0].name, "west bloc");
  EXPECT_EQ(Codes(balance->blocs[0].members), (std::vector<std::string>{"USA", "DEU", "FRA"}));
  EXPECT_EQ(balance->blocs[1].id, "russia");
  EXPECT_TRUE(balance->series.empty());
}

TEST_F(TradeBalanceTest, OneReportersFullYearFiguresAreSummedPerBloc) {
  const std::vector<TradeFlow> flows = {testing::MakeTrade("DEU", 2020, 300, "Kyrgyz stat"),
                                        testing::MakeTrade("USA", 2020, 100, "Kyrgyz stat")};

  auto balance = ComputeTradeBalance(members_, flows, TradeDirection::kTotal);

  ASSERT_TRUE(balance.has_value());
  ASSERT_EQ(balance->series.size(), 1u);
  const BlocTradePoint& point = balance->series[0];
  EXPECT_EQ(point.year, 2020);
  EXPECT_EQ(point.bloc, "west");
  EXPECT_EQ(point.reporter, "Kyrgyz stat");
  EXPECT_EQ(point.value_usd, 400);
  EXPECT_EQ(Codes(point.partners), (std::vector<std::string>{"USA", "DEU"}));
  EXPECT_FALSE(point.includes_lower_bounds);
}

TEST_F(TradeBalanceTest, DifferentReportersAreNeverAdded) {
  const std::vector<TradeFlow> flows = {testing::MakeTrade("USA", 2020, 100, "Kyrgyz stat"),
                                        testing::MakeTrade("DEU", 2020, 300, "Destatis")};

  auto balance = ComputeTradeBalance(members_, flows, TradeDirection::kTotal);

  ASSERT_TRUE(balance.has_value());
  ASSERT_EQ(balance->series.size(), 2u);
  EXPECT_EQ(balance->series[0].reporter, "Destatis");
  EXPECT_EQ(balance->series[0].value_usd, 300);
  EXPECT_EQ(balance->series[1].reporter, "Kyrgyz stat");
  EXPECT_EQ(balance->series[1].value_usd, 100);
}

TEST_F(TradeBalanceTest, PartYearFiguresAndOtherFlowsAreLeftOut) {
  TradeFlow exports = testing::MakeTrade("USA", 2020, 50, "Kyrgyz stat");
  exports.direction = TradeDirection::kExport;
  TradeFlow no_usd = testing::MakeTrade("FRA", 2020, 0, "Kyrgyz stat");
  no_usd.value_usd.reset();
  const std::vector<TradeFlow> flows = {
      testing::MakeTrade("USA", 2020, 100, "Kyrgyz stat"),
      testing::MakeTrade("DEU", 2020, 90, "Kyrgyz stat", "Jan-Sep"), exports, no_usd,
      testing::MakeTrade("DEU", 2020, 70, "")};

  auto balance = ComputeTradeBalance(members_, flows, TradeDirection::kTotal);

  ASSERT_TRUE(balance.has_value());
  ASSERT_EQ(balance->series.size(), 1u);
  EXPECT_EQ(balance->series[0].value_usd, 100);
  EXPECT_EQ(Codes(balance->series[0].partners), std::vector<std::string>{"USA"});
}

TEST_F(TradeBalanceTest, ALowerBoundMakesTheSumALowerBound) {
  TradeFlow floor = testing::MakeTrade("RUS", 2021, 3100, "Russian customs");
  floor.bound = ValueBound::kLowerBound;

  auto balance = ComputeTradeBalance(members_, {floor}, TradeDirection::kTotal);

  ASSERT_TRUE(balance.has_value());
  ASSERT_EQ(balance->series.size(), 1u);
  EXPECT_EQ(balance->series[0].bloc, "russia");
  EXPECT_TRUE(balance->series[0].includes_lower_bounds);
}

TEST_F(TradeBalanceTest, ASecondFigureFromTheSameReporterIsNotCountedTwice) {
  TradeFlow second = testing::MakeTrade("USA", 2020, 999, "Kyrgyz stat");
  second.source_url = "https://example.org/another";
  const std::vector<TradeFlow> flows = {testing::MakeTrade("USA", 2020, 100, "Kyrgyz stat"),
                                        second};

  auto balance = ComputeTradeBalance(members_, flows, TradeDirection::kTotal);

  ASSERT_TRUE(balance.has_value());
  ASSERT_EQ(balance->series.size(), 1u);
  EXPECT_EQ(balance->series[0].value_usd, 100);
}

TEST_F(TradeBalanceTest, SeriesIsOrderedByYearThenBlocThenReporter) {
  const std::vector<TradeFlow> flows = {
      testing::MakeTrade("RUS", 2021, 1, "B"), testing::MakeTrade("USA", 2021, 2, "B"),
      testing::MakeTrade("USA", 2021, 3, "A"), testing::MakeTrade("RUS", 2019, 4, "B")};

  auto balance = ComputeTradeBalance(members_, flows, TradeDirection::kTotal);

  ASSERT_TRUE(balance.has_value());
  ASSERT_EQ(balance->series.size(), 4u);
  EXPECT_EQ(balance->series[0].year, 2019);
  EXPECT_EQ(balance->series[1].bloc, "west");
  EXPECT_EQ(balance->series[1].reporter, "A");
  EXPECT_EQ(balance->series[2].reporter, "B");
  EXPECT_EQ(balance->series[3].bloc, "russia");
}

TEST_F(TradeBalanceTest, ASumBeyondSixtyFourBitsIsRefused) {
  const std::int64_t huge = std::numeric_limits<std::int64_t>::max();
  const std::vector<TradeFlow> flows = {testing::MakeTrade("USA", 2020, huge, "Kyrgyz stat"),
                                        testing::MakeTrade("DEU", 2020, huge, "Kyrgyz stat")};

  auto balance = ComputeTradeBalance(members_, flows, TradeDirection::kTotal);

  ASSERT_FALSE(balance.has_value());
  EXPECT_EQ(balance.error().code(), ErrorCode::kFailedPrecondition);
}

}  // namespace
}  // namespace ordo::analytics
