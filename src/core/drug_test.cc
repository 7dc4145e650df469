#include "core/drug.h"

#include <gtest/gtest.h>

namespace ordo {
namespace {

TEST(DrugTest, CanonicalNamesRoundTrip) {
  for (int index = 0; index < kDrugCount; ++index) {
    auto drug = static_cast<Drug>(index);
    EXPECT_EQ(ParseDrug(DrugName(drug)).value(), drug);
  }
}

TEST(DrugTest, EnglishSynonymsMapToTheirGroup) {
  EXPECT_EQ(ParseDrug("hashish").value(), Drug::kCannabisResin);
  EXPECT_EQ(ParseDrug("Marijuana").value(), Drug::kCannabisHerb);
}

TEST(DrugTest, RussianNamesAreAcceptedInAnyCase) {
  EXPECT_EQ(ParseDrug("героин").value(), Drug::kHeroin);
  EXPECT_EQ(ParseDrug("Опий").value(), Drug::kOpium);
  EXPECT_EQ(ParseDrug("ГАШИШ").value(), Drug::kCannabisResin);
  EXPECT_EQ(ParseDrug("марихуана").value(), Drug::kCannabisHerb);
  EXPECT_EQ(ParseDrug("Метамфетамин").value(), Drug::kMethamphetamine);
}

TEST(DrugTest, UnknownNamesAreRejected) {
  Result<Drug> drug = ParseDrug("sugar");

  ASSERT_FALSE(drug.has_value());
  EXPECT_EQ(drug.error().message(), "unknown drug 'sugar'");
}

TEST(DrugTest, MassUnitsConvertToKilograms) {
  EXPECT_DOUBLE_EQ(ToKilograms(2, QuantityUnit::kTonne, {})->kilograms, 2000);
  EXPECT_DOUBLE_EQ(ToKilograms(500, QuantityUnit::kGram, {})->kilograms, 0.5);
  EXPECT_DOUBLE_EQ(ToKilograms(250, QuantityUnit::kMilligram, {})->kilograms, 0.00025);
  EXPECT_TRUE(ToKilograms(3, QuantityUnit::kKilogram, {})->conversion_note.empty());
}

TEST(DrugTest, LitresCountAsKilogramsWithANote) {
  Result<KilogramQuantity> kg = ToKilograms(4, QuantityUnit::kLitre, {});

  EXPECT_DOUBLE_EQ(kg->kilograms, 4);
  EXPECT_EQ(kg->conversion_note, "1 l = 1 kg (UNODC convention)");
}

TEST(DrugTest, TabletsUseTheGivenMass) {
  Result<KilogramQuantity> kg = ToKilograms(1000, QuantityUnit::kTablet, 250.0);

  EXPECT_DOUBLE_EQ(kg->kilograms, 0.25);
  EXPECT_EQ(kg->conversion_note, "1 tablet = 0.25 g (import option)");
}

TEST(DrugTest, TabletsWithoutAMassAreAnError) {
  EXPECT_FALSE(ToKilograms(10, QuantityUnit::kTablet, std::nullopt).has_value());
}

TEST(DrugTest, NegativeQuantitiesAreAnError) {
  EXPECT_FALSE(ToKilograms(-1, QuantityUnit::kKilogram, {}).has_value());
}

TEST(DrugTest, UnitsParseByName) {
  EXPECT_EQ(ParseQuantityUnit("tablets").value(), QuantityUnit::kTablet);
  EXPECT_EQ(ParseQuantityUnit("ml").value(), QuantityUnit::kMillilitre);
  EXPECT_FALSE(ParseQuantityUnit("KG").has_value());
}

}  // namespace
}  // namespace ordo
