#pragma once
// RegistryStore: the storage interface for the relations registry and the bundled drug-trade facts.
// Backends (memory/, sqlite/, later postgres/) implement it; analytics sees only this interface.
// Every fact row keeps its source URL and notes.

#include <vector>

#include "core/country.h"
#include "core/drug_fact.h"
#include "core/membership.h"
#include "core/place.h"
#include "core/relation.h"
#include "core/result.h"
#include "core/trade_flow.h"

namespace ordo::storage {

// Rows to add in one all-or-nothing write.
struct RegistryBatch {
  std::vector<Country> countries;
  std::vector<Relation> relations;
  std::vector<MissingRelation> missing_relations;
  std::vector<Membership> memberships;
  std::vector<OrganizationMember> organization_members;
  std::vector<TradeBlocMember> trade_bloc_members;
  std::vector<TradeFlow> trade_flows;
  std::vector<DrugFact> drug_facts;
  std::vector<Place> places;

  bool empty() const;
  std::size_t size() const;
};

// Row counts per kind, for summaries and for checking that a failed write changed nothing.
struct RegistryCounts {
  std::size_t countries = 0;
  std::size_t relations = 0;
  std::size_t missing_relations = 0;
  std::size_t memberships = 0;
  std::size_t organization_members = 0;
  std::size_t trade_bloc_members = 0;
  std::size_t trade_flows = 0;
  std::size_t drug_facts = 0;
  std::size_t places = 0;

  friend bool operator==(const RegistryCounts&, const RegistryCounts&) = default;
};

// Thread-safety: a store instance is used by one thread at a time.
//
// Uniqueness (a violation fails the whole Write with kAlreadyExists, naming the key):
//   countries by iso3; relations by iso3; missing_relations by iso3; memberships by org_acronym;
//   organization_members by (org_acronym, iso3); trade_bloc_members by (bloc_id, iso3);
//   drug_facts by fact_id; places by name; trade_flows by (partner, year, direction, period,
//   reporter, source_url); within one Country, each code of land_neighbours once.
// References (a violation fails the whole Write with kInvalidArgument, naming the code):
//   every CountryCode in a row other than a Country's own iso3 (Country::land_neighbours
//   included) must name a stored country or one in the same batch; Place::country may be empty.
//   A Country that lists itself among its land_neighbours is kInvalidArgument too. Borders are
//   not required to be symmetric: each Country keeps the list it was written with.
// Every List returns rows in the order they were written (first batch first, then row order);
// a Country's aliases and land_neighbours keep their written order.
class RegistryStore {
 public:
  virtual ~RegistryStore() = default;

  virtual Result<std::vector<Country>> ListCountries() = 0;
  virtual Result<std::vector<Relation>> ListRelations() = 0;
  virtual Result<std::vector<MissingRelation>> ListMissingRelations() = 0;
  virtual Result<std::vector<Membership>> ListMemberships() = 0;
  virtual Result<std::vector<OrganizationMember>> ListOrganizationMembers() = 0;
  virtual Result<std::vector<TradeBlocMember>> ListTradeBlocMembers() = 0;
  virtual Result<std::vector<TradeFlow>> ListTradeFlows() = 0;
  virtual Result<std::vector<DrugFact>> ListDrugFacts() = 0;
  virtual Result<std::vector<Place>> ListPlaces() = 0;

  virtual Result<RegistryCounts> Counts() = 0;

  // Adds every row of `batch` atomically: on any error nothing is written. Returns kAlreadyExists
  // or kInvalidArgument as above, kUnavailable when the backend cannot write (disk full, locked).
  virtual Status Write(const RegistryBatch& batch) = 0;
};

}  // namespace ordo::storage
