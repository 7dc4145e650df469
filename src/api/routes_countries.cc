// /api/v1/countries (search and list) and /api/v1/countries/{code} (the country profile).

#include <set>

#include "analytics/country_profile.h"
#include "api/error_response.h"
#include "api/internal/route_support.h"
#include "api/registry_snapshot.h"
#include "api/routes.h"

namespace ordo::api {
namespace {

using internal::Json;

bool InRegion(const Country& country, const std::string& folded_region) {
  for (const std::string* name :
       {&country.region, &country.subregion, &country.intermediate_region}) {
    if (!name->empty() && analytics::FoldForMatching(*name) == folded_region) return true;
  }
  return false;
}

// True when the folded query occurs in any of the country's names or codes.
bool MatchesQuery(const Country& country, const std::string& folded_query) {
  std::vector<const std::string*> texts = {
      &country.iso3.str(),     &country.iso2,    &country.name_en, &country.official_name_en,
      &country.common_name_en, &country.name_ru, &country.name_ky};
  for (const std::string& alias : country.aliases) texts.push_back(&alias);
  for (const std::string* text : texts) {
    if (!text->empty() &&
        analytics::FoldForMatching(*text).find(folded_query) != std::string::npos) {
      return true;
    }
  }
  return false;
}

HttpResponse ListCountries(const RouteRequest& request) {
  const analytics::CountryDirectory& directory = request.snapshot.directory();
  const std::string folded_query = analytics::FoldForMatching(request.params.Text("q"));
  const std::string folded_region = analytics::FoldForMatching(request.params.Text("region"));
  std::vector<Json> items;
  std::set<std::string> known_regions;
  bool region_known = folded_region.empty();
  for (const Country& country : directory.countries()) {
    for (const std::string* name :
         {&country.region, &country.subregion, &country.intermediate_region}) {
      if (!name->empty()) known_regions.insert(*name);
    }
    const bool in_region = folded_region.empty() || InRegion(country, folded_region);
    region_known |= in_region;
    if (!in_region || (!folded_query.empty() && !MatchesQuery(country, folded_query))) continue;
    items.push_back(internal::CountryJson(country, request.language));
  }
  if (!region_known) {
    std::string list;
    for (const std::string& name : known_regions) list += (list.empty() ? "" : ", ") + name;
    return ErrorResponse(InvalidArgument("unknown region (UN M49); known regions: " + list),
                         "region");
  }
  return internal::PagedResponse(request, std::move(items));
}

Json ProfileJson(const analytics::CountryProfile& profile,
                 const analytics::CountryDirectory& directory, Language language) {
  Json relation = nullptr;
  if (profile.relation) {
    relation = {{"date_established", internal::DateOrNull(profile.relation->established)},
                {"precision", internal::PrecisionOrNull(profile.relation->established)},
                {"source_url", profile.relation->source_url},
                {"notes", internal::TextOrNull(profile.relation->notes)}};
  }
  Json missing = nullptr;
  if (profile.missing) {
    missing = {{"status", internal::TextOrNull(profile.missing->status)},
               {"basis", internal::TextOrNull(profile.missing->basis)},
               {"later_established", internal::DateOrNull(profile.missing->later_established)},
               {"source_url", internal::TextOrNull(profile.missing->source_url)},
               {"notes", internal::TextOrNull(profile.missing->notes)}};
  }
  Json shared = Json::array();
  for (const analytics::SharedOrganization& organization : profile.shared_organizations) {
    shared.push_back(
        {{"org_acronym", organization.kyrgyz_membership.org_acronym},
         {"org_name", organization.kyrgyz_membership.org_name},
         {"kyrgyzstan_joined", internal::DateOrNull(organization.kyrgyz_membership.joined)},
         {"kyrgyzstan_role", internal::TextOrNull(organization.kyrgyz_membership.role)},
         {"partner_role", internal::TextOrNull(organization.partner.role)},
         {"source_url", organization.partner.source_url}});
  }
  Json trade = Json::array();
  for (const TradeFlow& flow : profile.trade) {
    trade.push_back(internal::TradeFlowJson(flow, directory, language));
  }
  Json facts = Json::array();
  for (const DrugFact& fact : profile.drug_facts) facts.push_back(internal::FactJson(fact));
  Json places = Json::array();
  for (const Place& place : profile.places) places.push_back(internal::PlaceJson(place));
  Json neighbours = Json::array();
  for (const CountryCode& code : profile.country.land_neighbours) {
    neighbours.push_back({{"iso3", code.str()}, {"name", directory.NameOf(code, language)}});
  }
  return {{"country", internal::CountryJson(profile.country, language)},
          {"relation", std::move(relation)},
          {"missing_relation", std::move(missing)},
          {"shared_organizations", std::move(shared)},
          {"trade", std::move(trade)},
          {"drug_facts", std::move(facts)},
          {"places", std::move(places)},
          {"neighbours", std::move(neighbours)}};
}

HttpResponse CountryProfile(const RouteRequest& request) {
  const analytics::CountryDirectory& directory = request.snapshot.directory();
  auto country = directory.Resolve(request.path_args.at(0));
  if (!country) return ErrorResponse(country.error(), "code");
  auto profile = analytics::BuildCountryProfile(request.snapshot.store(), **country);
  if (!profile) return ErrorResponse(profile.error());
  return internal::JsonResponse(ProfileJson(*profile, directory, request.language));
}

}  // namespace

void AddCountryRoutes(Router& router) {
  using internal::Paging;
  router.Add(
      {"/api/v1/countries",
       internal::RouteParams(
           {internal::TextParam("q", "Part of any name (en, ru, ky, former) or code"),
            internal::TextParam("region", "UN M49 region, sub-region or intermediate region")},
           Paging::kPaged),
       ListCountries});
  router.Add(
      {"/api/v1/countries/{code}", internal::RouteParams({}, Paging::kNone), CountryProfile});
}

}  // namespace ordo::api
