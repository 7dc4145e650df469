#include "ingest/reference_readers.h"

#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/internal/test_support.h"

namespace ordo::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::StartsWith;

ReadOutcome<Country> Read(const std::string& json) {
  std::istringstream in(json);
  return ReadIsoCodesCountries(in, "iso.json");
}

TEST(IsoCodesReaderTest, ReadsTheDebianFile) {
  const auto outcome = ReadIsoCodesCountries(internal::IsoCodesJsonPath());

  ASSERT_TRUE(outcome.ok()) << outcome.problems[0].ToString();
  EXPECT_EQ(outcome.rows.size(), 249u);
  EXPECT_EQ(outcome.row_lines.size(), outcome.rows.size());
  const KnownCountries known = KnownCountriesOf(outcome.rows);
  EXPECT_EQ(known.count(*CountryCode::Parse("KGZ")), 1u);
  EXPECT_EQ(known.count(*CountryCode::Parse("XKX")), 0u);
}

TEST(IsoCodesReaderTest, FillsNamesAndCodes) {
  const auto outcome = Read(
      R"({"3166-1": [{"alpha_2": "TR", "alpha_3": "TUR", "flag": "x", "name": "Türkiye",)"
      R"( "numeric": "792", "official_name": "Republic of Türkiye", "common_name": "Turkey"}]})");

  ASSERT_TRUE(outcome.ok());
  const Country& country = outcome.rows[0];
  EXPECT_EQ(country.iso3.str(), "TUR");
  EXPECT_EQ(country.iso2, "TR");
  EXPECT_EQ(country.numeric, "792");
  EXPECT_EQ(country.name_en, "Türkiye");
  EXPECT_EQ(country.official_name_en, "Republic of Türkiye");
  EXPECT_EQ(country.common_name_en, "Turkey");
}

TEST(IsoCodesReaderTest, ReportsInvalidJsonAsAFileProblem) {
  const auto outcome = Read(R"({"3166-1": [)");

  ASSERT_EQ(outcome.problems.size(), 1u);
  EXPECT_EQ(outcome.problems[0].line, 0);
  EXPECT_THAT(outcome.problems[0].ToString(), StartsWith("iso.json: invalid JSON: "));
  EXPECT_TRUE(outcome.rows.empty());
}

TEST(IsoCodesReaderTest, ReportsEntriesWithoutValidCodes) {
  const auto outcome = Read(
      R"({"3166-1": [{"alpha_2": "KG", "alpha_3": "KGZ", "name": "Kyrgyzstan", "numeric": "417"},)"
      R"( {"alpha_2": "XX", "name": "Nowhere", "numeric": "999"}, 7,)"
      R"( {"alpha_2": "KG", "alpha_3": "KGZ", "name": "Again", "numeric": "417"}]})");

  EXPECT_EQ(outcome.rows.size(), 1u);
  EXPECT_THAT(
      internal::ProblemTexts(outcome.problems),
      ElementsAre("iso.json: entry 2 of \"3166-1\": alpha_3 '' is not three capital letters",
                  "iso.json: entry 3 of \"3166-1\": not an object",
                  "iso.json: entry 4 of \"3166-1\": duplicate alpha_3 'KGZ'"));
}

TEST(IsoCodesReaderTest, ReportsAMissingCountryList) {
  const auto outcome = Read(R"({"3166-2": []})");

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("iso.json: expected an object with a \"3166-1\" array"));
}

}  // namespace
}  // namespace ordo::ingest
