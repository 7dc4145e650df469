#pragma once
// Seizure statistics by drug and year: counts and kilograms, with real and synthetic records in
// separate columns so that generated data never enters a real total.

#include <cstddef>
#include <vector>

#include "core/drug.h"
#include "core/result.h"
#include "storage/seizure_store.h"

namespace ordo::analytics {

// The seizures of one drug in one calendar year (the year of the written date).
struct SeizureStatsRow {
  Drug drug = Drug::kOther;
  int year = 0;
  std::size_t real_count = 0;
  double real_kg = 0;               // sum of quantity_kg over real rows that have it
  std::size_t real_without_kg = 0;  // real rows with no quantity_kg, left out of real_kg
  std::size_t synthetic_count = 0;
  double synthetic_kg = 0;
  std::size_t synthetic_without_kg = 0;
};

struct SeizureStats {
  std::vector<SeizureStatsRow> rows;  // by drug (vocabulary order), then year
  std::size_t real_rows = 0;
  std::size_t synthetic_rows = 0;
};

// Walks the seizures matching `filter` once (ForEachSeizure; offset and limit are honoured as
// the store does) and sums them. Errors: the store's.
Result<SeizureStats> ComputeSeizureStats(storage::SeizureStore& store,
                                         const storage::SeizureFilter& filter);

}  // namespace ordo::analytics
