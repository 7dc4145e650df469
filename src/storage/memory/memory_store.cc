#include "storage/memory/memory_store.h"

#include <set>
#include <string>
#include <tuple>
#include <utility>

#include <fmt/format.h>

namespace ordo::storage {
namespace internal {

// (partner, year, direction, period, reporter, source_url): the contract's trade-flow key.
using TradeFlowKey =
    std::tuple<std::string, int, TradeDirection, std::string, std::string, std::string>;

// The unique keys of every stored row, so that a Write checks a batch without scanning rows.
struct MemoryKeyIndex {
  std::set<std::string> countries;
  std::set<std::string> relations;
  std::set<std::string> missing_relations;
  std::set<std::string> memberships;
  std::set<std::pair<std::string, std::string>> organization_members;
  std::set<std::pair<std::string, std::string>> trade_bloc_members;
  std::set<TradeFlowKey> trade_flows;
  std::set<std::string> drug_facts;
  std::set<std::string> places;
};

}  // namespace internal

namespace {

using internal::MemoryKeyIndex;

// Adds `key` to `added` unless `stored` or `added` holds it already; false means a duplicate.
template <typename Key>
bool AddNewKey(const std::set<Key>& stored, std::set<Key>& added, const Key& key) {
  if (stored.count(key) != 0) return false;
  return added.insert(key).second;
}

// Checks one batch against the stored keys and itself. On success `added` holds the batch's keys.
class BatchValidator {
 public:
  BatchValidator(const MemoryKeyIndex& stored, MemoryKeyIndex& added)
      : stored_(stored), added_(added) {}

  Status Validate(const RegistryBatch& batch) {
    for (const Country& country : batch.countries) {
      if (country.iso3.empty()) return InvalidArgument("country with an empty iso3 code");
      if (!AddNewKey(stored_.countries, added_.countries, country.iso3.str())) {
        return AlreadyExists(fmt::format("country {} already exists", country.iso3.str()));
      }
    }
    // Neighbours may name countries later in the batch, so they are checked after all countries.
    for (const Country& country : batch.countries) {
      ORDO_RETURN_IF_ERROR(ValidateLandNeighbours(country));
    }
    for (const Relation& relation : batch.relations) {
      const std::string& code = relation.iso3.str();
      if (!AddNewKey(stored_.relations, added_.relations, code)) {
        return AlreadyExists(fmt::format("relation for {} already exists", code));
      }
      ORDO_RETURN_IF_ERROR(CheckCountry(relation.iso3, "relation"));
    }
    for (const MissingRelation& missing : batch.missing_relations) {
      const std::string& code = missing.iso3.str();
      if (!AddNewKey(stored_.missing_relations, added_.missing_relations, code)) {
        return AlreadyExists(fmt::format("missing relation for {} already exists", code));
      }
      ORDO_RETURN_IF_ERROR(CheckCountry(missing.iso3, "missing relation"));
    }
    for (const Membership& membership : batch.memberships) {
      if (!AddNewKey(stored_.memberships, added_.memberships, membership.org_acronym)) {
        return AlreadyExists(
            fmt::format("membership of {} already exists", membership.org_acronym));
      }
    }
    for (const OrganizationMember& member : batch.organization_members) {
      if (!AddNewKey(stored_.organization_members, added_.organization_members,
                     std::pair(member.org_acronym, member.iso3.str()))) {
        return AlreadyExists(
            fmt::format("{} member {} already exists", member.org_acronym, member.iso3.str()));
      }
      ORDO_RETURN_IF_ERROR(CheckCountry(member.iso3, member.org_acronym + " member"));
    }
    for (const TradeBlocMember& member : batch.trade_bloc_members) {
      if (!AddNewKey(stored_.trade_bloc_members, added_.trade_bloc_members,
                     std::pair(member.bloc_id, member.iso3.str()))) {
        return AlreadyExists(fmt::format("trade bloc {} member {} already exists", member.bloc_id,
                                         member.iso3.str()));
      }
      ORDO_RETURN_IF_ERROR(
          CheckCountry(member.iso3, fmt::format("trade bloc {} member", member.bloc_id)));
    }
    for (const TradeFlow& flow : batch.trade_flows) {
      internal::TradeFlowKey key(flow.partner.str(), flow.year, flow.direction, flow.period,
                                 flow.reporter, flow.source_url);
      if (!AddNewKey(stored_.trade_flows, added_.trade_flows, key)) {
        return AlreadyExists(
            fmt::format("trade flow for {} {} {} ({}, reported by '{}', {}) already exists",
                        flow.partner.str(), flow.year, TradeDirectionName(flow.direction),
                        flow.period, flow.reporter, flow.source_url));
      }
      ORDO_RETURN_IF_ERROR(CheckCountry(flow.partner, "trade flow"));
    }
    for (const DrugFact& fact : batch.drug_facts) {
      if (!AddNewKey(stored_.drug_facts, added_.drug_facts, fact.fact_id)) {
        return AlreadyExists(fmt::format("drug fact {} already exists", fact.fact_id));
      }
    }
    for (const Place& place : batch.places) {
      if (!AddNewKey(stored_.places, added_.places, place.name)) {
        return AlreadyExists(fmt::format("place '{}' already exists", place.name));
      }
      if (place.country.empty()) continue;  // the contract allows a place without a country
      ORDO_RETURN_IF_ERROR(CheckCountry(place.country, fmt::format("place '{}'", place.name)));
    }
    return OkStatus();
  }

