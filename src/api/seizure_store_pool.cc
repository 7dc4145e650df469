#include "api/seizure_store_pool.h"

namespace ordo::api {

SeizureStorePool::Lease& SeizureStorePool::Lease::operator=(Lease&& other) noexcept {
  if (this != &other) {
    GiveBack();
    pool_ = other.pool_;
    store_ = std::move(other.store_);
  }
  return *this;
}

SeizureStorePool::Lease::~Lease() { GiveBack(); }

void SeizureStorePool::Lease::GiveBack() {
  if (store_ != nullptr) pool_->Return(std::move(store_));
}

SeizureStorePool::SeizureStorePool(SeizureStoreOpener open, std::size_t max_idle)
    : open_(std::move(open)), max_idle_(max_idle) {}

Result<SeizureStorePool::Lease> SeizureStorePool::Acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<storage::SeizureStore> store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(store));
    }
  }
  if (!open_) return FailedPrecondition("this server was started without seizure records");
  // Opened outside the lock: opening a database file may take a while, and other workers can
  // take idle stores meanwhile.
  ORDO_TRY(store, open_());
  ORDO_ASSERT(store != nullptr, "a seizure store opener returned no store");
  return Lease(this, std::move(store));
}

std::size_t SeizureStorePool::idle_count() const {
  std::lock_guard lock(mutex_);
  return idle_.size();
}

void SeizureStorePool::Return(std::unique_ptr<storage::SeizureStore> store) {
  std::lock_guard lock(mutex_);
  if (idle_.size() < max_idle_) idle_.push_back(std::move(store));
  // Otherwise the parameter closes the store after the lock is released.
}

}  // namespace ordo::api
