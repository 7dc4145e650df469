#pragma once
// Parsers for single CSV field values: integers, decimal numbers, ISO 3166-1 alpha-3 codes and
// source URLs. They reject what a hand-edited file typically gets wrong (spaces around numbers,
// NaN, values out of range) with a message that quotes the text; CsvTable prefixes it with the
// column name.

#include <cstdint>
#include <string_view>

#include "core/ids.h"
#include "core/result.h"
#include "ingest/known_countries.h"

namespace ordo::ingest::internal {

// A base-10 integer (optional '-', digits only, no spaces or '+') within [min, max].
// kInvalidArgument otherwise, e.g. "'-5' is negative; expected a non-negative integer".
Result<std::int64_t> ParseInteger(std::string_view text, std::int64_t min, std::int64_t max);

// A finite decimal number ("12", "-3.5", "1e3") within [min, max]; NaN and infinities are rejected.
Result<double> ParseNumber(std::string_view text, double min, double max);

// An alpha-3 code that is in `known`: "unknown ISO 3166-1 alpha-3 code 'XXX'" otherwise.
Result<CountryCode> ParseKnownCountry(std::string_view text, const KnownCountries& known);

// An http:// or https:// URL without spaces.
Status CheckUrl(std::string_view text);

}  // namespace ordo::ingest::internal
