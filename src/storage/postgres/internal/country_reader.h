#pragma once
// Reads the countries back from the PostgreSQL schema with their aliases and land neighbours.

#include <vector>

#include "core/country.h"
#include "core/result.h"
#include "storage/postgres/internal/pg_handle.h"

namespace ordo::storage::pg_internal {

// Every country ordered by id (write order), each with its aliases and land_neighbours in their
// written order. A stored code that no longer parses, or an alias or neighbour row of no stored
// country, gives kFailedPrecondition naming the table; server failures as PgError maps them.
Result<std::vector<Country>> ReadCountries(Connection& connection);

}  // namespace ordo::storage::pg_internal
