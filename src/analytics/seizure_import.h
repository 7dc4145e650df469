#pragma once
// Imports one seizure file (Ordo's CSV, docs/formats.md "Seizures", or a UNODC individual-seizure
// file, through the reader the caller passes) into a SeizureStore, all or nothing, in one pass:
// every valid row is appended inside one transaction while the file is read; when the reader or
// the id check finds any problem, the transaction is rolled back and every problem is returned.
// The file is read and validated on a second thread while the calling thread writes the rows
// already read, in file order. Memory is bounded by the ids of the seizures already stored and a
// few thousand rows in flight, not by the file.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "analytics/case_compartment_check.h"
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

// Reads a whole file from `in` (named `path` in problems), handing each valid row to `sink`, and
// returns every problem: ingest::ReadSeizures or ingest::ReadUnodcSeizures bound to their options.
using SeizureFileReader = std::function<std::vector<ingest::Diagnostic>(
    std::istream& in, const std::string& path, const ingest::SeizureRowSink& sink)>;

// Told how far an import has got: rows read and bytes of the file read.
class ImportProgress {
 public:
  virtual ~ImportProgress() = default;
  // Whether an Update would be shown now; the byte count is asked for only then.
  virtual bool Due() const = 0;
  virtual void Update(std::uint64_t rows, std::uint64_t bytes) = 0;
  // Once, at the end of the file.
  virtual void Finish(std::uint64_t rows, std::uint64_t bytes) = 0;
};

// Reads `path` with `read` and appends its rows to `seizures`, each in `labels`' compartment and
// with its marking. Problems (a file that cannot be opened, the reader's, a seizure_id already
// stored, a case_id the stored seizures hold in another compartment, reported at its row's line)
// come back sorted by position in the outcome, and then nothing is written. labels.other_stores
// are not asked (the store may not be used while it writes): the link imports check a case
// against the seizures instead (docs/compartments.md). Errors: kInvalidArgument for a bad
// compartment name; the store's (kUnavailable, ...).
Result<SeizureImportOutcome> ImportSeizures(storage::SeizureStore& seizures,
                                            const std::string& path, const SeizureFileReader& read,
                                            ImportProgress* progress = nullptr,
                                            const ImportLabels& labels = {});

// ImportSeizures for Ordo's own CSV, with the countries `registry` knows. Errors: also
// kFailedPrecondition when `registry` holds no countries (database without reference data).
Result<SeizureImportOutcome> ImportSeizureFile(storage::RegistryStore& registry,
                                               storage::SeizureStore& seizures,
                                               const std::string& path,
                                               const ingest::SeizureReadOptions& options,
                                               const ImportLabels& labels = {});

}  // namespace ordo::analytics
