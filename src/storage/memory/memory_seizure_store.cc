#include "storage/memory/memory_seizure_store.h"

#include <fmt/format.h>

#include "storage/compartment_rules.h"

namespace ordo::storage {
namespace {

Status CheckCountry(const Seizure& seizure, const CountryCode& code,
                    const std::set<CountryCode>& known) {
  if (known.count(code) != 0) return OkStatus();
  return InvalidArgument(
      fmt::format("seizure '{}': unknown country '{}'", seizure.seizure_id, code.str()));
}

// Checks the row's own fields and its references; uniqueness is checked by the caller.
Status CheckSeizure(const Seizure& seizure, const std::set<CountryCode>& known) {
  if (seizure.seizure_id.empty()) return InvalidArgument("seizure with an empty seizure_id");
  if (seizure.lat.has_value() != seizure.lon.has_value()) {
    return InvalidArgument(fmt::format(
        "seizure '{}': lat and lon must both be given or both be empty", seizure.seizure_id));
  }
  for (const std::string& place : seizure.route) {
    if (place.empty() || place.find(';') != std::string::npos) {
      return InvalidArgument(
          fmt::format("seizure '{}': a route place is empty or contains ';'", seizure.seizure_id));
    }
  }
  ORDO_RETURN_IF_ERROR(CheckCountry(seizure, seizure.country, known));
  for (const std::optional<CountryCode>* code :
       {&seizure.origin, &seizure.departure, &seizure.destination}) {
    if (code->has_value()) ORDO_RETURN_IF_ERROR(CheckCountry(seizure, **code, known));
  }
  for (const CountryCode& code : seizure.transit) {
    ORDO_RETURN_IF_ERROR(CheckCountry(seizure, code, known));
  }
  return OkStatus();
}

}  // namespace

Status MemorySeizureStore::AppendSeizures(const std::vector<Seizure>& seizures) {
  ORDO_TRY(countries, countries_.ListCountries());
  std::set<CountryCode> known;
  for (const Country& country : countries) known.insert(country.iso3);
  std::set<std::string> batch_ids;
  CaseCompartments cases([this](const std::string& case_id) { return FindCaseCompartment(case_id); });
  for (const Seizure& seizure : seizures) {
    // Uniqueness before references, as the SQLite backend reports it.
    if (!seizure.seizure_id.empty() &&
        (ids_.count(seizure.seizure_id) != 0 || !batch_ids.insert(seizure.seizure_id).second)) {
      return AlreadyExists(fmt::format("seizure '{}' already exists", seizure.seizure_id));
    }
    ORDO_RETURN_IF_ERROR(CheckSeizure(seizure, known));
    ORDO_RETURN_IF_ERROR(cases.Check(fmt::format("seizure '{}'", seizure.seizure_id),
                                     seizure.case_id, seizure.compartment));
  }
  ids_.merge(batch_ids);
  rows_.insert(rows_.end(), seizures.begin(), seizures.end());
  return OkStatus();
}

Status MemorySeizureStore::AppendSeizuresFrom(const SeizureProducer& produce) {
  std::vector<Seizure> produced;
  ORDO_RETURN_IF_ERROR(produce([&produced](const Seizure& seizure) {
    produced.push_back(seizure);
    return OkStatus();
  }));
  return AppendSeizures(produced);
}

Result<std::vector<Seizure>> MemorySeizureStore::ListSeizures(const SeizureFilter& filter) {
  std::vector<Seizure> listed;
  ORDO_RETURN_IF_ERROR(ForEachSeizure(filter, [&](const Seizure& seizure) {
    listed.push_back(seizure);
    return OkStatus();
  }));
  return listed;
}

Result<std::size_t> MemorySeizureStore::CountSeizures(const SeizureFilter& filter) {
  std::size_t count = 0;
  for (const Seizure& seizure : rows_) {
    if (SeizureMatches(filter, seizure)) ++count;
  }
  return count;
}

Status MemorySeizureStore::ForEachSeizure(const SeizureFilter& filter,
                                          const SeizureVisitor& visit) {
  std::size_t skipped = 0;
  std::size_t visited = 0;
  for (const Seizure& seizure : rows_) {
    if (!SeizureMatches(filter, seizure)) continue;
    if (skipped < filter.offset) {
      ++skipped;
      continue;
    }
    if (filter.limit != 0 && visited == filter.limit) break;
    ORDO_RETURN_IF_ERROR(visit(seizure));
    ++visited;
  }
  return OkStatus();
}

Result<std::optional<std::string>> MemorySeizureStore::FindCaseCompartment(
    const std::string& case_id) {
  for (const Seizure& seizure : rows_) {
    if (seizure.case_id == case_id) return std::optional<std::string>(seizure.compartment);
  }
  return std::optional<std::string>();
}

}  // namespace ordo::storage
