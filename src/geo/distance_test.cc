#include "geo/distance.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace ordo::geo {
namespace {

// City coordinates from the Wikipedia infoboxes: Bishkek 42°52′29″N 74°36′44″E
// (en.wikipedia.org/wiki/Bishkek?oldid=794640912), Osh 40°31′48″N 72°48′0″E (the Osh article,
// mirrored at piglix.com/piglix/Osh).
constexpr LatLon kBishkek{42.87472, 74.61222};
constexpr LatLon kOsh{40.53, 72.80};

// Spherical law of cosines: a second, independent great-circle formula, fine for these distances.
double LawOfCosinesKm(LatLon a, LatLon b) {
  const double to_rad = std::numbers::pi / 180.0;
  const double cos_angle = std::sin(a.lat_deg * to_rad) * std::sin(b.lat_deg * to_rad) +
                           std::cos(a.lat_deg * to_rad) * std::cos(b.lat_deg * to_rad) *
                               std::cos((b.lon_deg - a.lon_deg) * to_rad);
  return kEarthRadiusKm * std::acos(cos_angle);
}

TEST(HaversineTest, MatchesThePublishedNashvilleToLosAngelesExample) {
  // Rosetta Code, "Haversine formula": BNA (36.12, -86.67) to LAX (33.94, -118.40) is
  // 2886.44444283798... km with R = 6371.0 km.
  const double km = HaversineKm(LatLon{36.12, -86.67}, LatLon{33.94, -118.40});

  EXPECT_NEAR(km, 2886.444442837984, 1e-6);
}

TEST(HaversineTest, BishkekToOshIsAboutThreeHundredKilometres) {
  // No published great-circle figure was found; the law of cosines gives 300.9965 km for the
  // coordinates above, and the road over the passes is about 600 km (visitsilkroadtours.com/
  // osh-city.html), so the straight line must be far shorter.
  const double km = HaversineKm(kBishkek, kOsh);

  EXPECT_NEAR(km, LawOfCosinesKm(kBishkek, kOsh), 1e-6);
  EXPECT_NEAR(km, 300.9965, 1e-3);
  EXPECT_LT(km, 600.0);
}

TEST(HaversineTest, IsSymmetricAndZeroForTheSamePoint) {
  EXPECT_DOUBLE_EQ(HaversineKm(kBishkek, kOsh), HaversineKm(kOsh, kBishkek));
  EXPECT_DOUBLE_EQ(HaversineKm(kOsh, kOsh), 0.0);
}

TEST(HaversineTest, AntipodalPointsAreHalfACircumferenceApart) {
  const double km = HaversineKm(LatLon{10.0, 20.0}, LatLon{-10.0, -160.0});

  // The haversine loses precision near antipodes (h rounds to about 1); a metre is the promise.
  EXPECT_NEAR(km, std::numbers::pi * kEarthRadiusKm, 1e-3);
}

TEST(HaversineTest, OneDegreeOfLatitudeIsAboutOneHundredElevenKilometres) {
  EXPECT_NEAR(HaversineKm(LatLon{41.0, 73.0}, LatLon{42.0, 73.0}), 111.195, 1e-3);
}

TEST(EquirectangularProjectionTest, MapsTheOriginToZeroAndRoundTrips) {
  const EquirectangularProjection projection(kOsh, 41.5);

  const PlanarPoint origin = projection.Project(kOsh);
  const LatLon back = projection.Unproject(projection.Project(kBishkek));

  EXPECT_DOUBLE_EQ(origin.x_km, 0.0);
  EXPECT_DOUBLE_EQ(origin.y_km, 0.0);
  EXPECT_NEAR(back.lat_deg, kBishkek.lat_deg, 1e-12);
  EXPECT_NEAR(back.lon_deg, kBishkek.lon_deg, 1e-12);
}

TEST(EquirectangularProjectionTest, ShrinksLongitudeByTheCosineOfTheReferenceLatitude) {
  const EquirectangularProjection projection(LatLon{60.0, 0.0}, 60.0);

  EXPECT_NEAR(projection.KmPerDegreeLon(), projection.KmPerDegreeLat() / 2.0, 1e-9);
  EXPECT_NEAR(projection.Project(LatLon{60.0, 1.0}).x_km, 55.5975, 1e-3);
}

TEST(EquirectangularProjectionTest, PlanarDistancesStayCloseToGreatCircleDistancesRegionally) {
  // Bishkek to Osh spans 2.3 degrees of latitude; around the middle latitude the plane is off by
  // well under 1%.
  const EquirectangularProjection projection(kOsh, (kOsh.lat_deg + kBishkek.lat_deg) / 2.0);
  const PlanarPoint b = projection.Project(kBishkek);

  const double planar_km = std::hypot(b.x_km, b.y_km);

  EXPECT_NEAR(planar_km / HaversineKm(kOsh, kBishkek), 1.0, 0.005);
}

}  // namespace
}  // namespace ordo::geo
