#pragma once
// PriceRecord: one observed drug price, with purity where reported (a row of the price CSV in
// docs/formats.md), and the market-level, price-unit and currency-code vocabulary. Prices keep the
// currency they were reported in: Ordo converts none, and never adds or averages prices of
// different currencies, levels or units.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "core/drug.h"
#include "core/ids.h"
#include "core/partial_date.h"
#include "core/result.h"

namespace ordo {

// Where in the chain the price was paid.
enum class PriceLevel : std::uint8_t { kFarmGate, kWholesale, kRetail };

// "farm_gate", "wholesale", "retail".
std::string_view PriceLevelName(PriceLevel level);
// Accepts exactly the names above; kInvalidArgument "unknown level 'x'; expected ..." otherwise.
Result<PriceLevel> ParsePriceLevel(std::string_view text);

// The quantity a price is for.
enum class PriceUnit : std::uint8_t { kPerGram, kPerKilogram };

// "g", "kg".
std::string_view PriceUnitName(PriceUnit unit);
// Accepts "g" or "kg"; kInvalidArgument "unknown price unit 'x'; expected g or kg" otherwise.
Result<PriceUnit> ParsePriceUnit(std::string_view text);

// Checks the shape of an ISO 4217 alphabetic code as written: exactly three capital ASCII letters
// ("USD", "KGS", "RUB"). Whether the code is assigned is not checked. kInvalidArgument otherwise.
Status CheckCurrencyCode(std::string_view text);

struct PriceRecord {
  PartialDate date = PartialDate::Year(2000);
  CountryCode country;
  std::string place;  // town or region as written; "" for the whole country
  Drug drug = Drug::kOther;
  PriceLevel level = PriceLevel::kRetail;
  double price = 0;  // >= 0, in `currency` per `unit`
  PriceUnit unit = PriceUnit::kPerGram;
  std::string currency;                  // ISO 4217 code as written
  std::optional<double> purity_percent;  // 0..100; empty when not reported
  std::string source;                    // required when synthetic is false
  bool synthetic = false;

  friend bool operator==(const PriceRecord&, const PriceRecord&) = default;
};

// What makes a record unique in a store: one price per date as written, country, place, drug,
// level, unit, currency and source.
using PriceKey = std::tuple<std::string, std::string, std::string, Drug, PriceLevel, PriceUnit,
                            std::string, std::string>;
PriceKey KeyOf(const PriceRecord& record);

// The key as people read it: "2023-05 KGZ 'Osh' heroin retail USD per g, source 'S'".
std::string DescribeKey(const PriceRecord& record);

}  // namespace ordo
