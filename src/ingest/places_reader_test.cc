#include "ingest/registry_readers.h"

#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/internal/test_support.h"

namespace ordo::ingest {
namespace {

using ::testing::ElementsAre;

constexpr char kHeader[] = "name,kind,country_iso3,lat,lon,source_url,notes\n";

ReadOutcome<Place> Read(const std::string& text) {
  std::istringstream in(text);
  return ReadPlaces(in, "places.csv", internal::Known({"KGZ", "TJK"}));
}

TEST(PlacesReaderTest, ReadsPlacesWithAndWithoutCoordinates) {
  const auto outcome = Read(std::string(kHeader) + "Osh,city,KGZ,40.53,72.8,https://w.org/Osh,\n" +
                            "Batken Region,region,KGZ,,,https://w.org/B,No coordinates\n");

  ASSERT_TRUE(outcome.ok());
  ASSERT_EQ(outcome.rows.size(), 2u);
  EXPECT_DOUBLE_EQ(*outcome.rows[0].lat, 40.53);
  EXPECT_DOUBLE_EQ(*outcome.rows[0].lon, 72.8);
  EXPECT_FALSE(outcome.rows[1].lat.has_value());
  EXPECT_FALSE(outcome.rows[1].lon.has_value());
  EXPECT_THAT(outcome.row_lines, ElementsAre(2, 3));
}

TEST(PlacesReaderTest, ReportsLatitudeWithoutLongitude) {
  const auto outcome = Read(std::string(kHeader) + "Osh,city,KGZ,40.53,,https://w.org/Osh,\n");

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("places.csv:2:20: lon: missing value (lat is given; give both or "
                          "neither)"));
}

TEST(PlacesReaderTest, ReportsCoordinatesOutOfRange) {
  const auto outcome = Read(std::string(kHeader) + "Khorog,city,TJK,91,-181,https://w.org/K,\n");

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("places.csv:2:17: lat: '91' is out of range; expected a number from -90 "
                          "to 90",
                          "places.csv:2:20: lon: '-181' is out of range; expected a number from "
                          "-180 to 180"));
}

TEST(PlacesReaderTest, ReportsTheSameNameTwiceInOneFile) {
  const auto outcome = Read(std::string(kHeader) + "Khorog,city,TJK,37.5,71.5,https://w.org/K,\n" +
                            "Khorog,border crossing,TJK,,,https://w.org/K2,\n");

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("places.csv:3:1: name: duplicate 'Khorog' (first on line 2)"));
  EXPECT_EQ(outcome.rows.size(), 1u);
}

}  // namespace
}  // namespace ordo::ingest
