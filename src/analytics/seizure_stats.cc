#include "analytics/seizure_stats.h"

#include <map>
#include <utility>

namespace ordo::analytics {

Result<SeizureStats> ComputeSeizureStats(storage::SeizureStore& store,
                                         const storage::SeizureFilter& filter) {
  std::map<std::pair<Drug, int>, SeizureStatsRow> groups;
  SeizureStats stats;
  ORDO_RETURN_IF_ERROR(store.ForEachSeizure(filter, [&](const Seizure& seizure) {
    SeizureStatsRow& row = groups[{seizure.drug, seizure.date.year()}];
    row.drug = seizure.drug;
    row.year = seizure.date.year();
    // Real and synthetic rows go to separate counters; nothing adds them together.
    std::size_t& count = seizure.synthetic ? row.synthetic_count : row.real_count;
    double& kg = seizure.synthetic ? row.synthetic_kg : row.real_kg;
    std::size_t& without_kg = seizure.synthetic ? row.synthetic_without_kg : row.real_without_kg;
    ++count;
    if (seizure.quantity_kg) {
      kg += *seizure.quantity_kg;
    } else {
      ++without_kg;
    }
    ++(seizure.synthetic ? stats.synthetic_rows : stats.real_rows);
    return OkStatus();
  }));
  stats.rows.reserve(groups.size());
  for (auto& [key, row] : groups) stats.rows.push_back(row);
  return stats;
}

}  // namespace ordo::analytics
