#include "storage/narcotics_record_store.h"

#include <cmath>

namespace ordo::storage {

bool CultivationMatches(const CultivationFilter& filter, const CultivationRecord& record) {
  if (filter.from_year && record.year < *filter.from_year) return false;
  if (filter.to_year && record.year > *filter.to_year) return false;
  if (filter.country && record.country != *filter.country) return false;
  if (filter.crop && record.crop != *filter.crop) return false;
  return true;
}

bool PriceMatches(const PriceFilter& filter, const PriceRecord& record) {
  if (filter.from && record.date.FirstDay() < filter.from->FirstDay()) return false;
  if (filter.to && record.date.LastDay() > filter.to->LastDay()) return false;
  if (filter.country && record.country != *filter.country) return false;
  if (filter.drug && record.drug != *filter.drug) return false;
  return true;
}

Status CheckCultivationRecord(const CultivationRecord& record) {
  const std::string prefix = "cultivation record " + DescribeKey(record);
  if (!std::isfinite(record.hectares) || record.hectares < 0) {
    return InvalidArgument(prefix + ": hectares must be a non-negative number");
  }
  if (record.year < 1000 || record.year > 9999) {
    return InvalidArgument(prefix + ": the year must be from 1000 to 9999");
  }
  if (!record.synthetic && record.source.empty()) {
    return InvalidArgument(prefix + ": a real record needs a source");
  }
  return OkStatus();
}

Status CheckPriceRecord(const PriceRecord& record) {
  const std::string prefix = "price record " + DescribeKey(record);
  if (!std::isfinite(record.price) || record.price < 0) {
    return InvalidArgument(prefix + ": the price must be a non-negative number");
  }
  if (record.purity_percent && (!std::isfinite(*record.purity_percent) ||
                                *record.purity_percent < 0 || *record.purity_percent > 100)) {
    return InvalidArgument(prefix + ": purity must be from 0 to 100 percent");
  }
  if (Status currency = CheckCurrencyCode(record.currency); !currency) {
    return InvalidArgument(prefix + ": " + currency.error().message());
  }
  if (!record.synthetic && record.source.empty()) {
    return InvalidArgument(prefix + ": a real record needs a source");
  }
  return OkStatus();
}

}  // namespace ordo::storage
