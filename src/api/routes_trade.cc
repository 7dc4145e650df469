// /api/v1/trade, /api/v1/trade/concentration and /api/v1/trade/balance. Every figure keeps its
// reporter; sums and shares only ever combine one reporter's full-year figures (analytics/).

#include <set>

#include "analytics/registry_lists.h"
#include "analytics/trade_balance.h"
#include "analytics/trade_concentration.h"
#include "api/error_response.h"
#include "api/internal/route_support.h"
#include "api/registry_snapshot.h"
#include "api/routes.h"

namespace ordo::api {
namespace {

using internal::Json;

const std::vector<std::string> kFlows = {"total", "export", "import"};

TradeDirection FlowOf(const RouteRequest& request) {
  const std::string& flow = request.params.Text("flow");
  return flow.empty() ? TradeDirection::kTotal : ParseTradeDirection(flow).value();
}

HttpResponse ListTrade(const RouteRequest& request) {
  const analytics::CountryDirectory& directory = request.snapshot.directory();
  analytics::TradeFilter filter;
  if (auto year = request.params.OptionalInteger("year")) filter.year = static_cast<int>(*year);
  if (const std::string& partner = request.params.Text("partner"); !partner.empty()) {
    auto country = directory.Resolve(partner);
    if (!country) return ErrorResponse(country.error(), "partner");
    filter.partner = (*country)->iso3;
  }
  auto flows = analytics::FindTradeFlows(request.snapshot.store(), filter);
  if (!flows) return ErrorResponse(flows.error());
  std::vector<Json> items;
  for (const TradeFlow& flow : *flows) {
    items.push_back(internal::TradeFlowJson(flow, directory, request.language));
  }
  return internal::PagedResponse(request, std::move(items));
}

// Years in which some reporter gives a full-year USD figure for `direction`.
Result<std::set<int>> YearsWithFigures(const RegistrySnapshot& snapshot, TradeDirection direction) {
  ORDO_TRY(flows, snapshot.store().ListTradeFlows());
  std::set<int> years;
  for (const TradeFlow& flow : flows) {
    if (flow.direction == direction && flow.IsFullYear() && flow.value_usd &&
        !flow.reporter.empty()) {
      years.insert(flow.year);
    }
  }
  return years;
}

HttpResponse Concentration(const RouteRequest& request) {
  const analytics::CountryDirectory& directory = request.snapshot.directory();
  analytics::ConcentrationOptions options;
  options.direction = FlowOf(request);
  options.reporter = request.params.Text("reporter");
  auto years = YearsWithFigures(request.snapshot, options.direction);
  if (!years) return ErrorResponse(years.error());
  // Without a year: the latest one with figures.
  const std::optional<std::int64_t> year = request.params.OptionalInteger("year");
  options.year = year ? static_cast<int>(*year) : (years->empty() ? 0 : *years->rbegin());
  auto report = analytics::ComputeTradeConcentration(request.snapshot.store(), options);
  if (!report) {
    const bool year_has_figures = years->count(options.year) > 0;
    return ErrorResponse(report.error(), year_has_figures ? "reporter" : "year");
  }
  Json partners = Json::array();
  for (const analytics::PartnerShare& share : report->partners) {
    partners.push_back({{"partner_iso3", share.partner.str()},
                        {"partner", directory.NameOf(share.partner, request.language)},
                        {"value_usd", share.value_usd},
                        {"share", share.share},
                        {"bound", ValueBoundName(share.bound)},
                        {"source_url", share.source_url}});
  }
  Json missing = Json::array();
  for (const analytics::MissingPartner& partner : report->missing) {
    missing.push_back({{"partner_iso3", partner.partner.str()},
                       {"partner", directory.NameOf(partner.partner, request.language)},
                       {"reason", partner.reason}});
  }
  return internal::JsonResponse({{"year", report->year},
                                 {"flow", TradeDirectionName(report->direction)},
                                 {"reporter", report->reporter},
                                 {"partners", std::move(partners)},
                                 {"covered_total_usd", report->covered_total_usd},
                                 {"hhi", report->hhi},
                                 {"includes_lower_bounds", report->includes_lower_bounds},
                                 {"missing", std::move(missing)},
                                 {"other_reporters", report->other_reporters},
                                 {"notes", report->notes}});
}

HttpResponse Balance(const RouteRequest& request) {
  storage::RegistryStore& store = request.snapshot.store();
  auto members = store.ListTradeBlocMembers();
  if (!members) return ErrorResponse(members.error());
  auto flows = store.ListTradeFlows();
  if (!flows) return ErrorResponse(flows.error());
  auto balance = analytics::ComputeTradeBalance(*members, *flows, FlowOf(request));
  if (!balance) return ErrorResponse(balance.error());
  auto codes = [](const std::vector<CountryCode>& list) {
    Json array = Json::array();
    for (const CountryCode& code : list) array.push_back(code.str());
    return array;
  };
  Json blocs = Json::array();
  for (const analytics::TradeBloc& bloc : balance->blocs) {
    blocs.push_back({{"id", bloc.id}, {"name", bloc.name}, {"members", codes(bloc.members)}});
  }
  Json series = Json::array();
  for (const analytics::BlocTradePoint& point : balance->series) {
    series.push_back({{"year", point.year},
                      {"bloc", point.bloc},
                      {"reporter", point.reporter},
                      {"value_usd", point.value_usd},
                      {"partners", codes(point.partners)},
                      {"includes_lower_bounds", point.includes_lower_bounds}});
  }
  return internal::JsonResponse({{"blocs", std::move(blocs)}, {"series", std::move(series)}});
}

}  // namespace

void AddTradeRoutes(Router& router) {
  using internal::Paging;
  const ParamSpec flow =
      internal::ChoiceParam("flow", kFlows, "total, export or import (default total)");
  router.Add({"/api/v1/trade",
              internal::RouteParams(
                  {internal::TextParam("partner", "Partner country: ISO 3166-1 code or a name"),
                   internal::IntegerParam("year", 1000, 9999, "Only this year")},
                  Paging::kPaged),
              ListTrade});
  router.Add({"/api/v1/trade/concentration",
              internal::RouteParams(
                  {internal::IntegerParam("year", 1000, 9999,
                                          "Year (default: the latest with full-year figures)"),
                   internal::TextParam(
                       "reporter", "Whose statistics (default: the one covering most partners)"),
                   flow},
                  Paging::kNone),
              Concentration});
  router.Add({"/api/v1/trade/balance", internal::RouteParams({flow}, Paging::kNone), Balance});
}

}  // namespace ordo::api
