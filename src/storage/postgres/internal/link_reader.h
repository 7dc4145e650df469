#pragma once
// Reads entities and links back from the PostgreSQL schema (schema.cc).

#include <cstddef>
#include <optional>
#include <string>

#include "core/result.h"
#include "storage/link_store.h"
#include "storage/postgres/internal/pg_handle.h"

namespace ordo::storage::pg_internal {

// Each calls `visit` per row in write order; stored values that no longer parse are damage
// (row_decoding.h).
Status ForEachEntityRow(Connection& connection, const EntityVisitor& visit);
Status ForEachLinkRow(Connection& connection, const LinkVisitor& visit);
Result<std::optional<Entity>> FindEntityRow(Connection& connection, const std::string& entity_id);

}  // namespace ordo::storage::pg_internal
