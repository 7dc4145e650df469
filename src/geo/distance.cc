#include "geo/distance.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ordo::geo {
namespace {

constexpr double kRadiansPerDegree = std::numbers::pi / 180.0;

}  // namespace

double HaversineKm(LatLon a, LatLon b) {
  const double lat_a = a.lat_deg * kRadiansPerDegree;
  const double lat_b = b.lat_deg * kRadiansPerDegree;
  const double half_dlat = (lat_b - lat_a) / 2.0;
  const double half_dlon = (b.lon_deg - a.lon_deg) * kRadiansPerDegree / 2.0;
  const double h = std::sin(half_dlat) * std::sin(half_dlat) +
                   std::cos(lat_a) * std::cos(lat_b) * std::sin(half_dlon) * std::sin(half_dlon);
  // atan2 rather than asin(sqrt(h)): asin loses digits as h nears 1 (nearly antipodal points), and
  // the clamp keeps rounding from pushing h past 1.
  const double clamped = std::min(1.0, h);
  return 2.0 * kEarthRadiusKm * std::atan2(std::sqrt(clamped), std::sqrt(1.0 - clamped));
}

EquirectangularProjection::EquirectangularProjection(LatLon origin, double reference_lat_deg)
    : origin_(origin),
      km_per_deg_lon_(kEarthRadiusKm * kRadiansPerDegree *
                      std::cos(reference_lat_deg * kRadiansPerDegree)),
      km_per_deg_lat_(kEarthRadiusKm * kRadiansPerDegree) {}

PlanarPoint EquirectangularProjection::Project(LatLon point) const {
  return PlanarPoint{(point.lon_deg - origin_.lon_deg) * km_per_deg_lon_,
                     (point.lat_deg - origin_.lat_deg) * km_per_deg_lat_};
}

LatLon EquirectangularProjection::Unproject(PlanarPoint point) const {
  return LatLon{origin_.lat_deg + point.y_km / km_per_deg_lat_,
                origin_.lon_deg + point.x_km / km_per_deg_lon_};
}

}  // namespace ordo::geo
