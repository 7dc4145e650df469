#pragma once
// Reads the rows of each RegistryStore kind but countries (see country_reader.h) back from the
// PostgreSQL schema, in write order.

#include <vector>

#include "core/result.h"
#include "storage/registry_store.h"
#include "storage/postgres/internal/pg_handle.h"

namespace ordo::storage::pg_internal {

// Each returns every row of its table ordered by id (write order). A stored value that no longer
// parses (a date, code or enum name edited by hand) gives kFailedPrecondition naming the table
// and value; server failures as PgError maps them.
Result<std::vector<Relation>> ReadRelations(Connection& connection);
Result<std::vector<MissingRelation>> ReadMissingRelations(Connection& connection);
Result<std::vector<Membership>> ReadMemberships(Connection& connection);
Result<std::vector<OrganizationMember>> ReadOrganizationMembers(Connection& connection);
Result<std::vector<TradeBlocMember>> ReadTradeBlocMembers(Connection& connection);
Result<std::vector<TradeFlow>> ReadTradeFlows(Connection& connection);
Result<std::vector<DrugFact>> ReadDrugFacts(Connection& connection);
Result<std::vector<Place>> ReadPlaces(Connection& connection);

Result<RegistryCounts> ReadCounts(Connection& connection);

}  // namespace ordo::storage::pg_internal
