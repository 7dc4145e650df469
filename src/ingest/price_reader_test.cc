#include "ingest/price_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "ingest/internal/test_support.h"

namespace ordo::ingest {
namespace {

using ::testing::ElementsAre;

constexpr char kHeader[] =
    "date,country_iso3,place,drug,level,price,per,currency,purity_percent,synthetic,source\n";

// The rows of these tests are made-up test fixtures, not real figures.
ReadOutcome<PriceRecord> Read(const std::string& rows) {
  std::istringstream in(std::string(kHeader) + rows);
  PriceReadOptions options;
  options.today = PartialDate::Parse("2025-06-30").value();
  return ReadPrices(in, "p.csv", internal::Known({"AFG", "KGZ"}), options);
}

TEST(PriceReaderTest, ReadsEveryField) {
  const auto outcome = Read(
      "2023-05,KGZ,Town B,героин,retail,40.5,g,USD,12.5,false,https://example.org/f\n"
      "2023,AFG,,opium,farm_gate,900,kg,AFN,,true,\n");

  ASSERT_TRUE(outcome.ok()) << outcome.problems[0].ToString();
  ASSERT_EQ(outcome.rows.size(), 2u);
  const PriceRecord& first = outcome.rows[0];
  EXPECT_EQ(first.date.ToString(), "2023-05");
  EXPECT_EQ(first.place, "Town B");
  EXPECT_EQ(first.drug, Drug::kHeroin);
  EXPECT_EQ(first.level, PriceLevel::kRetail);
  EXPECT_EQ(first.price, 40.5);
  EXPECT_EQ(first.unit, PriceUnit::kPerGram);
  EXPECT_EQ(first.currency, "USD");
  EXPECT_EQ(first.purity_percent, 12.5);
  const PriceRecord& second = outcome.rows[1];
  EXPECT_EQ(second.unit, PriceUnit::kPerKilogram);
  EXPECT_FALSE(second.purity_percent.has_value());
  EXPECT_TRUE(second.synthetic);
}

TEST(PriceReaderTest, ReportsEachBadFieldWithItsColumn) {
  const auto outcome = Read(
      "2030-01,KGZ,,sugar,street,-3,lb,usd,101,true,\n"
      "2024,KGZ,,heroin,retail,3,g,US$,,false,\n");

  EXPECT_THAT(
      internal::ProblemTexts(outcome.problems),
      ElementsAre("p.csv:2:1: date: '2030-01' is in the future",
                  "p.csv:2:14: drug: unknown drug 'sugar'",
                  "p.csv:2:20: level: unknown level 'street'; expected farm_gate, wholesale or "
                  "retail",
                  "p.csv:2:27: price: '-3' is negative; expected a non-negative number",
                  "p.csv:2:30: per: unknown price unit 'lb'; expected g or kg",
                  "p.csv:2:33: currency: 'usd' is not an ISO 4217 currency code; expected three "
                  "capital letters such as USD",
                  "p.csv:2:37: purity_percent: '101' is out of range; expected a number from 0 "
                  "to 100",
                  "p.csv:3:29: currency: 'US$' is not an ISO 4217 currency code; expected three "
                  "capital letters such as USD",
                  "p.csv:3:40: source: missing value; a real (synthetic=false) record needs its "
                  "source"));
  EXPECT_TRUE(outcome.rows.empty());
}

TEST(PriceReaderTest, ThePriceInAnotherCurrencyIsAnotherRecord) {
  const auto outcome = Read(
      "2024,KGZ,,heroin,retail,3,g,USD,,true,\n"
      "2024,KGZ,,heroin,retail,260,g,KGS,,true,\n"
      "2024,KGZ,,heroin,retail,4,g,USD,,true,\n");

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("p.csv:4:1: date: the same date, country, place, drug, level, per, "
                          "currency and source as line 2"));
  EXPECT_EQ(outcome.rows.size(), 2u);
}

}  // namespace
}  // namespace ordo::ingest
