#include "core/price_record.h"

#include <fmt/format.h>

#include <array>

namespace ordo {
namespace {

constexpr std::array<std::string_view, 3> kLevelNames = {"farm_gate", "wholesale", "retail"};
constexpr std::array<std::string_view, 2> kUnitNames = {"g", "kg"};

}  // namespace

std::string_view PriceLevelName(PriceLevel level) {
  return kLevelNames[static_cast<std::size_t>(level)];
}

Result<PriceLevel> ParsePriceLevel(std::string_view text) {
  for (std::size_t index = 0; index < kLevelNames.size(); ++index) {
    if (kLevelNames[index] == text) return static_cast<PriceLevel>(index);
  }
  return InvalidArgument(
      fmt::format("unknown level '{}'; expected farm_gate, wholesale or retail", text));
}

std::string_view PriceUnitName(PriceUnit unit) {
  return kUnitNames[static_cast<std::size_t>(unit)];
}

Result<PriceUnit> ParsePriceUnit(std::string_view text) {
  if (text == "g") return PriceUnit::kPerGram;
  if (text == "kg") return PriceUnit::kPerKilogram;
  return InvalidArgument(fmt::format("unknown price unit '{}'; expected g or kg", text));
}

Status CheckCurrencyCode(std::string_view text) {
  bool shaped = text.size() == 3;
  for (char letter : text) shaped = shaped && letter >= 'A' && letter <= 'Z';
  if (shaped) return OkStatus();
  return InvalidArgument(fmt::format(
      "'{}' is not an ISO 4217 currency code; expected three capital letters such as USD", text));
}

PriceKey KeyOf(const PriceRecord& record) {
  return {record.date.ToString(), record.country.str(), record.place,    record.drug,
          record.level,           record.unit,          record.currency, record.source};
}

std::string DescribeKey(const PriceRecord& record) {
  return fmt::format("{} {} '{}' {} {} {} per {}, source '{}'", record.date.ToString(),
                     record.country.str(), record.place, DrugName(record.drug),
                     PriceLevelName(record.level), record.currency, PriceUnitName(record.unit),
                     record.source);
}

}  // namespace ordo
