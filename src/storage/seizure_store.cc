#include "storage/seizure_store.h"

namespace ordo::storage {

bool SeizureMatches(const SeizureFilter& filter, const Seizure& seizure) {
  if (filter.from && seizure.date.FirstDay() < filter.from->FirstDay()) return false;
  if (filter.to && seizure.date.LastDay() > filter.to->LastDay()) return false;
  if (filter.drug && seizure.drug != *filter.drug) return false;
  if (filter.country && seizure.country != *filter.country) return false;
  if (filter.synthetic && seizure.synthetic != *filter.synthetic) return false;
  if (!filter.visibility.Sees(seizure.compartment)) return false;
  return true;
}

}  // namespace ordo::storage
