#pragma once
// ReadPrices: the reader for Ordo's drug price and purity CSV (docs/formats.md, "Drug prices and
// purity"). It validates every field and reports each problem as file:line:column with the
// column's name, like the seizure reader.

#include <istream>
#include <optional>
#include <string>
#include <string_view>

#include "core/partial_date.h"
#include "core/price_record.h"
#include "ingest/known_countries.h"
#include "ingest/read_outcome.h"

namespace ordo::ingest {

struct PriceReadOptions {
  // Dates that begin after this day are problems ("in the future"); empty: no check.
  std::optional<PartialDate> today;
};

// Reads the CSV from `in` and returns the valid rows with their lines and every problem. Columns
// are mapped by header name; date, country_iso3, drug, level, price, per, currency and synthetic
// are required, place, purity_percent and source may be left out. Problems: a missing or
// malformed required value; an unknown drug (core/drug.h vocabulary), level or price unit; a
// negative price; a currency that is not three capital letters; purity outside 0..100; a date
// after options.today; a country not in `known`; synthetic not true/false; a real
// (synthetic=false) row without a source; a row with the same key (core/price_record.h) as an
// earlier row. A row with a problem is not returned. Not thread-safe; `in` must outlive the call.
ReadOutcome<PriceRecord> ReadPrices(std::istream& in, std::string_view file_name,
                                    const KnownCountries& known, const PriceReadOptions& options);
ReadOutcome<PriceRecord> ReadPrices(const std::string& path, const KnownCountries& known,
                                    const PriceReadOptions& options);

}  // namespace ordo::ingest
