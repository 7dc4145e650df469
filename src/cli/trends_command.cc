// `ordo trends [--by drug|region|conveyance] [--from D --to D --drug X
// --synthetic true|false]`: monthly seizure counts and kg per group with robust
// anomaly flags (analytics/seizure_trends.h, docs/cli.md).

#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <string>

#include "analytics/seizure_trends.h"
#include "cli/cells.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/seizure_flags.h"

namespace ordo::cli {
namespace {

struct TrendFlags {
  SeizureFilterFlags filter;
  std::string by = "drug";
};

std::string MonthText(int year, int month) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d", year, month);
  return text;
}

Result<analytics::TrendGrouping> ParseGrouping(const std::string& text) {
  if (text == "drug") return analytics::TrendGrouping::kDrug;
  if (text == "region") return analytics::TrendGrouping::kRegion;
  if (text == "conveyance") return analytics::TrendGrouping::kConveyance;
  return InvalidArgument("--by takes drug, region or conveyance, not '" + text + "'");
}

Status RunTrends(CommandContext& context, const TrendFlags& flags) {
  analytics::TrendOptions options;
  ORDO_TRY(filter, ParseSeizureFilter(flags.filter));
  options.filter = std::move(filter);
  ORDO_TRY(grouping, ParseGrouping(flags.by));
  options.group_by = grouping;
  ORDO_TRY(store, OpenSeizureStore(context));
  ORDO_TRY(trends, analytics::ComputeSeizureTrends(*store.seizures, options));

  Section months{"months", "Monthly series", {}, {}, false};
  months.columns = {{"group"}, {"month"}, {"count"}, {"kg"}, {"count_anomaly"}, {"kg_anomaly"}};
  for (const analytics::TrendMonth& month : trends.months) {
    months.rows.push_back({month.group, MonthText(month.year, month.month), Count(month.count),
                           month.kg, month.count_anomaly, month.kg_anomaly});
  }
  Section year_only{"year_only", "Dated to a year only (not spread over months)", {}, {}, false};
  year_only.columns = {{"group"}, {"year"}, {"count"}, {"kg"}};
  for (const analytics::TrendYearOnly& row : trends.year_only) {
    year_only.rows.push_back(
        {row.group, static_cast<std::int64_t>(row.year), Count(row.count), row.kg});
  }
  Report report{{std::move(months), std::move(year_only)}, {}};
  report.notes.push_back(std::to_string(trends.rows_matched) +
                         " matching seizure(s); anomaly: |x - median| > 3.5 x 1.4826 x MAD of "
                         "the previous 12 months, with at least 6 months of history");
  context.Print(report);
  return OkStatus();
}

}  // namespace

void RegisterTrendsCommand(CLI::App& app, CommandContext& context) {
  auto flags = std::make_shared<TrendFlags>();
  CLI::App* command = app.add_subcommand(
      "trends", "Monthly seizure counts and kg per group, with robust anomaly flags");
  AddSeizureFilterFlags(*command, flags->filter);
  command->add_option("--by", flags->by, "drug, region or conveyance")->capture_default_str();
  command->callback([&context, flags] { context.Finish(RunTrends(context, *flags)); });
}

}  // namespace ordo::cli
