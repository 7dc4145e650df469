#pragma once
// Imports one file of registry facts into a store: read and validate every row (format, ISO codes,
// dates, numbers), check it against what is already stored (duplicate keys), and write all rows in
// one transaction — or, if anything is wrong, nothing at all.

#include <string>
#include <string_view>
#include <vector>

#include "ingest/diagnostic.h"
#include "storage/registry_store.h"

namespace ordo::analytics {

enum class ImportKind { kRelations, kMemberships, kTrade, kFacts, kPlaces };

// "relations", "memberships", "trade", "facts" or "places".
Result<ImportKind> ParseImportKind(std::string_view text);

struct ImportOutcome {
  std::size_t rows_written = 0;
  std::vector<ingest::Diagnostic> problems;  // non-empty means nothing was written
};

// Errors: store errors (kUnavailable, ...) and kFailedPrecondition for a database without reference
// data. Problems with the file itself are in ImportOutcome::problems, each file:line:column.
Result<ImportOutcome> ImportRegistryFile(storage::RegistryStore& store, ImportKind kind,
                                         const std::string& path);

}  // namespace ordo::analytics
