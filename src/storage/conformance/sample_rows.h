#pragma once
// Rows for the storage conformance suite: builders that fill every field with distinctive values,
// and Describe functions that print every field of a row, so that two rows compare equal exactly
// when their Describe texts do and a failing test shows the difference readably.

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "storage/registry_store.h"

namespace ordo::storage::conformance {

// Parse a literal that the test knows to be valid; an invalid one is a bug in the test.
CountryCode Code(std::string_view iso3);
PartialDate Date(std::string_view text);

// Each builder sets every field, optionals included, from its arguments, so rows with different
// arguments differ in their keys and in their other fields. SampleCountry leaves land_neighbours
// empty, so that a country can be written without its neighbours.
Country SampleCountry(std::string_view iso3);
Relation SampleRelation(std::string_view iso3);
MissingRelation SampleMissingRelation(std::string_view iso3);
Membership SampleMembership(std::string_view org_acronym);
OrganizationMember SampleOrganizationMember(std::string_view org_acronym, std::string_view iso3);
TradeBlocMember SampleTradeBlocMember(std::string_view bloc_id, std::string_view iso3);
TradeFlow SampleTradeFlow(std::string_view partner, int year);
DrugFact SampleDrugFact(std::string_view fact_id);
Place SamplePlace(std::string_view name, std::string_view country);

// Countries TUR, KGZ, CHN (not in code order, to catch sorting; KGZ and CHN list each other as
// land neighbours) with at least two rows of every other kind, all referring to those countries.
RegistryBatch SampleBatch();

// Every field, optionals as "null", doubles in their shortest exact form.
std::string Describe(const Country& row);
std::string Describe(const Relation& row);
std::string Describe(const MissingRelation& row);
std::string Describe(const Membership& row);
std::string Describe(const OrganizationMember& row);
std::string Describe(const TradeBlocMember& row);
std::string Describe(const TradeFlow& row);
std::string Describe(const DrugFact& row);
std::string Describe(const Place& row);
std::string Describe(const RegistryCounts& counts);
// Every row of every kind, one per line, kinds in RegistryBatch's field order.
std::string Describe(const RegistryBatch& batch);

// "ok" or the error as "code_name: message", so one comparison shows both.
std::string Outcome(const Status& status);

// The counts a store should report after writing `batch` alone.
RegistryCounts CountsOf(const RegistryBatch& batch);

template <typename Row>
std::vector<std::string> DescribeAll(const std::vector<Row>& rows) {
  std::vector<std::string> described;
  described.reserve(rows.size());
  for (const Row& row : rows) described.push_back(Describe(row));
  return described;
}

}  // namespace ordo::storage::conformance
