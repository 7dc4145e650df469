#include "core/trade_flow.h"

namespace ordo {

Result<TradeDirection> ParseTradeDirection(std::string_view text) {
  if (text == "total") return TradeDirection::kTotal;
  if (text == "export") return TradeDirection::kExport;
  if (text == "import") return TradeDirection::kImport;
  return InvalidArgument("unknown flow '" + std::string(text) +
                         "' (expected total, export or import)");
}

std::string_view TradeDirectionName(TradeDirection direction) {
  switch (direction) {
    case TradeDirection::kTotal:
      return "total";
    case TradeDirection::kExport:
      return "export";
    case TradeDirection::kImport:
      return "import";
  }
  return "total";
}

std::string_view ValueBoundName(ValueBound bound) {
  return bound == ValueBound::kLowerBound ? "lower_bound" : "exact";
}

}  // namespace ordo
