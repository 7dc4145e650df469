#pragma once
// Distances on the Earth modelled as a sphere: the haversine great-circle distance, and an
// equirectangular projection that maps a region onto a plane in kilometres so that grids and
// kernels can work with Euclidean distances.

namespace ordo::geo {

// IUGG mean Earth radius (R1), the usual radius for spherical distances.
inline constexpr double kEarthRadiusKm = 6371.0;

// A position in decimal degrees: latitude in [-90, 90], longitude in [-180, 180].
struct LatLon {
  double lat_deg = 0.0;
  double lon_deg = 0.0;
};

// A position on a projected plane, in kilometres east (x) and north (y) of the plane's origin.
struct PlanarPoint {
  double x_km = 0.0;
  double y_km = 0.0;
};

// Great-circle distance in km between `a` and `b` on a sphere of radius kEarthRadiusKm (haversine
// formula: exact to rounding for nearby points, to about a metre for nearly antipodal ones). The
// sphere differs from the WGS 84 ellipsoid by up to about 0.5%. Pure; thread-safe. Inputs are not
// validated: non-finite coordinates give a non-finite result.
double HaversineKm(LatLon a, LatLon b);

// Equirectangular (plate carree) projection around a reference latitude phi0:
//   x = R cos(phi0) (lon - lon_origin),  y = R (lat - lat_origin)   (angles in radians).
// Distances on the plane are within about 1% of great-circle distances for regions a few hundred km
// across whose latitudes stay within a few degrees of phi0; use it for such regions, not for
// continents. Longitudes are not wrapped at the antimeridian. Immutable; thread-safe.
class EquirectangularProjection {
 public:
  // `origin` maps to (0, 0); `reference_lat_deg` is the latitude whose scale is kept exact.
  EquirectangularProjection(LatLon origin, double reference_lat_deg);

  PlanarPoint Project(LatLon point) const;
  LatLon Unproject(PlanarPoint point) const;

  // Kilometres per degree of longitude at the reference latitude.
  double KmPerDegreeLon() const { return km_per_deg_lon_; }
  // Kilometres per degree of latitude (the same everywhere on the sphere).
  double KmPerDegreeLat() const { return km_per_deg_lat_; }

 private:
  LatLon origin_;
  double km_per_deg_lon_;
  double km_per_deg_lat_;
};

}  // namespace ordo::geo
