#pragma once
// SnapshotProvider: the registry snapshot the API answers from, with its response cache, kept in
// step with the database. At most once per check interval, the first request after it compares
// the modification time and size of the watched files (the SQLite file and its -wal), or the
// database's data version (PostgreSQL), with those seen before the last load; on any difference it
// loads a new snapshot with a fresh, empty cache. Requests already running finish with the generation they started with. The store
// interface is not involved: any process that writes the file (`ordo import`, `ordo seizures
// import`) is noticed. Seizure records are not part of the snapshot: each generation has a pool of
// seizure stores opened over the live database, and its cache holds the answers computed from them.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "api/link_graph_slot.h"
#include "api/registry_snapshot.h"
#include "api/response_cache.h"
#include "api/seizure_store_pool.h"
#include "core/result.h"
#include "storage/registry_store.h"

namespace ordo::api {

// One loaded snapshot and the answers computed from it.
struct ServingGeneration {
  ServingGeneration(std::unique_ptr<RegistrySnapshot> loaded, std::size_t cache_bytes,
                    std::uint64_t generation_number, SeizureStoreOpener open_seizures = {},
                    std::size_t idle_seizure_stores = 0, LinkStoreOpener open_links = {})
      : snapshot(std::move(loaded)),
        cache(cache_bytes),
        seizures(std::move(open_seizures), idle_seizure_stores),
        links(std::move(open_links)),
        number(generation_number) {}

  std::unique_ptr<const RegistrySnapshot> snapshot;  // never null
  ResponseCache cache;
  SeizureStorePool seizures;
  LinkGraphSlot links;   // the entity graph of this generation, built when first asked for
  std::uint64_t number;  // 1 for the first load, then 2, 3, ...
};

struct SnapshotSource {
  // Opens the database for one load; the store is destroyed (closed) right after reading.
  std::function<Result<std::unique_ptr<storage::RegistryStore>>()> open_store;
  // Files whose modification time or size mark a change; a missing file counts as a state too.
  std::vector<std::string> watched_files;
  // For a database without files to watch: a value that changes with every write to the data
  // (PostgresStore::DataVersion). Empty when not used. A failed read counts as "unchanged" and is
  // logged once.
  std::function<Result<std::int64_t>()> data_version;
  // A value that changes with every write to entities, links or merges only
  // (SqliteStore::LinkDataVersion, PostgresStore::LinkDataVersion), read right after data_version.
  // When it is given, read both times and unchanged, a new generation keeps the entity graphs of
  // the previous one instead of building them again (a seizures-only import). Empty: every new
  // generation builds its graphs afresh.
  std::function<Result<std::int64_t>()> link_data_version;
  // Opens a store over the seizure records of the same database; empty when the backend has none
  // (the narcotics routes then answer 409).
  SeizureStoreOpener open_seizures;
  // Opens a store over the entities and links of the same database; empty when the backend has
  // none (the graph routes then answer 409).
  LinkStoreOpener open_links;
};

struct SnapshotProviderOptions {
  std::chrono::milliseconds check_interval{1000};
  std::size_t cache_bytes = 32 * 1024 * 1024;
  // Seizure stores kept open between requests, per generation; about one per worker thread.
  std::size_t idle_seizure_stores = 2;
  // Told about reloads and failed reloads; may be empty.
  std::function<void(const std::string&)> log;
};

// Thread-safe.
class SnapshotProvider {
 public:
  // Loads the first snapshot. Errors: what opening the store or RegistrySnapshot::Load returns.
  static Result<std::unique_ptr<SnapshotProvider>> Create(SnapshotSource source,
                                                          SnapshotProviderOptions options);

  // The current generation, reloaded first when the check is due and the files changed. A failed
  // reload is logged and the previous generation stays in use; the next check tries again. Blocks
  // while a reload runs. Never null.
  std::shared_ptr<ServingGeneration> Current();

  // The current generation without looking at the files, or nullptr when a check is due (the
  // caller then goes through Current()). Never reloads, so it is cheap enough for the I/O thread.
  std::shared_ptr<ServingGeneration> CurrentIfNoCheckDue();

  // Makes the check due now: the next Current() compares the data version at once. For a route
  // that has just written to the data (a merge), so that the very next request serves the change.
  void CheckSoon();

 private:
  struct FileState {
    bool exists = false;
    std::uintmax_t size = 0;
    std::int64_t modified_ns = 0;
    friend bool operator==(const FileState&, const FileState&) = default;
  };
  // What marks a change: the watched files' states and the data version (-1 when not used or not
  // read).
  struct Observed {
    std::vector<FileState> files;
    std::int64_t data_version = -1;
    std::int64_t link_data_version = -1;  // -1: not used or not read (the graphs are rebuilt)
    friend bool operator==(const Observed&, const Observed&) = default;
  };

  SnapshotProvider(SnapshotSource source, SnapshotProviderOptions options);
  Observed Observe();
  Result<std::unique_ptr<RegistrySnapshot>> LoadSnapshot() const;
  void Log(const std::string& message) const;

  const SnapshotSource source_;
  const SnapshotProviderOptions options_;
  std::mutex mutex_;
  std::shared_ptr<ServingGeneration> current_;
  Observed loaded_;  // as observed just before current_ was loaded
  std::chrono::steady_clock::time_point next_check_;
  std::string last_failure_;  // so a failure that persists is logged once
};

}  // namespace ordo::api
