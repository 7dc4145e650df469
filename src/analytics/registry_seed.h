#pragma once
// Seeds an empty store with the bundled data: the country reference table (with land neighbours)
// and every sourced file under data/ (relations, missing relations, memberships, organization
// members, trade blocs, trade, drug facts, places), in one all-or-nothing write.

#include <string>
#include <vector>

#include "analytics/reference_countries.h"
#include "ingest/diagnostic.h"
#include "storage/registry_store.h"

namespace ordo::analytics {

struct SeedReport {
  storage::RegistryCounts counts;           // what the store holds afterwards
  std::vector<std::string> name_gaps;       // countries lacking a ru or ky name
  std::vector<ingest::Diagnostic> problems;  // non-empty means nothing was written
};

// `data_dir` holds the files listed in data/README.md; sources.reference_dir is usually
// data_dir + "/reference". Errors: kFailedPrecondition when the store already holds countries,
// store errors; bad input is reported in SeedReport::problems.
Result<SeedReport> SeedRegistry(storage::RegistryStore& store, const std::string& data_dir,
                                const ReferenceSources& sources);

}  // namespace ordo::analytics
