#include "analytics/registry_lists.h"

#include <set>

#include "analytics/country_directory.h"

namespace ordo::analytics {

Result<std::vector<OrganizationDetail>> FindMemberships(storage::RegistryStore& store,
                                                        const std::string& acronym) {
  ORDO_TRY(memberships, store.ListMemberships());
  std::vector<OrganizationDetail> details;
  std::string known;
  for (Membership& membership : memberships) {
    known += (known.empty() ? "" : ", ") + membership.org_acronym;
    if (!acronym.empty() && FoldForMatching(membership.org_acronym) != FoldForMatching(acronym)) {
      continue;
    }
    details.push_back({std::move(membership), {}});
  }
  if (acronym.empty()) return details;
  if (details.empty()) {
    return NotFound("no membership with acronym '" + acronym + "'; known: " + known);
  }
  ORDO_TRY(members, store.ListOrganizationMembers());
  for (OrganizationMember& member : members) {
    if (member.org_acronym == details.front().membership.org_acronym) {
      details.front().members.push_back(std::move(member));
    }
  }
  return details;
}

Result<std::vector<TradeFlow>> FindTradeFlows(storage::RegistryStore& store, const TradeFilter& filter) {
  ORDO_TRY(flows, store.ListTradeFlows());
  std::vector<TradeFlow> kept;
  for (TradeFlow& flow : flows) {
    if (filter.partner && flow.partner != *filter.partner) continue;
    if (filter.year && flow.year != *filter.year) continue;
    kept.push_back(std::move(flow));
  }
  return kept;
}

Result<std::vector<DrugFact>> FindDrugFacts(storage::RegistryStore& store, const std::string& topic) {
  ORDO_TRY(facts, store.ListDrugFacts());
  if (topic.empty()) return facts;
  std::vector<DrugFact> kept;
  std::set<std::string> topics;
  for (DrugFact& fact : facts) {
    topics.insert(fact.topic);
    if (FoldForMatching(fact.topic) == FoldForMatching(topic)) kept.push_back(std::move(fact));
  }
  if (kept.empty()) {
    std::string list;
    for (const std::string& name : topics) list += (list.empty() ? "" : ", ") + name;
    return InvalidArgument("no fact has topic '" + topic + "'; topics: " + list);
  }
  return kept;
}

}  // namespace ordo::analytics
