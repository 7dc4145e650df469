#include "core/price_record.h"

#include <gtest/gtest.h>

namespace ordo {
namespace {

TEST(PriceRecordTest, LevelAndUnitNamesRoundTrip) {
  for (PriceLevel level : {PriceLevel::kFarmGate, PriceLevel::kWholesale, PriceLevel::kRetail}) {
    EXPECT_EQ(ParsePriceLevel(PriceLevelName(level)).value(), level);
  }
  EXPECT_EQ(ParsePriceUnit("kg").value(), PriceUnit::kPerKilogram);
  EXPECT_FALSE(ParsePriceUnit("lb").has_value());
}

TEST(PriceRecordTest, CurrencyCodesAreThreeCapitalLetters) {
  EXPECT_TRUE(CheckCurrencyCode("KGS").has_value());
  EXPECT_FALSE(CheckCurrencyCode("usd").has_value());
  EXPECT_FALSE(CheckCurrencyCode("US$").has_value());
  EXPECT_FALSE(CheckCurrencyCode("EURO").has_value());
}

TEST(PriceRecordTest, KeysDifferByCurrency) {
  PriceRecord som;
  som.currency = "KGS";
  PriceRecord dollar = som;
  dollar.currency = "USD";

  EXPECT_NE(KeyOf(som), KeyOf(dollar));
}

}  // namespace
}  // namespace ordo
