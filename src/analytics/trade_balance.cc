#include "analytics/trade_balance.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace ordo::analytics {
namespace {

struct PointKey {
  int year = 0;
  std::size_t bloc_index = 0;
  std::string reporter;

  friend bool operator<(const PointKey& a, const PointKey& b) {
    return std::tie(a.year, a.bloc_index, a.reporter) < std::tie(b.year, b.bloc_index, b.reporter);
  }
};

struct PointSum {
  std::int64_t value_usd = 0;
  std::set<std::size_t>
      member_indices;  // positions in the bloc's member list, so partners keep bloc order
  bool includes_lower_bounds = false;
};

std::vector<TradeBloc> GroupBlocs(const std::vector<TradeBlocMember>& members) {
  std::vector<TradeBloc> blocs;
  std::map<std::string, std::size_t> index_of;
  for (const TradeBlocMember& member : members) {
    auto [it, added] = index_of.emplace(member.bloc_id, blocs.size());
    if (added) blocs.push_back({member.bloc_id, member.bloc_name, {}});
    std::vector<CountryCode>& bloc_members = blocs[it->second].members;
    if (std::find(bloc_members.begin(), bloc_members.end(), member.iso3) == bloc_members.end()) {
      bloc_members.push_back(member.iso3);
    }
  }
  return blocs;
}

bool Counts(const TradeFlow& flow, TradeDirection direction) {
  return flow.direction == direction && flow.IsFullYear() && flow.value_usd.has_value() &&
         !flow.reporter.empty();
}

}  // namespace

Result<TradeBalance> ComputeTradeBalance(const std::vector<TradeBlocMember>& members,
                                         const std::vector<TradeFlow>& flows,
                                         TradeDirection direction) {
  TradeBalance balance;
  balance.blocs = GroupBlocs(members);

  // The first full-year figure per (year, reporter, partner); later duplicates are not added.
  std::map<std::tuple<int, std::string, CountryCode>, const TradeFlow*> figures;
  for (const TradeFlow& flow : flows) {
    if (Counts(flow, direction))
      figures.emplace(std::tuple(flow.year, flow.reporter, flow.partner), &flow);
  }

  std::map<PointKey, PointSum> sums;
  for (const auto& [key, flow] : figures) {
    for (std::size_t bloc_index = 0; bloc_index < balance.blocs.size(); ++bloc_index) {
      const std::vector<CountryCode>& bloc_members = balance.blocs[bloc_index].members;
      auto member = std::find(bloc_members.begin(), bloc_members.end(), flow->partner);
      if (member == bloc_members.end()) continue;
      PointSum& sum = sums[PointKey{flow->year, bloc_index, flow->reporter}];
      if (__builtin_add_overflow(sum.value_usd, *flow->value_usd, &sum.value_usd)) {
        return FailedPrecondition("the " + flow->reporter + " figures for bloc '" +
                                  balance.blocs[bloc_index].id + "' in " +
                                  std::to_string(flow->year) + " add up to more than 2^63 USD");
      }
      sum.member_indices.insert(static_cast<std::size_t>(member - bloc_members.begin()));
      sum.includes_lower_bounds |= flow->bound == ValueBound::kLowerBound;
    }
  }

  for (const auto& [key, sum] : sums) {
    BlocTradePoint point{key.year, balance.blocs[key.bloc_index].id, key.reporter, sum.value_usd,
                         {},       sum.includes_lower_bounds};
    for (std::size_t index : sum.member_indices) {
      point.partners.push_back(balance.blocs[key.bloc_index].members[index]);
    }
    balance.series.push_back(std::move(point));
  }
  return balance;
}

}  // namespace ordo::analytics
