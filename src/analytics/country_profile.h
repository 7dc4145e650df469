#pragma once
// Country profile: everything the registry knows about one partner state: the relation and its
// source, organizations shared with Kyrgyzstan, trade figures by reporter, drug-trade facts that
// mention it and places in it.

#include <optional>
#include <vector>

#include "core/country.h"
#include "core/drug_fact.h"
#include "core/membership.h"
#include "core/place.h"
#include "core/relation.h"
#include "core/trade_flow.h"
#include "storage/registry_store.h"

namespace ordo::analytics {

struct SharedOrganization {
  Membership kyrgyz_membership;   // Kyrgyzstan's membership, with its date and source
  OrganizationMember partner;     // the partner's membership, with its source
};

struct CountryProfile {
  Country country;
  std::optional<Relation> relation;          // empty when none is recorded
  std::optional<MissingRelation> missing;    // why it is listed as having none, if it is
  std::vector<SharedOrganization> shared_organizations;
  // Sorted by year, then reporter, then period, then direction; rows are never merged.
  std::vector<TradeFlow> trade;
  std::vector<DrugFact> drug_facts;  // facts placed in the country or naming it
  std::vector<Place> places;
};

// Errors: what the store returns.
Result<CountryProfile> BuildCountryProfile(storage::RegistryStore& store,
                                           const Country& country);

// True when `text` names the country as a whole word (any of its English names or aliases).
bool MentionsCountry(const std::string& text, const Country& country);

}  // namespace ordo::analytics
