#pragma once
// ImportSeizureStream: imports one seizure file of any format into a SeizureStore, all or nothing,
// with an optional progress bar per pass. It follows analytics::ImportSeizureFile step by step
// (validate the whole file, check ids against the store, then read it again into one write) but
// takes the reader as a function, so that `ordo seizures import` handles Ordo's CSV and UNODC
// files alike and can show bytes read. It belongs in analytics; it sits here until that module's
// owner folds it into ImportSeizureFile.

#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/seizure_import.h"
#include "cli/progress_bar.h"
#include "ingest/diagnostic.h"
#include "ingest/seizure_reader.h"
#include "storage/seizure_store.h"

namespace ordo::cli {

// Reads a whole file from `in` (named `path` in problems), handing each valid row to `sink`, and
// returns every problem: ReadSeizures or ReadUnodcSeizures bound to their options.
using SeizureFileReader = std::function<std::vector<ingest::Diagnostic>(
    std::istream& in, const std::string& path, const ingest::SeizureRowSink& sink)>;

// Makes the bar for one pass ("check", then "write") of a file of `file_bytes`; nullptr for none.
using ProgressBarFactory =
    std::function<std::unique_ptr<ProgressBar>(std::string_view pass, std::uint64_t file_bytes)>;

// Reads `path` with `read` and appends its rows to `seizures`. Problems (a file that cannot be
// opened, the reader's, a seizure_id already stored, reported at its row's line) come back sorted
// by position in the outcome, and then nothing is written. Errors: the store's (kUnavailable, ...)
// and kFailedPrecondition when the file changes between the two passes.
Result<analytics::SeizureImportOutcome> ImportSeizureStream(storage::SeizureStore& seizures,
                                                            const std::string& path,
                                                            const SeizureFileReader& read,
                                                            const ProgressBarFactory& progress);

}  // namespace ordo::cli
