// `ordo country <ISO3 or name>`: the country profile.

#include <CLI/CLI.hpp>

#include "analytics/country_profile.h"
#include "analytics/registry_view.h"
#include "cli/cells.h"
#include "cli/command_context.h"
#include "cli/commands.h"

namespace ordo::cli {
namespace {

Section CountrySection(const analytics::CountryProfile& profile, Language language) {
  const Country& country = profile.country;
  Section section{"country", "", {{"key"}, {"value"}}, {}, true};
  section.title = country.Name(language) + " (" + country.iso3.str() + ")";
  section.rows = {Field("iso3", country.iso3.str()),
                  Field("name", country.Name(language)),
                  Field("name_en", country.name_en),
                  Field("name_ru", TextOrMissing(country.name_ru)),
                  Field("name_ky", TextOrMissing(country.name_ky)),
                  Field("region", TextOrMissing(country.region)),
                  Field("subregion", TextOrMissing(country.subregion)),
                  Field("un_member", country.un_member)};
  if (profile.relation) {
    section.rows.push_back(Field("relation_established", DateCell(profile.relation->established)));
    section.rows.push_back(Field("relation_source", profile.relation->source_url));
    section.rows.push_back(Field("relation_notes", TextOrMissing(profile.relation->notes)));
  } else {
    section.rows.push_back(Field("relation_established", std::string("no relation recorded")));
    if (profile.missing) {
      section.rows.push_back(Field("relation_status", profile.missing->status));
      section.rows.push_back(Field("relation_later_established",
                                   DateCell(profile.missing->later_established)));
      section.rows.push_back(Field("relation_source", profile.missing->source_url));
    }
  }
  return section;
}

Section OrganizationsSection(const analytics::CountryProfile& profile) {
  Section section{"shared_organizations", "Shared organizations", {}, {}, false};
  section.columns = {{"org_acronym"}, {"org_name"}, {"kyrgyzstan_joined"}, {"kyrgyzstan_role"},
                     {"partner_role"}, {"source_url"}, {"membership_source_url", true}};
  for (const analytics::SharedOrganization& shared : profile.shared_organizations) {
    section.rows.push_back({shared.kyrgyz_membership.org_acronym,
                            shared.kyrgyz_membership.org_name,
                            DateCell(shared.kyrgyz_membership.joined),
                            shared.kyrgyz_membership.role, TextOrMissing(shared.partner.role),
                            shared.partner.source_url, shared.kyrgyz_membership.source_url});
  }
  return section;
}

Section TradeSection(const analytics::CountryProfile& profile) {
  Section section{"trade", "Trade (USD, by reporter; figures are never merged)", {}, {}, false};
  section.columns = {{"year"}, {"flow"}, {"value_usd"}, {"bound"}, {"period"}, {"reporter"},
                     {"source_url"}, {"notes", true}};
  for (const TradeFlow& flow : profile.trade) {
    section.rows.push_back({static_cast<std::int64_t>(flow.year),
                            std::string(TradeDirectionName(flow.direction)), UsdCell(flow.value_usd),
                            std::string(ValueBoundName(flow.bound)), TextOrMissing(flow.period),
                            TextOrMissing(flow.reporter), flow.source_url, TextOrMissing(flow.notes)});
  }
  return section;
}

Section FactsSection(const analytics::CountryProfile& profile) {
  Section section{"drug_facts", "Drug-trade facts that mention it", {}, {}, false};
  section.columns = {{"fact_id"}, {"topic"}, {"year"}, {"statement"}, {"source_url"},
                     {"quantity", true}, {"unit", true}, {"place", true}, {"notes", true}};
  for (const DrugFact& fact : profile.drug_facts) {
    section.rows.push_back({fact.fact_id, fact.topic, IntCell(fact.year), fact.statement,
                            fact.source_url, OptionalCell(fact.quantity), TextOrMissing(fact.unit),
                            TextOrMissing(fact.place), TextOrMissing(fact.notes)});
  }
  return section;
}

Section PlacesSection(const analytics::CountryProfile& profile) {
  Section section{"places", "Places", {{"name"}, {"kind"}, {"lat"}, {"lon"}, {"source_url"}}, {}, false};
  for (const Place& place : profile.places) {
    section.rows.push_back({place.name, place.kind, OptionalCell(place.lat), OptionalCell(place.lon),
                            place.source_url});
  }
  return section;
}

Status RunCountry(CommandContext& context, const std::string& query) {
  ORDO_TRY(language, context.Lang());
  ORDO_TRY(store, context.OpenStore());
  ORDO_TRY(directory, analytics::LoadCountryDirectory(*store));
  ORDO_TRY(country, directory.Resolve(query));
  ORDO_TRY(profile, analytics::BuildCountryProfile(*store, *country));
  Report report{{CountrySection(profile, language), OrganizationsSection(profile),
                 TradeSection(profile), FactsSection(profile), PlacesSection(profile)},
                {}};
  context.Print(report);
  return OkStatus();
}

}  // namespace

void RegisterCountryCommand(CLI::App& app, CommandContext& context) {
  auto query = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand(
      "country", "A country's profile: relation, shared organizations, trade, drug-trade facts");
  command->add_option("country", *query, "ISO 3166-1 code (TUR, TR) or a name in en/ru/ky")
      ->required();
  command->callback([&context, query] { context.Finish(RunCountry(context, *query)); });
}

}  // namespace ordo::cli
