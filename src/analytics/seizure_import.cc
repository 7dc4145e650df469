#include "analytics/seizure_import.h"

#include <algorithm>
#include <set>
#include <utility>

#include "core/country.h"

namespace ordo::analytics {

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

  SeizureImportOutcome outcome;
  ingest::ReadOutcome<Seizure> read = ingest::ReadSeizures(path, known, options);
  outcome.problems = std::move(read.problems);
  for (std::size_t index = 0; index < read.rows.size(); ++index) {
    const std::string& id = read.rows[index].seizure_id;
    if (stored_ids.count(id) != 0) {
      outcome.problems.push_back(
          {path, read.row_lines[index], 1, "seizure_id: '" + id + "' is already in the database"});
    }
  }
  if (!outcome.problems.empty()) {
    std::stable_sort(outcome.problems.begin(), outcome.problems.end(),
                     [](const ingest::Diagnostic& a, const ingest::Diagnostic& b) {
                       return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                     });
    return outcome;
  }
  ORDO_RETURN_IF_ERROR(seizures.AppendSeizures(read.rows));
  outcome.rows_written = read.rows.size();
  for (const Seizure& seizure : read.rows) {
    if (seizure.synthetic) ++outcome.synthetic_rows;
  }
  return outcome;
}

}  // namespace ordo::analytics
