#pragma once
// Imports one seizure CSV (docs/formats.md, "Seizures") into a SeizureStore: read and validate
// every row, check ids against the stored seizures, and append all rows in one write, or nothing.

#include <cstddef>
#include <string>
#include <vector>

#include "ingest/diagnostic.h"
#include "ingest/seizure_reader.h"
#include "storage/registry_store.h"
#include "storage/seizure_store.h"

namespace ordo::analytics {

struct SeizureImportOutcome {
  std::size_t rows_written = 0;
  std::size_t synthetic_rows = 0;            // of rows_written
  std::vector<ingest::Diagnostic> problems;  // non-empty means nothing was written
};

// Reads `path` with ReadSeizures (countries known to `registry`; `options` as there) and appends
// the rows to `seizures`. A seizure_id already stored is a problem at its row's line. Errors:
// kFailedPrecondition when `registry` holds no countries (database without reference data), and
// store errors (kUnavailable, ...) as they come.
Result<SeizureImportOutcome> ImportSeizureFile(storage::RegistryStore& registry,
                                               storage::SeizureStore& seizures,
                                               const std::string& path,
                                               const ingest::SeizureReadOptions& options);

}  // namespace ordo::analytics
