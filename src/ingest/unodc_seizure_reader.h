#pragma once
// ReadUnodcSeizures: the reader for UNODC individual-drug-seizure style CSV files (the IDS data
// behind the UNODC Drugs Monitoring Platform; docs/formats.md, "UNODC individual seizure files").
// Countries come as names and drugs as UNODC spellings; the reader maps them onto Ordo's codes and
// vocabulary and reports what it cannot map as file:line:column problems, like ReadSeizures.

#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.h"
#include "core/partial_date.h"
#include "core/result.h"
#include "ingest/diagnostic.h"
#include "ingest/seizure_reader.h"

namespace ordo::ingest {

// Resolves a country as a UNODC file writes it ("Kyrgyzstan", "Viet Nam", "KGZ") to its ISO
// 3166-1 alpha-3 code. An error's message is shown to the user after the column name. The CLI
// passes analytics::CountryDirectory::Resolve, which knows the names and aliases in the database.
using CountryResolver = std::function<Result<CountryCode>(std::string_view text)>;

struct UnodcReadOptions {
  // The mass of one tablet, for rows in tablets; without it such rows are problems.
  std::optional<double> tablet_mass_mg;
  // Dates that begin after this day are problems ("in the future"); empty: no check.
  std::optional<PartialDate> today;
  // Where the file comes from (a URL or a citation); copied into every row's `source`. Required:
  // an empty source makes every row a problem, since the rows are real (synthetic = false).
  std::string source;
  // The name ids are derived from for rows without SEIZURE_ID: "unodc:<id_file_name>:<line>".
  // Empty: the last path component of the file name given to the reader.
  std::string id_file_name;
};

// Reads the CSV from `in` and hands each valid row to `sink` with the line it starts on. Columns
// are matched by header name (exact, upper case): COUNTRY_OF_SEIZURE, DRUG_NAME, AMOUNT_OF_DRUG,
// DRUG_UNIT and SEIZURE_DATE are required; SEIZURE_ID, PLACE_OF_SEIZURE, LATITUDE, LONGITUDE,
// PRODUCING_COUNTRY, DEPARTURE_COUNTRY and DESTINATION_COUNTRY are read when present; every other
// column (REGION_OF_SEIZURE, SUBREGION_OF_SEIZURE, ...) is ignored. Ignoring needs the header read
// twice, so `in` must be seekable (files and string streams are); otherwise other columns are
// problems ("unknown column").
//
// Mapping: countries through `resolve` ("Unknown", "Other" and empty leave an optional country
// empty; COUNTRY_OF_SEIZURE must resolve); drugs through ParseDrug (an unknown or ambiguous name
// is a problem); DRUG_UNIT is kg, g, mg, t, l, ml or tablets, spelled out or not, in any case
// ("Kilogram", "litres"); other units are problems. Rows are real data: synthetic = false and
// source = options.source. Problems otherwise as ReadSeizures: a missing or malformed required
// value, a negative amount, tablets without a mass, coordinates out of range or only one of them,
// a date after options.today, a SEIZURE_ID seen earlier in the file. Not thread-safe.
std::vector<Diagnostic> ReadUnodcSeizures(std::istream& in, std::string_view file_name,
                                          const CountryResolver& resolve,
                                          const UnodcReadOptions& options,
                                          const SeizureRowSink& sink);

// The id given to a row without SEIZURE_ID: "unodc:" + file + ":" + line.
std::string DerivedUnodcSeizureId(std::string_view id_file_name, int line);

}  // namespace ordo::ingest
