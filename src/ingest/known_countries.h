#pragma once
// KnownCountries: the ISO 3166-1 alpha-3 codes a reader accepts. Readers report any other code as
// "unknown ISO 3166-1 alpha-3 code".

#include <set>

#include "core/ids.h"

namespace ordo::ingest {

using KnownCountries = std::set<CountryCode>;

}  // namespace ordo::ingest
