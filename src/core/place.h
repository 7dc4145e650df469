#pragma once
// Place: a city, region, border crossing or airport named in drug-trade facts, with coordinates
// only where a source gives them.

#include <optional>
#include <string>

#include "core/ids.h"

namespace ordo {

struct Place {
  std::string name;
  std::string kind;  // city, region, border crossing, airport, road...
  CountryCode country;
  std::optional<double> lat;  // WGS84 decimal degrees; empty when unknown
  std::optional<double> lon;
  std::string source_url;
  std::string notes;
};

}  // namespace ordo
