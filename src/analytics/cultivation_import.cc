#include "analytics/cultivation_import.h"

#include <algorithm>
#include <set>
#include <utility>

#include "core/country.h"

namespace ordo::analytics {

Result<CultivationImportOutcome> ImportCultivationFile(
    storage::RegistryStore& registry, storage::NarcoticsRecordStore& records,
    const std::string& path, const ingest::CultivationReadOptions& options) {
  ORDO_TRY(countries, registry.ListCountries());
  if (countries.empty()) {
    return FailedPrecondition("the database holds no reference data; create it with `ordo init`");
  }
  ingest::KnownCountries known;
  for (const Country& country : countries) known.insert(country.iso3);

  ingest::ReadOutcome<CultivationRecord> read = ingest::ReadCultivation(path, known, options);
  ORDO_TRY(stored, records.ListCultivation({}));
  std::set<CultivationKey> stored_keys;
  for (const CultivationRecord& record : stored) stored_keys.insert(KeyOf(record));
  CultivationImportOutcome outcome;
  outcome.problems = std::move(read.problems);
  for (std::size_t row = 0; row < read.rows.size(); ++row) {
    if (stored_keys.count(KeyOf(read.rows[row])) != 0) {
      outcome.problems.push_back({path, read.row_lines[row], 1,
                                  "year: the same year, country, region, crop, kind and source "
                                  "is already in the database"});
    }
  }
  if (!outcome.problems.empty()) {
    std::stable_sort(outcome.problems.begin(), outcome.problems.end(),
                     [](const ingest::Diagnostic& a, const ingest::Diagnostic& b) {
                       return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                     });
    return outcome;
  }

  ORDO_RETURN_IF_ERROR(records.AppendCultivation(read.rows));
  outcome.rows_written = read.rows.size();
  outcome.synthetic_rows = static_cast<std::size_t>(
      std::count_if(read.rows.begin(), read.rows.end(),
                    [](const CultivationRecord& record) { return record.synthetic; }));
  return outcome;
}

}  // namespace ordo::analytics
