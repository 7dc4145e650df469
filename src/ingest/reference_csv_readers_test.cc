#include "ingest/reference_readers.h"

#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/internal/test_support.h"

namespace ordo::ingest {
namespace {

using ::testing::ElementsAre;

const KnownCountries& Countries() {
  static const KnownCountries known = internal::Known({"KGZ", "TUR", "ATA", "COG", "COD"});
  return known;
}

TEST(M49RegionsReaderTest, ReadsRegionsAndAllowsAnEmptyRegion) {
  std::istringstream in(
      "iso3,region,subregion,intermediate_region,region_code,subregion_code,"
      "intermediate_region_code\nKGZ,Asia,Central Asia,,142,143,\nATA,,,,,,\n");

  const auto outcome = ReadM49Regions(in, "m49.csv", Countries());

  ASSERT_TRUE(outcome.ok());
  ASSERT_EQ(outcome.rows.size(), 2u);
  EXPECT_EQ(outcome.rows[0].subregion, "Central Asia");
  EXPECT_EQ(outcome.rows[1].region, "");
}

TEST(M49RegionsReaderTest, ReportsANonNumericAreaCode) {
  std::istringstream in(
      "iso3,region,subregion,intermediate_region,region_code,subregion_code,"
      "intermediate_region_code\nKGZ,Asia,Central Asia,,Asia,143,\n");

  const auto outcome = ReadM49Regions(in, "m49.csv", Countries());

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("m49.csv:2:24: region_code: 'Asia' is not an integer"));
}

TEST(UnMembersReaderTest, ReportsDuplicateMember) {
  std::istringstream in(
      "iso3,name_en,source_url,notes\nKGZ,Kyrgyzstan,https://un.org/a,\n"
      "KGZ,Kyrgyz Republic,https://un.org/a,\n");

  const auto outcome = ReadUnMembers(in, "un.csv", Countries());

  EXPECT_EQ(outcome.rows.size(), 1u);
  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("un.csv:3:1: iso3: duplicate 'KGZ' (first on line 2)"));
}

TEST(CountryNameOverridesReaderTest, ReadsRussianAndKyrgyzNames) {
  std::istringstream in(
      "iso3,lang,name,source_url,notes\nTUR,ru,Турция,https://mid.ru/a,\n"
      "TUR,ky,Түркия,https://mfa.kg/a,\n");

  const auto outcome = ReadCountryNameOverrides(in, "overrides.csv", Countries());

  ASSERT_TRUE(outcome.ok());
  ASSERT_EQ(outcome.rows.size(), 2u);
  EXPECT_EQ(outcome.rows[0].language, Language::kRussian);
  EXPECT_EQ(outcome.rows[1].language, Language::kKyrgyz);
  EXPECT_EQ(outcome.rows[1].name, "Түркия");
}

TEST(CountryNameOverridesReaderTest, ReportsEnglishAndRepeatedOverrides) {
  std::istringstream in(
      "iso3,lang,name,source_url,notes\nTUR,en,Turkey,https://a.org/a,\n"
      "TUR,ru,Турция,https://mid.ru/a,\nTUR,ru,Турецкая Республика,https://mid.ru/b,\n");

  const auto outcome = ReadCountryNameOverrides(in, "overrides.csv", Countries());

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("overrides.csv:2:5: lang: unknown language 'en' (expected ru or ky)",
                          "overrides.csv:4:5: lang: duplicate 'TUR in ru' (first on line 3)"));
}

TEST(CountryAliasesReaderTest, ReportsAnAliasThatNamesTwoCountries) {
  std::istringstream in(
      "iso3,alias,lang,source_url,notes\nTUR,Turkey,en,https://a.org/a,\n"
      "COG,Congo,en,https://a.org/a,\nCOD,congo,en,https://a.org/a,\n");

  const auto outcome = ReadCountryAliases(in, "aliases.csv", Countries());

  EXPECT_EQ(outcome.rows.size(), 2u);
  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("aliases.csv:4:5: alias: duplicate 'congo' (first on line 3)"));
}

TEST(CountryAliasesReaderTest, AcceptsOneSpellingInTwoLanguagesForOneCountry) {
  std::istringstream in(
      "iso3,alias,lang,source_url,notes\nSWZ,Свазиленд,ru,https://a.org/a,\n"
      "SWZ,Свазиленд,ky,https://a.org/b,\n");

  const auto outcome = ReadCountryAliases(in, "aliases.csv", internal::Known({"SWZ"}));

  EXPECT_TRUE(outcome.ok());
  EXPECT_EQ(outcome.rows.size(), 2u);
}

TEST(CountryNameOverridesReaderTest, ReadsTheOptionalReplacesColumn) {
  std::istringstream in(
      "iso3,lang,name,source_url,notes,replaces\nCOD,ky,Конго-Киншаса,https://a.org/a,,Конго Республикасы\n");

  const auto outcome = ReadCountryNameOverrides(in, "overrides.csv", internal::Known({"COD"}));

  ASSERT_TRUE(outcome.ok());
  ASSERT_EQ(outcome.rows.size(), 1u);
  EXPECT_EQ(outcome.rows[0].replaces, "Конго Республикасы");
}

}  // namespace
}  // namespace ordo::ingest
