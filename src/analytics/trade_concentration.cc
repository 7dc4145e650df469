#include "analytics/trade_concentration.h"

#include <algorithm>
#include <map>
#include <set>

namespace ordo::analytics {
namespace {

bool Usable(const TradeFlow& flow, const ConcentrationOptions& options) {
  return flow.year == options.year && flow.direction == options.direction && flow.IsFullYear() &&
         flow.value_usd.has_value() && !flow.reporter.empty();
}

// Picks the reporter covering the most partners; ties go to the alphabetically first.
std::string BusiestReporter(const std::map<std::string, std::set<CountryCode>>& partners_by_reporter) {
  std::string best;
  std::size_t best_count = 0;
  for (const auto& [reporter, partners] : partners_by_reporter) {
    if (partners.size() > best_count) {
      best = reporter;
      best_count = partners.size();
    }
  }
  return best;
}

std::string WhyMissing(const std::vector<const TradeFlow*>& rows, const ConcentrationOptions& options,
                       const std::string& reporter) {
  std::set<std::string> part_periods;
  std::set<std::string> other_reporters;
  bool other_direction = false;
  bool no_usd = false;
  bool no_reporter = false;
  for (const TradeFlow* flow : rows) {
    if (flow->direction != options.direction) {
      other_direction = true;
    } else if (!flow->IsFullYear()) {
      part_periods.insert(flow->period.empty() ? "unknown period" : flow->period);
    } else if (!flow->value_usd) {
      no_usd = true;
    } else if (flow->reporter.empty()) {
      no_reporter = true;
    } else if (flow->reporter != reporter) {
      other_reporters.insert(flow->reporter);
    }
  }
  std::vector<std::string> reasons;
  auto join = [](const std::set<std::string>& items) {
    std::string text;
    for (const std::string& item : items) text += (text.empty() ? "" : "; ") + item;
    return text;
  };
  if (!other_reporters.empty()) reasons.push_back("full-year figures only from: " + join(other_reporters));
  if (!part_periods.empty()) reasons.push_back("only part-year figures (" + join(part_periods) + ")");
  if (no_usd) reasons.push_back("value not given in USD");
  if (no_reporter) reasons.push_back("reporter unknown");
  if (other_direction && reasons.empty()) {
    reasons.push_back("no " + std::string(TradeDirectionName(options.direction)) + " figure");
  }
  std::string text;
  for (const std::string& reason : reasons) text += (text.empty() ? "" : "; ") + reason;
  return text;
}

}  // namespace

Result<ConcentrationReport> ComputeTradeConcentration(storage::RegistryStore& store,
                                                      const ConcentrationOptions& options) {
  ORDO_TRY(flows, store.ListTradeFlows());

  std::map<std::string, std::set<CountryCode>> partners_by_reporter;
  std::set<int> years_with_figures;
  for (const TradeFlow& flow : flows) {
    ConcentrationOptions same_year = options;
    same_year.year = flow.year;
    if (Usable(flow, same_year)) years_with_figures.insert(flow.year);
    if (Usable(flow, options)) partners_by_reporter[flow.reporter].insert(flow.partner);
  }
  if (partners_by_reporter.empty()) {
    std::string years;
    for (int year : years_with_figures) years += (years.empty() ? "" : ", ") + std::to_string(year);
    return NotFound("no reporter gives full-year " +
                    std::string(TradeDirectionName(options.direction)) + " figures in USD for " +
                    std::to_string(options.year) + "; years that have some: " + years);
  }

  ConcentrationReport report;
  report.year = options.year;
  report.direction = options.direction;
  report.reporter = options.reporter.empty() ? BusiestReporter(partners_by_reporter) : options.reporter;
  if (partners_by_reporter.count(report.reporter) == 0) {
    return NotFound("reporter '" + report.reporter + "' gives no full-year figures for " +
                    std::to_string(options.year));
  }
  for (const auto& [reporter, partners] : partners_by_reporter) {
    if (reporter != report.reporter) report.other_reporters.push_back(reporter);
  }

  std::map<CountryCode, std::vector<const TradeFlow*>> rows_by_partner;
  for (const TradeFlow& flow : flows) {
    if (flow.year != options.year) continue;
    rows_by_partner[flow.partner].push_back(&flow);
    if (!Usable(flow, options) || flow.reporter != report.reporter) continue;
    auto existing = std::find_if(report.partners.begin(), report.partners.end(),
                                 [&](const PartnerShare& share) { return share.partner == flow.partner; });
    if (existing != report.partners.end()) {
      report.notes.push_back(flow.partner.str() + ": " + report.reporter +
                             " gives more than one full-year figure; the first (" +
                             std::to_string(existing->value_usd) + ") is used, " +
                             std::to_string(*flow.value_usd) + " from " + flow.source_url +
                             " is not");
      continue;
    }
    report.partners.push_back({flow.partner, *flow.value_usd, 0, flow.bound, flow.source_url});
  }

  for (const PartnerShare& share : report.partners) {
    // Imported values may be as large as int64 allows; a sum that does not fit is refused, never
    // wrapped.
    if (__builtin_add_overflow(report.covered_total_usd, share.value_usd, &report.covered_total_usd)) {
      return FailedPrecondition("the " + std::to_string(options.year) +
                                " figures are too large to add up (over 9.2e18 USD)");
    }
  }
  for (PartnerShare& share : report.partners) {
    share.share = report.covered_total_usd == 0
                      ? 0
                      : static_cast<double>(share.value_usd) /
                            static_cast<double>(report.covered_total_usd);
    report.hhi += (100 * share.share) * (100 * share.share);
    report.includes_lower_bounds |= share.bound == ValueBound::kLowerBound;
  }
  std::stable_sort(report.partners.begin(), report.partners.end(),
                   [](const PartnerShare& a, const PartnerShare& b) { return a.value_usd > b.value_usd; });

  for (const auto& [partner, rows] : rows_by_partner) {
    // An init-capture, since clang 14 (the fuzz build) cannot capture a structured binding.
    const bool covered =
        std::any_of(report.partners.begin(), report.partners.end(),
                    [&code = partner](const PartnerShare& share) { return share.partner == code; });
    if (!covered) report.missing.push_back({partner, WhyMissing(rows, options, report.reporter)});
  }
  return report;
}

}  // namespace ordo::analytics
