#pragma once
// Trade concentration: partner shares and the Herfindahl-Hirschman index for one year, over the
// partners that one reporter gives full-year USD figures for. Figures from different reporters are
// never mixed (Kyrgyz and partner statistics disagree up to four-fold), part-year figures never
// stand in for a year, and every partner with figures that could not be used is listed with why.

#include <optional>
#include <string>
#include <vector>

#include "core/trade_flow.h"
#include "storage/registry_store.h"

namespace ordo::analytics {

struct ConcentrationOptions {
  int year = 0;
  TradeDirection direction = TradeDirection::kTotal;
  // Empty: the reporter with full-year figures for the most partners that year (ties: the
  // alphabetically first, and the others are listed in ConcentrationReport::other_reporters).
  std::string reporter;
};

struct PartnerShare {
  CountryCode partner;
  std::int64_t value_usd = 0;
  double share = 0;  // of the covered total, 0..1
  ValueBound bound = ValueBound::kExact;
  std::string source_url;
};

struct MissingPartner {
  CountryCode partner;
  std::string reason;  // "only part-year figures (Jan-Nov)", "figures only from: Tajik ..."
};

struct ConcentrationReport {
  int year = 0;
  TradeDirection direction = TradeDirection::kTotal;
  std::string reporter;
  std::vector<PartnerShare> partners;  // by value, largest first
  std::int64_t covered_total_usd = 0;
  // Sum of squared percentage shares, 0..10000. Computed over `partners` only: it describes how
  // concentrated the covered trade is, not Kyrgyzstan's whole trade.
  double hhi = 0;
  bool includes_lower_bounds = false;  // then shares and HHI are approximate
  std::vector<MissingPartner> missing;
  std::vector<std::string> other_reporters;  // reporters with full-year figures that year
  std::vector<std::string> notes;            // conflicting figures from one reporter, etc.
};

// Errors: kFailedPrecondition when the covered figures do not fit in 64 bits when added,
// kNotFound when no reporter has a full-year USD figure for the year and direction (the
// message says which years have some), kNotFound for an unknown reporter, or store errors.
Result<ConcentrationReport> ComputeTradeConcentration(storage::RegistryStore& store,
                                                      const ConcentrationOptions& options);

}  // namespace ordo::analytics
