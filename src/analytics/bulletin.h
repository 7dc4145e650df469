#pragma once
// A seizure bulletin for a period: seizures by drug, by route (country of departure to country of
// destination) and drug, by conveyance and by seizing agency; the summary tables counter-narcotics
// centres exchange (UNODC's individual-seizure reporting and CARICC's bulletins count seizures
// and quantities by drug and by route). Real and synthetic records are never in one bulletin.
// Exported as CSV and as a printable HTML page (analytics/bulletin_export.h).

#include <cstddef>
#include <string>
#include <vector>

#include "analytics/route_network.h"
#include "core/drug.h"
#include "core/result.h"
#include "core/visibility.h"
#include "storage/seizure_store.h"

namespace ordo::analytics {

struct BulletinTally {
  std::size_t seizures = 0;
  std::size_t cases = 0;  // distinct case_id; a seizure without one is its own case
  double kg = 0;          // sum of quantity_kg
  std::size_t without_kg = 0;
  double largest_kg = 0;
  std::string largest_id;  // the seizure_id of the largest (first written among equals)
};

struct BulletinDrugRow {
  Drug drug = Drug::kOther;
  BulletinTally tally;
};

struct BulletinRouteRow {
  std::string departure;    // ISO3, or "unknown"
  std::string destination;  // ISO3, or "unknown"
  Drug drug = Drug::kOther;
  BulletinTally tally;
};

struct BulletinGroupRow {
  std::string group;  // conveyance or agency as written; "unknown" when empty
  BulletinTally tally;
};

struct Bulletin {
  Period period;
  bool synthetic = false;  // what every record in it is
  Marking marking = Marking::kUnmarked;  // the highest marking of its records (core/visibility.h)
  BulletinTally total;
  std::vector<BulletinDrugRow> by_drug;         // vocabulary order
  std::vector<BulletinRouteRow> by_route;       // by seizures, highest first; then departure, ...
  std::vector<BulletinGroupRow> by_conveyance;  // by seizures, highest first; then name
  std::vector<BulletinGroupRow> by_agency;      // by seizures, highest first; then name
  std::vector<std::string> sources;             // distinct sources, sorted
};

// The seizures of `period` that match `filter` (its own from/to narrow the period further).
// Errors: the store's; kFailedPrecondition when they mix real and synthetic records.
Result<Bulletin> ComputeBulletin(storage::SeizureStore& store, storage::SeizureFilter filter,
                                 const Period& period);

}  // namespace ordo::analytics
