#include "analytics/country_profile.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "analytics/country_directory.h"

namespace ordo::analytics {
namespace {

bool ContainsWord(const std::string& folded_text, const std::string& folded_word) {
  if (folded_word.empty()) return false;
  const std::string padded_text = " " + folded_text + " ";
  return padded_text.find(" " + folded_word + " ") != std::string::npos;
}

}  // namespace

bool MentionsCountry(const std::string& text, const Country& country) {
  const std::string folded = FoldForMatching(text);
  std::vector<std::string> names = {country.name_en, country.common_name_en};
  names.insert(names.end(), country.aliases.begin(), country.aliases.end());
  return std::any_of(names.begin(), names.end(), [&](const std::string& name) {
    return ContainsWord(folded, FoldForMatching(name));
  });
}

Result<CountryProfile> BuildCountryProfile(storage::RegistryStore& store,
                                           const Country& country) {
  CountryProfile profile;
  profile.country = country;

  ORDO_TRY(relations, store.ListRelations());
  for (Relation& relation : relations) {
    if (relation.iso3 == country.iso3) profile.relation = std::move(relation);
  }
  ORDO_TRY(missing, store.ListMissingRelations());
  for (MissingRelation& row : missing) {
    if (row.iso3 == country.iso3) profile.missing = std::move(row);
  }

  ORDO_TRY(memberships, store.ListMemberships());
  ORDO_TRY(members, store.ListOrganizationMembers());
  for (const Membership& membership : memberships) {
    for (const OrganizationMember& member : members) {
      if (member.org_acronym == membership.org_acronym && member.iso3 == country.iso3) {
        profile.shared_organizations.push_back({membership, member});
      }
    }
  }

  ORDO_TRY(trade, store.ListTradeFlows());
  for (TradeFlow& flow : trade) {
    if (flow.partner == country.iso3) profile.trade.push_back(std::move(flow));
  }
  std::stable_sort(profile.trade.begin(), profile.trade.end(),
                   [](const TradeFlow& a, const TradeFlow& b) {
                     return std::tie(a.year, a.reporter, a.period, a.direction) <
                            std::tie(b.year, b.reporter, b.period, b.direction);
                   });

  ORDO_TRY(places, store.ListPlaces());
  std::set<std::string> place_names;
  for (Place& place : places) {
    if (place.country == country.iso3) {
      place_names.insert(place.name);
      profile.places.push_back(std::move(place));
    }
  }
  ORDO_TRY(facts, store.ListDrugFacts());
  for (DrugFact& fact : facts) {
    if (place_names.count(fact.place) > 0 || MentionsCountry(fact.statement, country)) {
      profile.drug_facts.push_back(std::move(fact));
    }
  }
  return profile;
}

}  // namespace ordo::analytics
