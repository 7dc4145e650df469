#include "analytics/seizure_import.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <utility>

#include "core/country.h"

namespace ordo::analytics {
namespace {

// Reads `path` once, handing each valid row to `sink`; a file that cannot be opened is one
// file-level problem, as the registry readers report it.
std::vector<ingest::Diagnostic> ReadFile(const std::string& path,
                                         const ingest::KnownCountries& known,
                                         const ingest::SeizureReadOptions& options,
                                         const ingest::SeizureRowSink& sink) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {{path, 0, 0, "cannot open file"}};
  return ingest::ReadSeizures(in, path, known, options, sink);
}

}  // namespace

Result<SeizureImportOutcome> ImportSeizureFile(storage::RegistryStore& registry,
                                               storage::SeizureStore& seizures,
                                               const std::string& path,
                                               const ingest::SeizureReadOptions& options) {
  ORDO_TRY(countries, registry.ListCountries());
  if (countries.empty()) {
    return FailedPrecondition("the database holds no reference data; create it with `ordo init`");
  }
  ingest::KnownCountries known;
  for (const Country& country : countries) known.insert(country.iso3);

  // Only the ids of stored seizures are held, not the rows.
  std::set<std::string> stored_ids;
  ORDO_RETURN_IF_ERROR(seizures.ForEachSeizure({}, [&stored_ids](const Seizure& seizure) {
    stored_ids.insert(seizure.seizure_id);
    return OkStatus();
  }));

  // Pass 1 validates the whole file and keeps no rows; pass 2 reads it again and streams the rows
  // into one all-or-nothing write, so memory is bounded by the ids, not the rows.
  SeizureImportOutcome outcome;
  std::vector<ingest::Diagnostic> stored_problems;
  outcome.problems = ReadFile(path, known, options, [&](Seizure&& seizure, int line) {
    if (stored_ids.count(seizure.seizure_id) != 0) {
      stored_problems.push_back(
          {path, line, 1, "seizure_id: '" + seizure.seizure_id + "' is already in the database"});
    }
  });
  outcome.problems.insert(outcome.problems.end(), stored_problems.begin(), stored_problems.end());
  if (!outcome.problems.empty()) {
    std::stable_sort(outcome.problems.begin(), outcome.problems.end(),
                     [](const ingest::Diagnostic& a, const ingest::Diagnostic& b) {
                       return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                     });
    return outcome;
  }

  ORDO_RETURN_IF_ERROR(
      seizures.AppendSeizuresFrom([&](const storage::SeizureAppend& append) -> Status {
        Status written;  // the first failed append, if any
        std::vector<ingest::Diagnostic> problems =
            ReadFile(path, known, options, [&](Seizure&& seizure, int /*line*/) {
              if (!written) return;  // the write failed; the rest of the file is only read
              written = append(seizure);
              if (written) {
                ++outcome.rows_written;
                if (seizure.synthetic) ++outcome.synthetic_rows;
              }
            });
        if (!written) return written;
        if (!problems.empty()) {
          return FailedPrecondition(path + " changed during the import: " + problems[0].ToString());
        }
        return OkStatus();
      }));
  return outcome;
}

}  // namespace ordo::analytics
