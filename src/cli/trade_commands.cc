// `ordo trade [--partner X] [--year Y]` and `ordo trade concentration --year Y`.

#include <CLI/CLI.hpp>
#include <cstdio>

#include "analytics/registry_lists.h"
#include "analytics/registry_view.h"
#include "analytics/trade_concentration.h"
#include "cli/cells.h"
#include "cli/command_context.h"
#include "cli/commands.h"

namespace ordo::cli {
namespace {

struct TradeFlags {
  std::string partner;
  std::optional<int> year;
  int concentration_year = 0;
  std::string reporter;
  std::string flow = "total";
};

Status RunTrade(CommandContext& context, const TradeFlags& flags) {
  ORDO_TRY(language, context.Lang());
  ORDO_TRY(store, context.OpenStore());
  ORDO_TRY(directory, analytics::LoadCountryDirectory(*store));
  analytics::TradeFilter filter;
  filter.year = flags.year;
  if (!flags.partner.empty()) {
    auto country = directory.Resolve(flags.partner);
    if (!country) return Error(country.error().code(), "--partner: " + country.error().message());
    filter.partner = (*country)->iso3;
  }
  ORDO_TRY(flows, analytics::FindTradeFlows(*store, filter));
  Section section{"trade", "", {}, {}, false};
  section.columns = {{"partner_iso3"}, {"partner"}, {"year"}, {"flow"}, {"value_usd"}, {"bound"},
                     {"period"}, {"reporter"}, {"source_url", true}, {"notes", true}};
  for (const TradeFlow& flow : flows) {
    section.rows.push_back({flow.partner.str(), directory.NameOf(flow.partner, language),
                            static_cast<std::int64_t>(flow.year),
                            std::string(TradeDirectionName(flow.direction)), UsdCell(flow.value_usd),
                            std::string(ValueBoundName(flow.bound)), TextOrMissing(flow.period),
                            TextOrMissing(flow.reporter), flow.source_url, TextOrMissing(flow.notes)});
  }
  Report report{{std::move(section)}, {}};
  report.notes.push_back(
      "each reporter's figure is its own row: Kyrgyz and partner statistics disagree; do not add "
      "part-year and full-year rows");
  context.Print(report);
  return OkStatus();
}

std::string Percent(double share) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", 100 * share);
  return buffer;
}

Status RunConcentration(CommandContext& context, const TradeFlags& flags) {
  ORDO_TRY(language, context.Lang());
  ORDO_TRY(direction, ParseTradeDirection(flags.flow));
  ORDO_TRY(store, context.OpenStore());
  ORDO_TRY(directory, analytics::LoadCountryDirectory(*store));
  analytics::ConcentrationOptions options{flags.concentration_year, direction, flags.reporter};
  ORDO_TRY(result, analytics::ComputeTradeConcentration(*store, options));

  Section summary{"summary", "Concentration of trade", {{"key"}, {"value"}}, {}, true};
  summary.rows = {Field("year", static_cast<std::int64_t>(result.year)),
                  Field("flow", std::string(TradeDirectionName(result.direction))),
                  Field("reporter", result.reporter),
                  Field("partners_covered", Count(result.partners.size())),
                  Field("covered_total_usd", result.covered_total_usd),
                  Field("hhi", result.hhi),
                  Field("includes_lower_bounds", result.includes_lower_bounds)};
  Section partners{"partners", "Partner shares of the covered total", {}, {}, false};
  partners.columns = {{"partner_iso3"}, {"partner"}, {"value_usd"}, {"share"}, {"share_percent"},
                      {"bound"}, {"source_url", true}};
  for (const analytics::PartnerShare& share : result.partners) {
    partners.rows.push_back({share.partner.str(), directory.NameOf(share.partner, language),
                             share.value_usd, share.share, Percent(share.share),
                             std::string(ValueBoundName(share.bound)), share.source_url});
  }
  Section missing{"missing", "Partners with figures that year that could not be used", {}, {}, false};
  missing.columns = {{"partner_iso3"}, {"partner"}, {"reason"}};
  for (const analytics::MissingPartner& partner : result.missing) {
    missing.rows.push_back({partner.partner.str(), directory.NameOf(partner.partner, language),
                            partner.reason});
  }
  Report report{{std::move(summary), std::move(partners), std::move(missing)}, {}};
  report.notes.push_back("HHI = sum of squared percentage shares (0-10000) over the covered partners "
                         "only; it is not Kyrgyzstan's whole trade");
  for (const std::string& reporter : result.other_reporters) {
    report.notes.push_back("also available: --reporter \"" + reporter + "\"");
  }
  for (const std::string& note : result.notes) report.notes.push_back(note);
  context.Print(report);
  return OkStatus();
}

}  // namespace

void RegisterTradeCommands(CLI::App& app, CommandContext& context) {
  auto flags = std::make_shared<TradeFlags>();
  CLI::App* trade = app.add_subcommand("trade", "Bilateral trade figures, each with its reporter");
  trade->add_option("--partner", flags->partner, "Partner country (ISO code or name)");
  trade->add_option("--year", flags->year, "Only this year");
  trade->require_subcommand(0, 1);

  CLI::App* concentration = trade->add_subcommand(
      "concentration", "Partner shares and the Herfindahl-Hirschman index for one year");
  concentration->add_option("--year", flags->concentration_year, "Year")->required();
  concentration->add_option("--reporter", flags->reporter,
                            "Whose statistics (default: the one covering most partners)");
  concentration->add_option("--flow", flags->flow, "total, export or import")
      ->check(CLI::IsMember({"total", "export", "import"}))
      ->capture_default_str();
  concentration->callback([&context, flags] { context.Finish(RunConcentration(context, *flags)); });

  trade->callback([&context, flags, concentration] {
    if (concentration->parsed()) return;
    context.Finish(RunTrade(context, *flags));
  });
}

}  // namespace ordo::cli
