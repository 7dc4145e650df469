#pragma once
// Trade balance between blocs (the "multi-vector" question): per year and bloc, what one
// reporter's full-year USD figures for the bloc's members add up to. Figures are added only within
// one reporter (Kyrgyz and partner statistics disagree up to four-fold) and only full-year figures
// count: a part-year figure never stands in for a year, and nothing is extrapolated.

#include <cstdint>
#include <string>
#include <vector>

#include "core/membership.h"
#include "core/result.h"
#include "core/trade_flow.h"

namespace ordo::analytics {

struct TradeBloc {
  std::string id;                    // "russia", "west", ...
  std::string name;                  // "EU and United States"
  std::vector<CountryCode> members;  // in the order of the member rows
};

// One reporter's figures for one bloc in one year.
struct BlocTradePoint {
  int year = 0;
  std::string bloc;  // TradeBloc::id
  std::string reporter;
  std::int64_t value_usd = 0;         // sum over `partners`
  std::vector<CountryCode> partners;  // members this reporter gives a figure for, in bloc order
  // True when some figure is a floor ("more than ..."); then the sum is a floor too.
  bool includes_lower_bounds = false;
};

struct TradeBalance {
  std::vector<TradeBloc> blocs;  // in order of first appearance in the member rows
  // Ordered by year, then bloc (as in `blocs`), then reporter. A bloc appears in a year only for
  // reporters that give a figure for at least one of its members.
  std::vector<BlocTradePoint> series;
};

// Groups `members` into blocs and adds up, per (year, bloc, reporter), the full-year USD figures in
// `flows` with `direction` for the bloc's members. Rows without a reporter or a USD value are left
// out. When one reporter gives more than one full-year figure for the same partner, year and
// direction, the first in `flows` is used (as trade concentration does), so nothing is counted
// twice. A state in two blocs counts in both.
// Errors: kFailedPrecondition when a sum does not fit in 64 bits (only hostile data can do that).
Result<TradeBalance> ComputeTradeBalance(const std::vector<TradeBlocMember>& members,
                                         const std::vector<TradeFlow>& flows,
                                         TradeDirection direction);

}  // namespace ordo::analytics
