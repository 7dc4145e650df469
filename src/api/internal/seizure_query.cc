#include "api/internal/seizure_query.h"

#include <string>

#include "api/error_response.h"
#include "api/principal.h"
#include "api/visibility_of.h"
#include "api/registry_snapshot.h"
#include "api/seizure_store_pool.h"
#include "core/drug.h"

namespace ordo::api::internal {
namespace {

Json CodeOrNull(const std::optional<CountryCode>& code) {
  return code ? Json(code->str()) : Json(nullptr);
}

Json NumberOrNull(const std::optional<double>& value) {
  return value ? Json(*value) : Json(nullptr);
}

std::string DrugNames() {
  std::string names;
  for (int index = 0; index < kDrugCount; ++index) {
    names += (names.empty() ? "" : ", ") + std::string(DrugName(static_cast<Drug>(index)));
  }
  return names;
}

}  // namespace

std::vector<ParamSpec> SeizureFilterParams() {
  ParamSpec synthetic{"synthetic",
                      ParamKind::kBoolean,
                      0,
                      0,
                      {},
                      "Only synthetic (true) or only real (false) records; both when absent"};
  return {DateParam("from", "Seized on or after the first day this date may mean"),
          DateParam("to", "Seized on or before the last day this date may mean"),
          TextParam("drug", "A drug name or synonym (docs/formats.md), any case"),
          TextParam("country", "Country of seizure: ISO code or name in any language"),
          synthetic};
}

std::variant<storage::SeizureFilter, HttpResponse> SeizureFilterOf(const RouteRequest& request) {
  const QueryParams& params = request.params;
  storage::SeizureFilter filter;
  filter.visibility = VisibilityOf(request.principal.get());
  filter.from = params.Date("from");
  filter.to = params.Date("to");
  if (const std::string& drug_text = params.Text("drug"); !drug_text.empty()) {
    auto drug = ParseDrug(drug_text);
    if (!drug) {
      return ErrorResponse(
          InvalidArgument("drug: " + drug.error().message() + "; known drugs: " + DrugNames()),
          "drug");
    }
    filter.drug = *drug;
  }
  if (const std::string& country_text = params.Text("country"); !country_text.empty()) {
    auto country = request.snapshot.directory().Resolve(country_text);
    // An unknown country is a bad filter value here, not a missing resource: 400 either way.
    if (!country) {
      return ErrorResponse(InvalidArgument("country: " + country.error().message()), "country");
    }
    filter.country = (*country)->iso3;
  }
  if (params.Has("synthetic")) filter.synthetic = params.Flag("synthetic");
  return filter;
}

HttpResponse WithSeizureStore(const RouteRequest& request,
                              const std::function<HttpResponse(storage::SeizureStore&)>& answer) {
  auto lease = request.seizures.Acquire();
  if (!lease) return ErrorResponse(lease.error());
  return answer(lease->store());
}

Json SeizureJson(const Seizure& seizure, const analytics::CountryDirectory& directory,
                 Language language) {
  Json transit = Json::array();
  for (const CountryCode& code : seizure.transit) transit.push_back(code.str());
  Json route = Json::array();
  for (const std::string& place : seizure.route) route.push_back(place);
  return {{"seizure_id", seizure.seizure_id},
          {"date", seizure.date.ToString()},
          {"precision", PrecisionOrNull(seizure.date)},
          {"place", TextOrNull(seizure.place)},
          {"lat", NumberOrNull(seizure.lat)},
          {"lon", NumberOrNull(seizure.lon)},
          {"admin_region", TextOrNull(seizure.admin_region)},
          {"country_iso3", seizure.country.str()},
          {"country", directory.NameOf(seizure.country, language)},
          {"drug", std::string(DrugName(seizure.drug))},
          {"quantity", seizure.quantity},
          {"unit", std::string(QuantityUnitName(seizure.unit))},
          {"quantity_kg", NumberOrNull(seizure.quantity_kg)},
          {"conversion_note", TextOrNull(seizure.conversion_note)},
          {"conveyance", TextOrNull(seizure.conveyance)},
          {"concealment", TextOrNull(seizure.concealment)},
          {"origin_iso3", CodeOrNull(seizure.origin)},
          {"departure_iso3", CodeOrNull(seizure.departure)},
          {"transit_iso3", std::move(transit)},
          {"destination_iso3", CodeOrNull(seizure.destination)},
          {"route", std::move(route)},
          {"agency", TextOrNull(seizure.agency)},
          {"case_id", TextOrNull(seizure.case_id)},
          {"synthetic", seizure.synthetic},
          {"source", TextOrNull(seizure.source)},
          {"compartment", seizure.compartment},
          {"marking", std::string(MarkingName(seizure.marking))}};
}

}  // namespace ordo::api::internal
