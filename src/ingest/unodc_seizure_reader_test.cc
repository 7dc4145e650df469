#include "ingest/unodc_seizure_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>

#include "ingest/internal/test_support.h"

namespace ordo::ingest {
namespace {

using ::testing::ElementsAre;

constexpr char kHeader[] =
    "SEIZURE_DATE,COUNTRY_OF_SEIZURE,REGION_OF_SEIZURE,DRUG_NAME,AMOUNT_OF_DRUG,DRUG_UNIT,"
    "PRODUCING_COUNTRY,DEPARTURE_COUNTRY,DESTINATION_COUNTRY\n";

// A stand-in for the country directory: a few names and codes.
Result<CountryCode> Resolve(std::string_view text) {
  static const std::map<std::string, std::string, std::less<>> kNames = {
      {"Kyrgyzstan", "KGZ"}, {"Tajikistan", "TJK"},         {"Afghanistan", "AFG"},
      {"KAZ", "KAZ"},        {"Russian Federation", "RUS"}, {"Kazakhstan", "KAZ"}};
  auto it = kNames.find(text);
  if (it == kNames.end()) return NotFound("no country matches '" + std::string(text) + "'");
  return CountryCode::Parse(it->second);
}

struct Read {
  std::vector<Seizure> rows;
  std::vector<int> lines;
  std::vector<std::string> problems;
};

Read ReadText(const std::string& text, UnodcReadOptions options = {}) {
  if (!options.today) options.today = PartialDate::Parse("2025-06-30").value();
  if (options.source.empty()) options.source = "https://example.org/unodc-test";
  std::istringstream in(text);
  Read read;
  read.problems = internal::ProblemTexts(
      ReadUnodcSeizures(in, "dir/ids.csv", Resolve, options, [&](Seizure&& seizure, int line) {
        read.rows.push_back(std::move(seizure));
        read.lines.push_back(line);
      }));
  return read;
}

TEST(UnodcSeizureReaderTest, MapsNamesUnitsAndCountries) {
  const Read read = ReadText(std::string(kHeader) +
                             "2024-03-17,Kyrgyzstan,Asia,Cannabis resin,1.5,Kilogram,Afghanistan,"
                             "Tajikistan,Russian Federation\n");

  ASSERT_THAT(read.problems, ElementsAre());
  ASSERT_EQ(read.rows.size(), 1u);
  const Seizure& seizure = read.rows[0];
  EXPECT_EQ(seizure.seizure_id, "unodc:ids.csv:2");
  EXPECT_EQ(seizure.country.str(), "KGZ");
  EXPECT_EQ(seizure.drug, Drug::kCannabisResin);
  EXPECT_EQ(seizure.unit, QuantityUnit::kKilogram);
  EXPECT_EQ(*seizure.quantity_kg, 1.5);
  EXPECT_EQ(seizure.origin->str(), "AFG");
  EXPECT_EQ(seizure.departure->str(), "TJK");
  EXPECT_EQ(seizure.destination->str(), "RUS");
  EXPECT_FALSE(seizure.synthetic);
  EXPECT_EQ(seizure.source, "https://example.org/unodc-test");
  EXPECT_THAT(read.lines, ElementsAre(2));
}

TEST(UnodcSeizureReaderTest, UnknownAndOtherLeaveOptionalCountriesEmpty) {
  const Read read = ReadText(std::string(kHeader) + "2024,KAZ,,Heroin,2,kg,Unknown,Other,\n");

  ASSERT_THAT(read.problems, ElementsAre());
  EXPECT_FALSE(read.rows[0].origin.has_value());
  EXPECT_FALSE(read.rows[0].departure.has_value());
  EXPECT_FALSE(read.rows[0].destination.has_value());
}

TEST(UnodcSeizureReaderTest, LitresCountAsKilogramsAndTabletsUseTheMass) {
  UnodcReadOptions options;
  options.tablet_mass_mg = 100;

  const Read read = ReadText(std::string(kHeader) +
                                 "2024,Kyrgyzstan,,Cannabis oil,3,litres,,,\n"
                                 "2024,Kyrgyzstan,,Methamphetamine,2000,Tablets,,,\n",
                             options);

  ASSERT_THAT(read.problems, ElementsAre());
  EXPECT_EQ(*read.rows[0].quantity_kg, 3);
  EXPECT_EQ(read.rows[0].conversion_note, "1 l = 1 kg (UNODC convention)");
  EXPECT_DOUBLE_EQ(*read.rows[1].quantity_kg, 0.2);
}

TEST(UnodcSeizureReaderTest, ReportsWhatItCannotMapWithColumnNames) {
  const Read read = ReadText(std::string(kHeader) +
                             "2024,Narnia,,Amphetamine-type stimulants,5,Units,Atlantis,,\n"
                             "2024,Unknown,,Heroin,-1,kg,,,\n");

  EXPECT_THAT(read.problems,
              ElementsAre("dir/ids.csv:2:6: COUNTRY_OF_SEIZURE: no country matches 'Narnia'",
                          "dir/ids.csv:2:14: DRUG_NAME: unknown drug 'Amphetamine-type "
                          "stimulants'; the UNODC names Ordo maps are listed in docs/formats.md",
                          "dir/ids.csv:2:44: DRUG_UNIT: unit 'Units' cannot be converted to "
                          "kilograms; expected a mass (kg, g, mg, t), a volume (l, ml) or tablets",
                          "dir/ids.csv:2:50: PRODUCING_COUNTRY: no country matches 'Atlantis'",
                          "dir/ids.csv:3:6: COUNTRY_OF_SEIZURE: 'Unknown' is not a country",
                          "dir/ids.csv:3:22: AMOUNT_OF_DRUG: '-1' is negative; expected a "
                          "non-negative number"));
  EXPECT_TRUE(read.rows.empty());
}

TEST(UnodcSeizureReaderTest, KeepsGivenIdsAndReportsDuplicates) {
  const Read read = ReadText(
      "SEIZURE_ID,SEIZURE_DATE,COUNTRY_OF_SEIZURE,DRUG_NAME,AMOUNT_OF_DRUG,DRUG_UNIT\n"
      "A-1,2024,Kyrgyzstan,Opium,1,kg\n"
      "A-1,2024,Kyrgyzstan,Opium,1,kg\n"
      ",2024,Kyrgyzstan,Opium,1,kg\n");

  EXPECT_THAT(read.problems,
              ElementsAre("dir/ids.csv:3:1: SEIZURE_ID: duplicate 'A-1' (first on line 2)"));
  ASSERT_EQ(read.rows.size(), 2u);
  EXPECT_EQ(read.rows[0].seizure_id, "A-1");
  EXPECT_EQ(read.rows[1].seizure_id, "unodc:ids.csv:4");
}

TEST(UnodcSeizureReaderTest, RequiredColumnsAndTheSourceMustBeThere) {
  UnodcReadOptions options;
  options.source = "";
  std::istringstream in("DRUG_NAME\nHeroin\n");
  const auto no_source = internal::ProblemTexts(
      ReadUnodcSeizures(in, "ids.csv", Resolve, options, [](Seizure&&, int) {}));

  const Read no_columns = ReadText("DRUG_NAME,AMOUNT_OF_DRUG,DRUG_UNIT\nHeroin,1,kg\n");

  EXPECT_THAT(no_source, ElementsAre("ids.csv: a UNODC file holds real records and needs its "
                                     "source (--source)"));
  EXPECT_THAT(no_columns.problems,
              ElementsAre("dir/ids.csv:1: missing required column 'SEIZURE_DATE'",
                          "dir/ids.csv:1: missing required column 'COUNTRY_OF_SEIZURE'"));
  EXPECT_TRUE(no_columns.rows.empty());
}

TEST(UnodcSeizureReaderTest, CoordinatesAndFutureDatesAreChecked) {
  const Read read = ReadText(
      "SEIZURE_DATE,COUNTRY_OF_SEIZURE,DRUG_NAME,AMOUNT_OF_DRUG,DRUG_UNIT,PLACE_OF_SEIZURE,"
      "LATITUDE,LONGITUDE\n"
      "2030-01-01,Kyrgyzstan,Heroin,1,kg,Osh,10.5,\n"
      "2024-05,Kyrgyzstan,Heroin,1,kg,Osh,10.5,20.25\n");

  EXPECT_THAT(read.problems,
              ElementsAre("dir/ids.csv:2:1: SEIZURE_DATE: '2030-01-01' is in the future",
                          "dir/ids.csv:2:44: LONGITUDE: LATITUDE and LONGITUDE must both be "
                          "given or both be empty"));
  ASSERT_EQ(read.rows.size(), 1u);
  EXPECT_EQ(read.rows[0].place, "Osh");
  EXPECT_EQ(*read.rows[0].lon, 20.25);
}

}  // namespace
}  // namespace ordo::ingest
