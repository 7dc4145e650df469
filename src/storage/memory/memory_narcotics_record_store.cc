#include "storage/memory/memory_narcotics_record_store.h"

#include <fmt/format.h>

#include <string_view>

namespace ordo::storage {
namespace {

// Checks a batch in the contract's order (own fields, uniqueness, country) and, when every record
// passes, adds their keys to `keys`. `what` is "cultivation record" or "price record".
template <typename Record, typename Key, typename Check>
Status CheckBatch(const std::vector<Record>& records, std::string_view what, Check check,
                  RegistryStore& countries, std::set<Key>& keys) {
  ORDO_TRY(stored_countries, countries.ListCountries());
  std::set<CountryCode> known;
  for (const Country& country : stored_countries) known.insert(country.iso3);
  std::set<Key> batch_keys;
  for (const Record& record : records) {
    ORDO_RETURN_IF_ERROR(check(record));
    const Key key = KeyOf(record);
    if (keys.count(key) != 0 || !batch_keys.insert(key).second) {
      return AlreadyExists(fmt::format("{} {} already exists", what, DescribeKey(record)));
    }
    if (known.count(record.country) == 0) {
      return InvalidArgument(fmt::format("{} {}: unknown country '{}'", what, DescribeKey(record),
                                         record.country.str()));
    }
  }
  keys.merge(batch_keys);
  return OkStatus();
}

template <typename Record, typename Filter, typename Matches>
std::vector<Record> Matching(const std::vector<Record>& rows, const Filter& filter,
                             Matches matches) {
  std::vector<Record> listed;
  for (const Record& row : rows) {
    if (matches(filter, row)) listed.push_back(row);
  }
  return listed;
}

}  // namespace

Status MemoryNarcoticsRecordStore::AppendCultivation(
    const std::vector<CultivationRecord>& records) {
  ORDO_RETURN_IF_ERROR(CheckBatch(records, "cultivation record", CheckCultivationRecord, countries_,
                                  cultivation_keys_));
  cultivation_.insert(cultivation_.end(), records.begin(), records.end());
  return OkStatus();
}

Status MemoryNarcoticsRecordStore::AppendPrices(const std::vector<PriceRecord>& records) {
  ORDO_RETURN_IF_ERROR(
      CheckBatch(records, "price record", CheckPriceRecord, countries_, price_keys_));
  prices_.insert(prices_.end(), records.begin(), records.end());
  return OkStatus();
}

Result<std::vector<CultivationRecord>> MemoryNarcoticsRecordStore::ListCultivation(
    const CultivationFilter& filter) {
  return Matching(cultivation_, filter, CultivationMatches);
}

Result<std::vector<PriceRecord>> MemoryNarcoticsRecordStore::ListPrices(const PriceFilter& filter) {
  return Matching(prices_, filter, PriceMatches);
}

Result<std::size_t> MemoryNarcoticsRecordStore::CountCultivation(const CultivationFilter& filter) {
  return Matching(cultivation_, filter, CultivationMatches).size();
}

Result<std::size_t> MemoryNarcoticsRecordStore::CountPrices(const PriceFilter& filter) {
  return Matching(prices_, filter, PriceMatches).size();
}

}  // namespace ordo::storage
