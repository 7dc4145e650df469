#include "api/snapshot_provider.h"

#include <filesystem>
#include <system_error>

namespace ordo::api {

SnapshotProvider::SnapshotProvider(SnapshotSource source, SnapshotProviderOptions options)
    : source_(std::move(source)), options_(std::move(options)) {}

Result<std::unique_ptr<SnapshotProvider>> SnapshotProvider::Create(
    SnapshotSource source, SnapshotProviderOptions options) {
  std::unique_ptr<SnapshotProvider> provider(
      new SnapshotProvider(std::move(source), std::move(options)));
  provider->loaded_ = provider->Observe();
  ORDO_TRY(snapshot, provider->LoadSnapshot());
  provider->current_ = std::make_shared<ServingGeneration>(
      std::move(snapshot), provider->options_.cache_bytes, 1, provider->source_.open_seizures,
      provider->options_.idle_seizure_stores, provider->source_.open_links);
  provider->next_check_ = std::chrono::steady_clock::now() + provider->options_.check_interval;
  return provider;
}

std::shared_ptr<ServingGeneration> SnapshotProvider::Current() {
  std::lock_guard lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (now < next_check_) return current_;
  next_check_ = now + options_.check_interval;
  // Observed before loading: a write that lands during the load differs from this state, so the
  // next check loads again.
  Observed observed = Observe();
  if (observed == loaded_) return current_;
  auto snapshot = LoadSnapshot();
  if (!snapshot) {
    const std::string failure = snapshot.error().ToString();
    if (failure != last_failure_) Log("the database changed but could not be re-read: " + failure);
    last_failure_ = failure;
    return current_;
  }
  last_failure_.clear();
  // Only seizures or the registry changed: the entity graphs built so far are still the data's.
  const bool same_links = observed.link_data_version != -1 &&
                          observed.link_data_version == loaded_.link_data_version &&
                          observed.files == loaded_.files;
  loaded_ = std::move(observed);
  auto next = std::make_shared<ServingGeneration>(std::move(*snapshot), options_.cache_bytes,
                                                  current_->number + 1, source_.open_seizures,
                                                  options_.idle_seizure_stores, source_.open_links);
  if (same_links) next->links.AdoptGraphs(current_->links);
  current_ = std::move(next);
  Log(same_links ? "the database changed; serving its new contents (the entity graph is unchanged)"
                 : "the database changed; serving its new contents");
  return current_;
}

std::shared_ptr<ServingGeneration> SnapshotProvider::CurrentIfNoCheckDue() {
  std::lock_guard lock(mutex_);
  if (std::chrono::steady_clock::now() >= next_check_) return nullptr;
  return current_;
}

void SnapshotProvider::CheckSoon() {
  std::lock_guard lock(mutex_);
  next_check_ = std::chrono::steady_clock::time_point::min();
}

SnapshotProvider::Observed SnapshotProvider::Observe() {
  Observed observed;
  std::vector<FileState>& states = observed.files;
  for (const std::string& path : source_.watched_files) {
    FileState state;
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (!error) {
      const auto modified = std::filesystem::last_write_time(path, error);
      if (!error) {
        state = {true, size,
                 std::chrono::duration_cast<std::chrono::nanoseconds>(modified.time_since_epoch())
                     .count()};
      }
    }
    states.push_back(state);
  }
  if (source_.data_version) {
    Result<std::int64_t> version = source_.data_version();
    if (version) {
      observed.data_version = *version;
    } else {
      // Unreadable now: keep what was loaded, so a passing failure does not force a reload.
      observed.data_version = loaded_.data_version;
      const std::string failure = version.error().ToString();
      if (failure != last_failure_) Log("cannot read the database's data version: " + failure);
      last_failure_ = failure;
    }
  }
  if (source_.link_data_version) {
    // Unreadable: -1, so that the graphs are built again rather than kept on a guess.
    Result<std::int64_t> version = source_.link_data_version();
    observed.link_data_version = version ? *version : -1;
  }
  return observed;
}

Result<std::unique_ptr<RegistrySnapshot>> SnapshotProvider::LoadSnapshot() const {
  ORDO_TRY(store, source_.open_store());
  return RegistrySnapshot::Load(*store);
}

void SnapshotProvider::Log(const std::string& message) const {
  if (options_.log) options_.log(message);
}

}  // namespace ordo::api
