#include "analytics/trade_concentration.h"

#include <gtest/gtest.h>

#include <limits>

#include "analytics/testing/test_registry.h"

namespace ordo::analytics {
namespace {

class TradeConcentrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    storage::RegistryBatch batch;
    for (const char* code : {"AAA", "BBB", "CCC", "DDD", "EEE"}) {
      batch.countries.push_back(testing::MakeCountry(code, code));
    }
    TradeFlow lower = testing::MakeTrade("CCC", 2020, 200, "Kyrgyz stat");
    lower.bound = ValueBound::kLowerBound;
    TradeFlow euros = testing::MakeTrade("EEE", 2020, 0, "Kyrgyz stat");
    euros.value_usd.reset();
    batch.trade_flows = {testing::MakeTrade("AAA", 2020, 500, "Kyrgyz stat"),
                         testing::MakeTrade("BBB", 2020, 300, "Kyrgyz stat"),
                         lower,
                         testing::MakeTrade("AAA", 2020, 4000, "Partner customs"),
                         testing::MakeTrade("DDD", 2020, 90, "Kyrgyz stat", "Jan-Sep"),
                         euros,
                         testing::MakeTrade("AAA", 2021, 700, "Kyrgyz stat")};
    ASSERT_TRUE(store_.Write(batch).has_value());
  }

  storage::MemoryStore store_;
};

TEST_F(TradeConcentrationTest, SharesAndHhiUseOneReportersFullYearFigures) {
  auto report = ComputeTradeConcentration(store_, {2020, TradeDirection::kTotal, ""});

  ASSERT_TRUE(report.has_value()) << report.error().ToString();
  EXPECT_EQ(report->reporter, "Kyrgyz stat");
  ASSERT_EQ(report->partners.size(), 3u);
  EXPECT_EQ(report->covered_total_usd, 1000);
  EXPECT_DOUBLE_EQ(report->partners[0].share, 0.5);
  EXPECT_NEAR(report->hhi, 2500 + 900 + 400, 1e-9);
  EXPECT_TRUE(report->includes_lower_bounds);
  EXPECT_EQ(report->other_reporters, std::vector<std::string>{"Partner customs"});
}

TEST_F(TradeConcentrationTest, PartnersThatCannotBeUsedAreListedWithWhy) {
  auto report = ComputeTradeConcentration(store_, {2020, TradeDirection::kTotal, ""});

  ASSERT_TRUE(report.has_value());
  ASSERT_EQ(report->missing.size(), 2u);
  EXPECT_EQ(report->missing[0].partner.str(), "DDD");
  EXPECT_NE(report->missing[0].reason.find("part-year"), std::string::npos);
  EXPECT_EQ(report->missing[1].partner.str(), "EEE");
  EXPECT_NE(report->missing[1].reason.find("USD"), std::string::npos);
}

TEST_F(TradeConcentrationTest, AnotherReporterIsNeverMixedIn) {
  auto report = ComputeTradeConcentration(store_, {2020, TradeDirection::kTotal, "Partner customs"});

  ASSERT_TRUE(report.has_value());
  ASSERT_EQ(report->partners.size(), 1u);
  EXPECT_EQ(report->partners[0].value_usd, 4000);
  EXPECT_DOUBLE_EQ(report->hhi, 10000);
}

TEST_F(TradeConcentrationTest, YearWithoutFiguresIsNotFoundAndNamesYearsThatHaveThem) {
  auto report = ComputeTradeConcentration(store_, {1999, TradeDirection::kTotal, ""});

  ASSERT_FALSE(report.has_value());
  EXPECT_EQ(report.error().code(), ErrorCode::kNotFound);
  EXPECT_NE(report.error().message().find("2020, 2021"), std::string::npos);
}

TEST(TradeConcentrationOverflowTest, FiguresTooLargeToAddAreRefusedNotWrapped) {
  storage::MemoryStore store;
  storage::RegistryBatch batch;
  batch.countries = {testing::MakeCountry("AAA", "AAA"), testing::MakeCountry("BBB", "BBB")};
  const std::int64_t huge = std::numeric_limits<std::int64_t>::max();
  batch.trade_flows = {testing::MakeTrade("AAA", 2020, huge, "Stat"),
                       testing::MakeTrade("BBB", 2020, huge, "Stat")};
  ASSERT_TRUE(store.Write(batch).has_value());

  auto report = ComputeTradeConcentration(store, {2020, TradeDirection::kTotal, ""});

  ASSERT_FALSE(report.has_value());
  EXPECT_EQ(report.error().code(), ErrorCode::kFailedPrecondition);
}

}  // namespace
}  // namespace ordo::analytics
