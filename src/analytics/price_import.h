#pragma once
// Imports one drug price and purity CSV (docs/formats.md, "Drug prices and purity") into a
// NarcoticsRecordStore: read and validate every row, check keys against the stored records, and
// append all rows in one write, or nothing.

#include <cstddef>
#include <string>
#include <vector>

#include "ingest/diagnostic.h"
#include "ingest/price_reader.h"
#include "storage/narcotics_record_store.h"
#include "storage/registry_store.h"

namespace ordo::analytics {

struct PriceImportOutcome {
  std::size_t rows_written = 0;
  std::size_t synthetic_rows = 0;            // of rows_written
  std::vector<ingest::Diagnostic> problems;  // non-empty means nothing was written
};

// Reads `path` with ReadPrices (countries known to `registry`; `options` as there) and appends
// the rows to `records`. A row whose key is already stored is a problem at its line. Problems
// come back sorted by position. Errors: kFailedPrecondition when `registry` holds no countries,
// and store errors (kUnavailable, ...) as they come.
Result<PriceImportOutcome> ImportPriceFile(storage::RegistryStore& registry,
                                           storage::NarcoticsRecordStore& records,
                                           const std::string& path,
                                           const ingest::PriceReadOptions& options);

}  // namespace ordo::analytics
