#include "analytics/seizure_import.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <utility>

#include "core/country.h"

namespace ordo::analytics {
namespace {

std::uint64_t FileBytes(const std::string& path) {
  std::error_code error;
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  return error ? 0 : static_cast<std::uint64_t>(size);
}

// The ids already stored; none are read from an empty store.
Result<std::set<std::string>> StoredIds(storage::SeizureStore& seizures) {
  std::set<std::string> ids;
  ORDO_TRY(count, seizures.CountSeizures({}));
  if (count == 0) return ids;
  ORDO_RETURN_IF_ERROR(seizures.ForEachSeizure({}, [&ids](const Seizure& seizure) {
    ids.insert(seizure.seizure_id);
    return OkStatus();
  }));
  return ids;
}

}  // namespace

Result<SeizureImportOutcome> ImportSeizures(storage::SeizureStore& seizures,
                                            const std::string& path, const SeizureFileReader& read,
                                            ImportProgress* progress) {
  ORDO_TRY(stored_ids, StoredIds(seizures));
  const std::uint64_t file_bytes = FileBytes(path);
  SeizureImportOutcome outcome;
  bool found_problems = false;  // the write was abandoned for the file's problems
  const Status written =
      seizures.AppendSeizuresFrom([&](const storage::SeizureAppend& append) -> Status {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
          outcome.problems.push_back({path, 0, 0, "cannot open file"});
          found_problems = true;
          return FailedPrecondition("problems in " + path);
        }
        Status appended;  // the first failed append, if any
        std::uint64_t rows = 0;
        std::vector<ingest::Diagnostic> stored_problems;
        std::vector<ingest::Diagnostic> problems = read(in, path, [&](Seizure&& seizure, int line) {
          ++rows;
          // tellg is asked only when a redraw is due; it fails (-1) once the reader hit the
          // end.
          if (progress != nullptr && progress->Due()) {
            const std::streamoff at = in.tellg();
            progress->Update(rows, at >= 0 ? static_cast<std::uint64_t>(at) : file_bytes);
          }
          if (stored_ids.count(seizure.seizure_id) != 0) {
            stored_problems.push_back(
                {path, line, 1,
                 "seizure_id: '" + seizure.seizure_id + "' is already in the database"});
          }
          // Rows keep being appended after a problem elsewhere in the file: the whole
          // transaction is rolled back at the end, and stopping early would save little.
          if (!appended || !stored_problems.empty()) return;
          appended = append(seizure);
          if (appended) {
            ++outcome.rows_written;
            if (seizure.synthetic) ++outcome.synthetic_rows;
          }
        });
        if (progress != nullptr) progress->Finish(rows, file_bytes);
        problems.insert(problems.end(), stored_problems.begin(), stored_problems.end());
        if (!problems.empty()) {
          outcome.problems = std::move(problems);
          found_problems = true;
          return FailedPrecondition("problems in " + path);
        }
        return appended;
      });
  if (found_problems) {
    outcome.rows_written = 0;
    outcome.synthetic_rows = 0;
    std::stable_sort(outcome.problems.begin(), outcome.problems.end(),
                     [](const ingest::Diagnostic& a, const ingest::Diagnostic& b) {
                       return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                     });
    return outcome;
  }
  ORDO_RETURN_IF_ERROR(written);
  return outcome;
}

Result<SeizureImportOutcome> ImportSeizureFile(storage::RegistryStore& registry,
                                               storage::SeizureStore& seizures,
                                               const std::string& path,
                                               const ingest::SeizureReadOptions& options) {
  ORDO_TRY(countries, registry.ListCountries());
  if (countries.empty()) {
    return FailedPrecondition("the database holds no reference data; create it with `ordo init`");
  }
  auto known = std::make_shared<ingest::KnownCountries>();
  for (const Country& country : countries) known->insert(country.iso3);
  return ImportSeizures(seizures, path,
                        [known, options](std::istream& in, const std::string& file,
                                         const ingest::SeizureRowSink& sink) {
                          return ingest::ReadSeizures(in, file, *known, options, sink);
                        });
}

}  // namespace ordo::analytics
