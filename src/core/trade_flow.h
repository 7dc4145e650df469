#pragma once
// TradeFlow: one bilateral trade figure between Kyrgyzstan and a partner, as one source reported it.
// Figures from different reporters for the same partner and year are separate rows, never merged.

#include <cstdint>
#include <optional>
#include <string>

#include "core/ids.h"

namespace ordo {

// Direction seen from Kyrgyzstan: kExport = Kyrgyz exports to the partner.
enum class TradeDirection { kTotal, kExport, kImport };

Result<TradeDirection> ParseTradeDirection(std::string_view text);
std::string_view TradeDirectionName(TradeDirection direction);

// What the value means: the figure itself, or a floor ("more than $3.1 billion").
enum class ValueBound { kExact, kLowerBound };

std::string_view ValueBoundName(ValueBound bound);

struct TradeFlow {
  CountryCode partner;
  int year = 0;
  TradeDirection direction = TradeDirection::kTotal;
  std::optional<std::int64_t> value_usd;  // empty when the source gives no USD figure
  ValueBound bound = ValueBound::kExact;
  std::string period;    // "full year" or a part-year such as "Jan-Sep"
  std::string reporter;  // who published the figure; empty when the source does not say
  std::string source_url;
  std::string notes;

  bool IsFullYear() const { return period == "full year"; }
};

}  // namespace ordo
