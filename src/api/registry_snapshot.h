#pragma once
// RegistrySnapshot: an immutable in-memory copy of everything the API answers from, read once from
// the store when the server starts (and again when the database file changes). Analytics runs
// against it unchanged, through a read-only RegistryStore whose List calls copy from memory, so
// one snapshot serves every worker thread at once and no request touches the database.

#include <memory>

#include "analytics/country_directory.h"
#include "core/result.h"
#include "storage/registry_store.h"

namespace ordo::api {

class RegistrySnapshot {
 public:
  // Reads every table of `store` once. The rows are read with separate List calls, not in one
  // transaction: a write that lands in between is picked up by the next reload. Errors: what the
  // store returns; kFailedPrecondition when it holds no countries (a database never initialised).
  static Result<std::unique_ptr<RegistrySnapshot>> Load(storage::RegistryStore& store);

  ~RegistrySnapshot();
  RegistrySnapshot(const RegistrySnapshot&) = delete;
  RegistrySnapshot& operator=(const RegistrySnapshot&) = delete;

  // A store over the snapshot's rows, for analytics. Unlike RegistryStore in general it is safe to
  // use from several threads at once, because its rows never change: List* and Counts return
  // copies and never fail; Write returns kFailedPrecondition. Lives as long as the snapshot.
  storage::RegistryStore& store() const { return *store_; }
  // Every country, for lookups by code or name. Lives as long as the snapshot.
  const analytics::CountryDirectory& directory() const { return directory_; }

 private:
  RegistrySnapshot(std::unique_ptr<storage::RegistryStore> store,
                   analytics::CountryDirectory directory);

  std::unique_ptr<storage::RegistryStore> store_;
  analytics::CountryDirectory directory_;
};

}  // namespace ordo::api
