#pragma once
// ReadCultivation: the reader for Ordo's cultivation and eradication CSV (docs/formats.md,
// "Cultivation and eradication"). It validates every field and reports each problem as
// file:line:column with the column's name, like the seizure reader.

#include <istream>
#include <optional>
#include <string>
#include <string_view>

#include "core/cultivation_record.h"
#include "ingest/known_countries.h"
#include "ingest/read_outcome.h"

namespace ordo::ingest {

struct CultivationReadOptions {
  // Years after this one are problems ("in the future"); empty: no check.
  std::optional<int> current_year;
};

// Reads the CSV from `in` and returns the valid rows with their lines and every problem. Columns
// are mapped by header name; year, country_iso3, crop, kind, hectares and synthetic are required,
// region, source and note may be left out. Problems: a missing or malformed required value; an
// unknown crop or kind; negative hectares; a year after options.current_year; a country not in
// `known`; synthetic not true/false; a real (synthetic=false) row without a source; a row with
// the same key (core/cultivation_record.h) as an earlier row. A row with a problem is not
// returned. Not thread-safe; `in` must outlive the call.
ReadOutcome<CultivationRecord> ReadCultivation(std::istream& in, std::string_view file_name,
                                               const KnownCountries& known,
                                               const CultivationReadOptions& options);
ReadOutcome<CultivationRecord> ReadCultivation(const std::string& path, const KnownCountries& known,
                                               const CultivationReadOptions& options);

}  // namespace ordo::ingest
