#pragma once
// Filtered listings of the registry's simpler facts: memberships, trade figures and drug-trade facts.

#include <optional>
#include <string>
#include <vector>

#include "core/drug_fact.h"
#include "core/membership.h"
#include "core/trade_flow.h"
#include "storage/registry_store.h"

namespace ordo::analytics {

struct OrganizationDetail {
  Membership membership;
  std::vector<OrganizationMember> members;  // other states, where a source lists them
};

// All of Kyrgyzstan's memberships in stored order, or the one with `acronym` (case-insensitive)
// with its member list. Errors: kNotFound naming the known acronyms.
Result<std::vector<OrganizationDetail>> FindMemberships(storage::RegistryStore& store,
                                                        const std::string& acronym);

struct TradeFilter {
  std::optional<CountryCode> partner;
  std::optional<int> year;
};

// Trade rows in stored order; every reporter's figure is its own row.
Result<std::vector<TradeFlow>> FindTradeFlows(storage::RegistryStore& store, const TradeFilter& filter);

// Facts in stored order, optionally only one topic (exact, case-insensitive). Errors:
// kInvalidArgument for a topic no fact has (the message lists the topics).
Result<std::vector<DrugFact>> FindDrugFacts(storage::RegistryStore& store, const std::string& topic);

}  // namespace ordo::analytics
