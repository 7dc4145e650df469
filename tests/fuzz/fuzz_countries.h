#pragma once
// The country table the fuzz targets check codes against: Debian iso-codes' ISO 3166-1 list, read
// once (the path comes from the build, ORDO_FUZZ_ISO_CODES_JSON). Store-free, like the readers.

#include <string_view>
#include <vector>

#include "core/country.h"
#include "core/result.h"
#include "ingest/known_countries.h"

namespace ordo::fuzz {

// Every ISO 3166-1 code; aborts when iso-codes cannot be read (the target would test nothing).
const ingest::KnownCountries& KnownCountries();

// A UNODC-style resolver over the same list: an alpha-3 code or an English name (ASCII case
// ignored); kNotFound otherwise.
Result<CountryCode> ResolveCountry(std::string_view text);

}  // namespace ordo::fuzz
