#include "analytics/country_directory.h"

#include <gtest/gtest.h>

#include "analytics/testing/test_registry.h"

namespace ordo::analytics {
namespace {

CountryDirectory SmallDirectory() {
  Country turkey = testing::MakeCountry("TUR", "Türkiye", "Asia", "Western Asia");
  turkey.iso2 = "TR";
  turkey.name_ru = "Турция";
  turkey.name_ky = "Түркия";
  turkey.aliases = {"Turkey"};
  Country kyrgyzstan = testing::MakeCountry("KGZ", "Kyrgyzstan");
  kyrgyzstan.aliases = {"Kirghizia"};
  kyrgyzstan.name_ky = "Кыргызстан";
  return CountryDirectory({turkey, kyrgyzstan});
}

TEST(CountryDirectoryTest, ResolvesCodesInAnyCase) {
  CountryDirectory directory = SmallDirectory();

  EXPECT_EQ((*directory.Resolve("tur"))->iso3.str(), "TUR");
  EXPECT_EQ((*directory.Resolve("TR"))->iso3.str(), "TUR");
}

TEST(CountryDirectoryTest, FormerAndCurrentNamesFindTheSameCountry) {
  CountryDirectory directory = SmallDirectory();

  for (const char* name : {"Turkey", "Türkiye", "turkiye", "Турция", "ТҮРКИЯ"}) {
    auto country = directory.Resolve(name);
    ASSERT_TRUE(country.has_value()) << name;
    EXPECT_EQ((*country)->iso3.str(), "TUR") << name;
  }
  EXPECT_EQ((*directory.Resolve("Kirghizia"))->iso3.str(), "KGZ");
}

TEST(CountryDirectoryTest, UnknownNameIsNotFound) {
  auto country = SmallDirectory().Resolve("Atlantis");

  ASSERT_FALSE(country.has_value());
  EXPECT_EQ(country.error().code(), ErrorCode::kNotFound);
}

TEST(CountryDirectoryTest, AmbiguousNameNamesTheCandidates) {
  Country first = testing::MakeCountry("AAA", "Twin");
  Country second = testing::MakeCountry("BBB", "Twin");
  CountryDirectory directory({first, second});

  auto country = directory.Resolve("twin");

  ASSERT_FALSE(country.has_value());
  EXPECT_EQ(country.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(country.error().message().find("AAA"), std::string::npos);
  EXPECT_NE(country.error().message().find("BBB"), std::string::npos);
}

TEST(CountryDirectoryTest, FoldingLowersKyrgyzLettersAndDropsLatinDiacritics) {
  EXPECT_EQ(FoldForMatching("ӨМҮР ҢА"), "өмүр ңа");
  EXPECT_EQ(FoldForMatching("  Côte d'Ivoire "), "cote d ivoire");
  EXPECT_EQ(FoldForMatching("Türkiye"), "turkiye");
}

}  // namespace
}  // namespace ordo::analytics
