#include "analytics/hotspot_report.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "analytics/testing/seizure_store_fixture.h"

namespace ordo::analytics {
namespace {

Seizure Located(std::string id, double lat, double lon, double kg) {
  Seizure seizure;
  seizure.seizure_id = std::move(id);
  seizure.date = PartialDate::Parse("2024-03-01").value();
  seizure.country = CountryCode::Parse("KGZ").value();
  seizure.drug = Drug::kHeroin;
  seizure.quantity = kg;
  seizure.quantity_kg = kg;
  seizure.lat = lat;
  seizure.lon = lon;
  seizure.source = "https://example.org";
  return seizure;
}

class HotspotReportTest : public testing::SeizureStoreTest {
 protected:
  // A 4 x 4 degree spread of single small seizures with 30 large ones planted
  // near Osh.
  void PlantClusterNearOsh() {
    std::vector<Seizure> rows;
    int next = 0;
    for (int lat_step = 0; lat_step < 9; ++lat_step) {
      for (int lon_step = 0; lon_step < 9; ++lon_step) {
        rows.push_back(Located("B" + std::to_string(next++), 39.0 + 0.5 * lat_step,
                               70.0 + 0.5 * lon_step, 1.0));
      }
    }
    for (int index = 0; index < 30; ++index) {
      rows.push_back(Located("H" + std::to_string(index), 40.53 + 0.01 * (index % 5),
                             72.8 + 0.01 * (index / 5), 50.0));
    }
    ASSERT_TRUE(seizures_.AppendSeizures(rows).has_value());
  }

};

TEST_F(HotspotReportTest, PlantedClusterIsTheTopCell) {
  PlantClusterNearOsh();

  Result<HotspotReport> report = ComputeHotspots(seizures_, {});

  ASSERT_TRUE(report.has_value()) << report.error().message();
  ASSERT_FALSE(report->cells.empty());
  const HotspotCell &top = report->cells.front();
  EXPECT_NEAR(top.centre_lat_deg, 40.55, 0.15);
  EXPECT_NEAR(top.centre_lon_deg, 72.83, 0.2);
  EXPECT_GT(top.z, 3.0);
  EXPECT_LT(top.p, 0.01);
  EXPECT_EQ(report->rows_matched, 81u + 30u);
  // The planted 1,500 kg lie within 3 km of each other: the kernel (radius = the 20 km band)
  // gives the top cell a density of the order of 1,500 kg spread over the kernel's disc.
  const double disc_km2 = 3.14159 * 20.0 * 20.0;
  EXPECT_GT(top.density, 0.5 * 1500.0 / disc_km2);
  EXPECT_LT(top.density, 3.0 * (1500.0 + 81.0) / disc_km2);  // the quartic peak, 3 / (pi h^2)
  for (const HotspotCell &cell : report->cells) EXPECT_GE(cell.density, 0.0);
}

TEST_F(HotspotReportTest, CellsAreSortedByZAndTopLimitsThem) {
  PlantClusterNearOsh();
  HotspotOptions options;
  options.top = 5;
  options.weight = HotspotWeight::kCount;

  Result<HotspotReport> report = ComputeHotspots(seizures_, options);

  ASSERT_TRUE(report.has_value()) << report.error().message();
  ASSERT_EQ(report->cells.size(), 5u);
  for (std::size_t index = 1; index < report->cells.size(); ++index) {
    EXPECT_GE(report->cells[index - 1].z, report->cells[index].z);
  }
}

TEST_F(HotspotReportTest, RowsWithoutCoordinatesAreCountedNotScored) {
  Seizure unplaced = Located("U", 0, 0, 5);
  unplaced.lat.reset();
  unplaced.lon.reset();
  ASSERT_TRUE(
      seizures_.AppendSeizures({unplaced, Located("A", 40.5, 72.8, 1), Located("B", 42.8, 73.8, 9)})
          .has_value());

  Result<HotspotReport> report = ComputeHotspots(seizures_, {});

  ASSERT_TRUE(report.has_value()) << report.error().message();
  EXPECT_EQ(report->rows_matched, 3u);
  EXPECT_EQ(report->rows_without_coordinates, 1u);
  std::size_t scored = 0;
  for (const HotspotCell &cell : report->cells) scored += cell.seizures;
  EXPECT_EQ(scored, 2u);
}

TEST_F(HotspotReportTest, NoCoordinatesGivesNoCells) {
  Seizure unplaced = Located("U", 0, 0, 5);
  unplaced.lat.reset();
  unplaced.lon.reset();
  ASSERT_TRUE(seizures_.AppendSeizures({unplaced}).has_value());

  Result<HotspotReport> report = ComputeHotspots(seizures_, {});

  ASSERT_TRUE(report.has_value());
  EXPECT_TRUE(report->cells.empty());
  EXPECT_EQ(report->rows_without_coordinates, 1u);
}

}  // namespace
}  // namespace ordo::analytics
