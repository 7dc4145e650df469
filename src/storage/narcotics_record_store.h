#pragma once
// NarcoticsRecordStore: the storage interface for cultivation and eradication records
// (core/cultivation_record.h) and drug prices (core/price_record.h). Kept apart from SeizureStore
// so that callers that handle only seizures need not know these records.
// Backends: memory/memory_narcotics_record_store.h and sqlite/sqlite_store.h.

#include <cstddef>
#include <optional>
#include <vector>

#include "core/cultivation_record.h"
#include "core/drug.h"
#include "core/ids.h"
#include "core/partial_date.h"
#include "core/price_record.h"
#include "core/result.h"

namespace ordo::storage {

// Which cultivation records a read returns. Empty optionals match everything.
struct CultivationFilter {
  std::optional<int> from_year;  // inclusive
  std::optional<int> to_year;    // inclusive
  std::optional<CountryCode> country;
  std::optional<Crop> crop;
};

// Which prices a read returns. Empty optionals match everything. Dates match as SeizureFilter's
// do: every day the price's date may mean lies within [from's first day, to's last day].
struct PriceFilter {
  std::optional<PartialDate> from;
  std::optional<PartialDate> to;
  std::optional<CountryCode> country;
  std::optional<Drug> drug;
};

bool CultivationMatches(const CultivationFilter& filter, const CultivationRecord& record);
bool PriceMatches(const PriceFilter& filter, const PriceRecord& record);

// The rules on a record's own fields, checked by every backend before anything else, with these
// messages (all kInvalidArgument):
//   cultivation: hectares negative or not finite; a year outside 1000..9999; a real
//     (synthetic = false) record without a source;
//   prices: price negative or not finite; purity outside 0..100 or not finite; a currency that is
//     not three capital letters; a real record without a source.
Status CheckCultivationRecord(const CultivationRecord& record);
Status CheckPriceRecord(const PriceRecord& record);

// Rules every backend enforces, with the same codes and messages, in this order:
//   the record's own fields -> kInvalidArgument as CheckCultivationRecord / CheckPriceRecord;
//   uniqueness of KeyOf(record), across the store and within a batch -> kAlreadyExists
//     "cultivation record KEY already exists" / "price record KEY already exists" (KEY as
//     DescribeKey);
//   the country must name a stored country -> kInvalidArgument
//     "cultivation record KEY: unknown country 'XXX'" / "price record KEY: unknown country 'XXX'".
// Reads return rows in write order (first batch first, then row order).
//
// Thread-safety: a store instance is used by one thread at a time.
class NarcoticsRecordStore {
 public:
  virtual ~NarcoticsRecordStore() = default;

  // Appends every record atomically: on any error nothing is written. Errors as above, and
  // kUnavailable when the backend cannot write.
  virtual Status AppendCultivation(const std::vector<CultivationRecord>& records) = 0;
  virtual Status AppendPrices(const std::vector<PriceRecord>& records) = 0;

  // The matching records in write order.
  virtual Result<std::vector<CultivationRecord>> ListCultivation(
      const CultivationFilter& filter) = 0;
  virtual Result<std::vector<PriceRecord>> ListPrices(const PriceFilter& filter) = 0;

  // The number of matching records.
  virtual Result<std::size_t> CountCultivation(const CultivationFilter& filter) = 0;
  virtual Result<std::size_t> CountPrices(const PriceFilter& filter) = 0;
};

}  // namespace ordo::storage