 private:
  // In list order: the country itself, a repeated code, then an unknown code.
  Status ValidateLandNeighbours(const Country& country) const {
    std::set<std::string> listed;
    for (const CountryCode& neighbour : country.land_neighbours) {
      if (neighbour == country.iso3) {
        return InvalidArgument(
            fmt::format("country {} lists itself as a land neighbour", country.iso3.str()));
      }
      if (!listed.insert(neighbour.str()).second) {
        return AlreadyExists(fmt::format("country {} lists land neighbour {} twice",
                                         country.iso3.str(), neighbour.str()));
      }
      ORDO_RETURN_IF_ERROR(
          CheckCountry(neighbour, fmt::format("land neighbour of {}", country.iso3.str())));
    }
    return OkStatus();
  }

  // Every country of the batch is validated before any other row, so `added_` already holds them.
  Status CheckCountry(const CountryCode& code, const std::string& row_kind) const {
    if (stored_.countries.count(code.str()) != 0 || added_.countries.count(code.str()) != 0) {
      return OkStatus();
    }
    return InvalidArgument(fmt::format("{} refers to unknown country {}", row_kind, code.str()));
  }

  const MemoryKeyIndex& stored_;
  MemoryKeyIndex& added_;
};

template <typename Row>
void AppendRows(std::vector<Row>& into, const std::vector<Row>& rows) {
  into.insert(into.end(), rows.begin(), rows.end());
}

}  // namespace

MemoryStore::MemoryStore() : keys_(std::make_unique<MemoryKeyIndex>()) {}
MemoryStore::~MemoryStore() = default;

Result<std::vector<Country>> MemoryStore::ListCountries() { return rows_.countries; }
Result<std::vector<Relation>> MemoryStore::ListRelations() { return rows_.relations; }
Result<std::vector<MissingRelation>> MemoryStore::ListMissingRelations() {
  return rows_.missing_relations;
}
Result<std::vector<Membership>> MemoryStore::ListMemberships() { return rows_.memberships; }
Result<std::vector<OrganizationMember>> MemoryStore::ListOrganizationMembers() {
  return rows_.organization_members;
}
Result<std::vector<TradeBlocMember>> MemoryStore::ListTradeBlocMembers() {
  return rows_.trade_bloc_members;
}
Result<std::vector<TradeFlow>> MemoryStore::ListTradeFlows() { return rows_.trade_flows; }
Result<std::vector<DrugFact>> MemoryStore::ListDrugFacts() { return rows_.drug_facts; }
Result<std::vector<Place>> MemoryStore::ListPlaces() { return rows_.places; }

Result<RegistryCounts> MemoryStore::Counts() {
  RegistryCounts counts;
  counts.countries = rows_.countries.size();
  counts.relations = rows_.relations.size();
  counts.missing_relations = rows_.missing_relations.size();
  counts.memberships = rows_.memberships.size();
  counts.organization_members = rows_.organization_members.size();
  counts.trade_bloc_members = rows_.trade_bloc_members.size();
  counts.trade_flows = rows_.trade_flows.size();
  counts.drug_facts = rows_.drug_facts.size();
  counts.places = rows_.places.size();
  return counts;
}

Status MemoryStore::Write(const RegistryBatch& batch) {
  MemoryKeyIndex added;
  ORDO_RETURN_IF_ERROR(BatchValidator(*keys_, added).Validate(batch));

  // Nothing below can fail, so the batch lands whole.
  keys_->countries.merge(added.countries);
  keys_->relations.merge(added.relations);
  keys_->missing_relations.merge(added.missing_relations);
  keys_->memberships.merge(added.memberships);
  keys_->organization_members.merge(added.organization_members);
  keys_->trade_bloc_members.merge(added.trade_bloc_members);
  keys_->trade_flows.merge(added.trade_flows);
  keys_->drug_facts.merge(added.drug_facts);
  keys_->places.merge(added.places);
  AppendRows(rows_.countries, batch.countries);
  AppendRows(rows_.relations, batch.relations);
  AppendRows(rows_.missing_relations, batch.missing_relations);
  AppendRows(rows_.memberships, batch.memberships);
  AppendRows(rows_.organization_members, batch.organization_members);
  AppendRows(rows_.trade_bloc_members, batch.trade_bloc_members);
  AppendRows(rows_.trade_flows, batch.trade_flows);
  AppendRows(rows_.drug_facts, batch.drug_facts);
  AppendRows(rows_.places, batch.places);
  return OkStatus();
}

}  // namespace ordo::storage
