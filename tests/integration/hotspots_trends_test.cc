// `ordo hotspots` and `ordo trends` end to end: simulated seizures are imported
// into a fresh database, and the top Gi* cell must lie near one of the places
// the simulator's truth file says it planted as a hotspot.

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <numbers>
#include <string>
#include <utility>

#include "ordo_runner.h"

namespace ordo::testing {
namespace {

double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kEarthRadiusKm = 6371.0088;
  const auto radians = [](double degrees) { return degrees * std::numbers::pi / 180.0; };
  const double dlat = radians(lat2 - lat1);
  const double dlon = radians(lon2 - lon1);
  const double a =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(radians(lat1)) * std::cos(radians(lat2)) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::sqrt(a));
}

class HotspotsTrendsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string dir = MakeTempDir();
    db_ = new std::string(dir + "/ordo.db");
    csv_ = new std::string(dir + "/sim.csv");
    ASSERT_EQ(RunOrdo({"simulate", "--count", "5000", "--seed", "7", "--out", *csv_}).exit_code, 0);
    ASSERT_EQ(RunOrdo({"--db", *db_, "init"}).exit_code, 0);
    RunResult imported = RunOrdo({"--db", *db_, "seizures", "import", *csv_});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
  }
  static void TearDownTestSuite() {
    delete db_;
    delete csv_;
  }

  static std::string *db_;
  static std::string *csv_;
};

std::string *HotspotsTrendsTest::db_ = nullptr;
std::string *HotspotsTrendsTest::csv_ = nullptr;

// A planted hotspot multiplies how many records fall at a place, not their mass, so the check
// weights by count; by kg, Bishkek (on both corridors, with large consignments) comes first.
TEST_F(HotspotsTrendsTest, TopCellByCountLiesNearAPlantedHotspot) {
  const nlohmann::json truth = nlohmann::json::parse(ReadFile(*csv_ + ".truth.json"));
  std::map<std::string, std::pair<double, double>> places;
  for (const nlohmann::json &corridor : truth["corridors"]) {
    for (const nlohmann::json &place : corridor["places"]) {
      places[place["name"]] = {place["lat"].get<double>(), place["lon"].get<double>()};
    }
  }

  RunResult result =
      RunOrdo({"--db", *db_, "--format", "json", "hotspots", "--weight", "count", "--top", "5"});

  ASSERT_EQ(result.exit_code, 0) << result.err;
  const nlohmann::json cells = nlohmann::json::parse(result.out);
  ASSERT_FALSE(cells.empty());
  const double lat = cells[0]["lat"].get<double>();
  const double lon = cells[0]["lon"].get<double>();
  EXPECT_GT(cells[0]["z"].get<double>(), 3.0);
  double nearest_km = 1e9;
  std::string nearest;
  for (const nlohmann::json &hotspot : truth["hotspots"]) {
    const std::string name = hotspot["place"];
    ASSERT_EQ(places.count(name), 1U) << name;
    const double km = HaversineKm(lat, lon, places[name].first, places[name].second);
    if (km < nearest_km) {
      nearest_km = km;
      nearest = name;
    }
  }
  EXPECT_LT(nearest_km, 30.0) << "top cell " << lat << ", " << lon << " is nearest to " << nearest;
}

TEST_F(HotspotsTrendsTest, TrendsAnswersWithMonthlySeries) {
  RunResult result = RunOrdo({"--db", *db_, "--format", "json", "trends", "--by", "drug"});

  ASSERT_EQ(result.exit_code, 0) << result.err;
  const nlohmann::json trends = nlohmann::json::parse(result.out);
  ASSERT_TRUE(trends.contains("months"));
  ASSERT_FALSE(trends["months"].empty());
  std::int64_t total = 0;
  for (const nlohmann::json &month : trends["months"]) total += month["count"].get<std::int64_t>();
  for (const nlohmann::json &year : trends["year_only"]) total += year["count"].get<std::int64_t>();
  EXPECT_EQ(total, 5000);
}

}  // namespace
}  // namespace ordo::testing
