#include "storage/graph_job_store.h"

#include <algorithm>
#include <array>

namespace ordo::storage {

bool IsPendingGraphJobState(const std::string& state) {
  return state == "queued" || state == "running";
}

Status CheckGraphJob(const StoredGraphJob& job) {
  const bool id_ok = !job.id.empty() && job.id.size() <= 64 &&
                     std::all_of(job.id.begin(), job.id.end(), [](char c) {
                       return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
                     });
  if (!id_ok) return InvalidArgument("graph job id must be 1 to 64 lowercase letters and digits");
  static constexpr std::array<const char*, 6> kStates = {"queued", "running",   "done",
                                                         "failed", "cancelled", "interrupted"};
  if (std::none_of(kStates.begin(), kStates.end(),
                   [&](const char* state) { return job.state == state; })) {
    return InvalidArgument("unknown graph job state '" + job.state +
                           "' (expected queued, running, done, failed, cancelled or interrupted)");
  }
  return OkStatus();
}

}  // namespace ordo::storage
