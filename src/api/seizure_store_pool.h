#pragma once
// SeizureStorePool: connections to the seizure records for the API's worker threads. Seizures are
// never copied into the registry snapshot (there may be millions of them); a narcotics route
// borrows a store for the length of one request and queries it directly. Idle stores are kept for
// the next request, so a database is not opened per request. One pool belongs to one serving
// generation (snapshot_provider.h): when the database file changes, the next generation gets a
// fresh pool and the old one closes its stores once the last request that uses it has finished.

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "core/result.h"
#include "storage/seizure_store.h"

namespace ordo::api {

// Opens one store over the database being served. Called from worker threads, one call at a time
// per pool.
using SeizureStoreOpener = std::function<Result<std::unique_ptr<storage::SeizureStore>>()>;

// Thread-safe. Must outlive every Lease it hands out.
class SeizureStorePool {
 public:
  // A store lent to one request. Movable; gives the store back to the pool when destroyed.
  class Lease {
   public:
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&& other) noexcept;
    ~Lease();

    // Usable by the holder's thread only; lives as long as the lease.
    storage::SeizureStore& store() const { return *store_; }

   private:
    friend class SeizureStorePool;
    Lease(SeizureStorePool* pool, std::unique_ptr<storage::SeizureStore> store)
        : pool_(pool), store_(std::move(store)) {}
    void GiveBack();

    SeizureStorePool* pool_;
    std::unique_ptr<storage::SeizureStore> store_;
  };

  // `open` may be empty: the server then has no seizure records and Acquire says so. At most
  // `max_idle` stores are kept open between requests; more are opened under load and closed when
  // given back.
  SeizureStorePool(SeizureStoreOpener open, std::size_t max_idle);

  SeizureStorePool(const SeizureStorePool&) = delete;
  SeizureStorePool& operator=(const SeizureStorePool&) = delete;

  // An idle store, or a newly opened one. Errors: kFailedPrecondition when the pool has no opener;
  // otherwise what the opener returns (kUnavailable when the file cannot be read, ...).
  Result<Lease> Acquire();

  std::size_t idle_count() const;

 private:
  void Return(std::unique_ptr<storage::SeizureStore> store);

  const SeizureStoreOpener open_;
  const std::size_t max_idle_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<storage::SeizureStore>> idle_;
};

}  // namespace ordo::api
