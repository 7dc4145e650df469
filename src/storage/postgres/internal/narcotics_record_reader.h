#pragma once
// Reads cultivation and price records back from the PostgreSQL schema
// (schema/0005_cultivation_and_prices.sql), with the filters turned into WHERE clauses.

#include <cstddef>
#include <vector>

#include "core/result.h"
#include "storage/narcotics_record_store.h"
#include "storage/postgres/internal/pg_handle.h"

namespace ordo::storage::pg_internal {

// The matching records in write order. kFailedPrecondition when a stored value no longer parses.
Result<std::vector<CultivationRecord>> ReadCultivation(Connection& connection,
                                                       const CultivationFilter& filter);
Result<std::vector<PriceRecord>> ReadPrices(Connection& connection, const PriceFilter& filter);

// The number of matching records.
Result<std::size_t> CountCultivationRows(Connection& connection, const CultivationFilter& filter);
Result<std::size_t> CountPriceRows(Connection& connection, const PriceFilter& filter);

}  // namespace ordo::storage::pg_internal
