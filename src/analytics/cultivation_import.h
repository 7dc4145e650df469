#pragma once
// Imports one cultivation and eradication CSV (docs/formats.md, "Cultivation and eradication")
// into a NarcoticsRecordStore: read and validate every row, check keys against the stored
// records, and append all rows in one write, or nothing.

#include <cstddef>
#include <string>
#include <vector>

#include "ingest/cultivation_reader.h"
#include "ingest/diagnostic.h"
#include "storage/narcotics_record_store.h"
#include "storage/registry_store.h"

namespace ordo::analytics {

struct CultivationImportOutcome {
  std::size_t rows_written = 0;
  std::size_t synthetic_rows = 0;            // of rows_written
  std::vector<ingest::Diagnostic> problems;  // non-empty means nothing was written
};

// Reads `path` with ReadCultivation (countries known to `registry`; `options` as there) and
// appends the rows to `records`. A row whose key is already stored is a problem at its line.
// Problems come back sorted by position. Errors: kFailedPrecondition when `registry` holds no
// countries (a database without reference data), and store errors (kUnavailable, ...) as they
// come.
Result<CultivationImportOutcome> ImportCultivationFile(
    storage::RegistryStore& registry, storage::NarcoticsRecordStore& records,
    const std::string& path, const ingest::CultivationReadOptions& options);

}  // namespace ordo::analytics
