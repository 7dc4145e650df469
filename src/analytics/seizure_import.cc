#include "analytics/seizure_import.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <exception>
#include <set>
#include <thread>
#include <unordered_map>
#include <utility>

#include "analytics/internal/batch_channel.h"
#include "core/account.h"
#include "core/country.h"

namespace ordo::analytics {
namespace {

// Rows handed from the reading thread to the writing one at a time, and batches in flight: enough
// to keep both busy, little enough that memory stays bounded (about 4,000 seizures).
constexpr std::size_t kBatchRows = 512;
constexpr std::size_t kBatchesInFlight = 8;

std::uint64_t FileBytes(const std::string& path) {
  std::error_code error;
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  return error ? 0 : static_cast<std::uint64_t>(size);
}

// The ids already stored, and the compartment of each stored case; none are read from an empty
// store.
struct Stored {
  std::set<std::string> ids;
  std::unordered_map<std::string, std::string> case_compartments;
};

Result<Stored> StoredIds(storage::SeizureStore& seizures) {
  Stored stored;
  ORDO_TRY(count, seizures.CountSeizures({}));
  if (count == 0) return stored;
  ORDO_RETURN_IF_ERROR(seizures.ForEachSeizure({}, [&stored](const Seizure& seizure) {
    stored.ids.insert(seizure.seizure_id);
    if (!seizure.case_id.empty()) {
      stored.case_compartments.emplace(seizure.case_id, seizure.compartment);
    }
    return OkStatus();
  }));
  return stored;
}

}  // namespace

Result<SeizureImportOutcome> ImportSeizures(storage::SeizureStore& seizures,
                                            const std::string& path, const SeizureFileReader& read,
                                            ImportProgress* progress,
                                            const ImportLabels& labels) {
  ORDO_RETURN_IF_ERROR(CheckCompartmentName(labels.compartment));
  ORDO_TRY(stored, StoredIds(seizures));
  const std::set<std::string>& stored_ids = stored.ids;
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
        // The file is read and validated on a second thread while this one (the store's)
        // writes the rows already read, in file order.
        internal::BatchChannel<Seizure> channel(kBatchesInFlight);
        // Written batches go back to the reader, which overwrites their seizures: every string
        // is then freed on the thread that allocated it, which glibc's malloc does cheaply. The
        // reader makes a new batch only when none is spent, so at most kBatchesInFlight + 2
        // exist and pushing a spent one never waits.
        internal::BatchChannel<Seizure> spent(kBatchesInFlight + 2);
        std::vector<ingest::Diagnostic> problems;
        std::vector<ingest::Diagnostic> stored_problems;
        std::exception_ptr reader_failure;
        std::thread reader([&] {
          try {
            std::uint64_t rows = 0;
            std::vector<Seizure> batch;
            std::size_t filled = 0;  // batch[0, filled) are this batch's rows; the rest are spent
            problems = read(in, path, [&](Seizure&& seizure, int line) {
              ++rows;
              // tellg is asked only when a redraw is due; it fails (-1) once the reader hit
              // the end.
              if (progress != nullptr && progress->Due()) {
                const std::streamoff at = in.tellg();
                progress->Update(rows, at >= 0 ? static_cast<std::uint64_t>(at) : file_bytes);
              }
              if (stored_ids.count(seizure.seizure_id) != 0) {
                stored_problems.push_back(
                    {path, line, 1,
                     "seizure_id: '" + seizure.seizure_id + "' is already in the database"});
              }
              seizure.compartment = labels.compartment;
              seizure.marking = labels.marking;
              if (!seizure.case_id.empty()) {
                const auto held = stored.case_compartments.find(seizure.case_id);
                if (held != stored.case_compartments.end() &&
                    held->second != labels.compartment) {
                  stored_problems.push_back(
                      {path, line, 1,
                       "case_id: case '" + seizure.case_id + "' is in compartment '" +
                           held->second + "'; this import writes to '" + labels.compartment +
                           "' (--compartment)"});
                }
              }
              // Rows keep being written after a problem the reader reports: the transaction
              // is rolled back at the end, and stopping early would save little.
              if (!stored_problems.empty()) return;
              if (filled < batch.size()) {
                batch[filled] = std::move(seizure);
              } else {
                batch.push_back(std::move(seizure));
              }
              if (++filled == kBatchRows) {
                channel.Push(std::move(batch));
                if (!spent.TryPop(batch)) batch.clear();
                filled = 0;
              }
            });
            if (filled > 0 && stored_problems.empty()) {
              batch.resize(filled);
              channel.Push(std::move(batch));
            }
            if (progress != nullptr) progress->Finish(rows, file_bytes);
          } catch (...) {
            reader_failure = std::current_exception();
          }
          channel.Finish();
        });

        Status appended;  // the first failed append, if any
        std::exception_ptr writer_failure;
        try {
          std::vector<Seizure> batch;
          while (appended && channel.Pop(batch)) {
            for (const Seizure& seizure : batch) {
              appended = append(seizure);
              if (!appended) break;
              ++outcome.rows_written;
              if (seizure.synthetic) ++outcome.synthetic_rows;
            }
            spent.Push(std::move(batch));
            batch.clear();
          }
        } catch (...) {
          writer_failure = std::current_exception();
        }
        channel.Close();  // a failed write needs no more rows; the reader still reports problems
        spent.Close();
        reader.join();
        if (reader_failure) std::rethrow_exception(reader_failure);
        if (writer_failure) std::rethrow_exception(writer_failure);

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
                                               const ingest::SeizureReadOptions& options,
                                               const ImportLabels& labels) {
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
                        },
                        nullptr, labels);
}

}  // namespace ordo::analytics
