#pragma once
// ReadSeizures: the reader for Ordo's seizure CSV (docs/formats.md, "Seizures"). It streams the
// file record by record, validates every field and reports each problem as file:line:column with
// the column's name, like the registry readers.

#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

#include "core/partial_date.h"
#include "core/seizure.h"
#include "ingest/known_countries.h"
#include "ingest/read_outcome.h"

namespace ordo::ingest {

struct SeizureReadOptions {
  // The mass of one tablet, for rows in unit "tablets"; without it such rows are problems.
  std::optional<double> tablet_mass_mg;
  // Dates that begin after this day are problems ("in the future"); empty: no check.
  std::optional<PartialDate> today;
};

// Called with each valid row and the line it starts on.
using SeizureRowSink = std::function<void(Seizure&& seizure, int line)>;

// Reads the CSV from `in`, hands each valid row to `sink` as soon as it is read (so a caller that
// does not keep rows holds one record at a time) and returns every problem. Columns are mapped by
// header name; seizure_id, date, country_iso3, drug, quantity, unit and synthetic are required, the
// others may be left out. Problems: a missing or malformed required value; an unknown drug name or
// unit; a negative quantity; tablets without options.tablet_mass_mg; lat outside -90..90 or lon
// outside -180..180, or only one of them; a date after options.today; an unknown country code in
// any country column; an unknown conveyance; synthetic not true/false; a non-synthetic row without
// a source; a seizure_id seen earlier in the file. A row with a problem is not handed on. Not
// thread-safe; `in` must outlive the call.
std::vector<Diagnostic> ReadSeizures(std::istream& in, std::string_view file_name,
                                     const KnownCountries& known, const SeizureReadOptions& options,
                                     const SeizureRowSink& sink);

// The same, collecting the rows.
ReadOutcome<Seizure> ReadSeizures(std::istream& in, std::string_view file_name,
                                  const KnownCountries& known, const SeizureReadOptions& options);
ReadOutcome<Seizure> ReadSeizures(const std::string& path, const KnownCountries& known,
                                  const SeizureReadOptions& options);

}  // namespace ordo::ingest
