#include "cli/seizure_file_import.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <utility>

namespace ordo::cli {
namespace {

// One pass over the file: opens it, reads it with `read`, counts rows and keeps the bar current.
std::vector<ingest::Diagnostic> ReadPass(const std::string& path, const SeizureFileReader& read,
                                         ProgressBar* bar, std::uint64_t file_bytes,
                                         const ingest::SeizureRowSink& sink) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {{path, 0, 0, "cannot open file"}};
  std::uint64_t rows = 0;
  std::vector<ingest::Diagnostic> problems =
      read(in, path, [&](Seizure&& seizure, int line) {
        ++rows;
        // tellg is asked only when a redraw is due; it fails (-1) once the reader hit the end.
        if (bar != nullptr && bar->Due()) {
          const std::streamoff at = in.tellg();
          bar->Update(rows, at >= 0 ? static_cast<std::uint64_t>(at) : file_bytes);
        }
        sink(std::move(seizure), line);
      });
  if (bar != nullptr) bar->Finish(rows, file_bytes);
  return problems;
}

std::uint64_t FileBytes(const std::string& path) {
  std::error_code error;
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  return error ? 0 : static_cast<std::uint64_t>(size);
}

}  // namespace

Result<analytics::SeizureImportOutcome> ImportSeizureStream(storage::SeizureStore& seizures,
                                                            const std::string& path,
                                                            const SeizureFileReader& read,
                                                            const ProgressBarFactory& progress) {
  // Only the ids of stored seizures are held, not the rows.
  std::set<std::string> stored_ids;
  ORDO_RETURN_IF_ERROR(seizures.ForEachSeizure({}, [&stored_ids](const Seizure& seizure) {
    stored_ids.insert(seizure.seizure_id);
    return OkStatus();
  }));
  const std::uint64_t file_bytes = FileBytes(path);
  auto make_bar = [&](std::string_view pass) -> std::unique_ptr<ProgressBar> {
    return progress ? progress(pass, file_bytes) : nullptr;
  };

  // Pass 1 validates the whole file and keeps no rows; pass 2 reads it again and streams the rows
  // into one all-or-nothing write, so memory is bounded by the ids, not the rows.
  analytics::SeizureImportOutcome outcome;
  std::vector<ingest::Diagnostic> stored_problems;
  {
    std::unique_ptr<ProgressBar> bar = make_bar("check");
    outcome.problems =
        ReadPass(path, read, bar.get(), file_bytes, [&](Seizure&& seizure, int line) {
          if (stored_ids.count(seizure.seizure_id) != 0) {
            stored_problems.push_back({path, line, 1,
                                       "seizure_id: '" + seizure.seizure_id +
                                           "' is already in the database"});
          }
        });
  }
  outcome.problems.insert(outcome.problems.end(), stored_problems.begin(), stored_problems.end());
  if (!outcome.problems.empty()) {
    std::stable_sort(outcome.problems.begin(), outcome.problems.end(),
                     [](const ingest::Diagnostic& a, const ingest::Diagnostic& b) {
                       return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                     });
    return outcome;
  }

  std::unique_ptr<ProgressBar> bar = make_bar("write");
  ORDO_RETURN_IF_ERROR(
      seizures.AppendSeizuresFrom([&](const storage::SeizureAppend& append) -> Status {
        Status written;  // the first failed append, if any
        std::vector<ingest::Diagnostic> problems =
            ReadPass(path, read, bar.get(), file_bytes, [&](Seizure&& seizure, int /*line*/) {
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

}  // namespace ordo::cli
