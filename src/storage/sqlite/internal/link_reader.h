#pragma once
// Reads entities and links back from the SQLite schema (schema/0007_entities_and_links.sql).

#include <cstddef>
#include <optional>
#include <string>

#include "core/result.h"
#include "storage/link_store.h"
#include "storage/sqlite/internal/sqlite_handle.h"

namespace ordo::storage::internal {

// Each calls `visit` per row in write order; stored values that no longer parse are damage
// (row_decoding.h).
Status ForEachEntityRow(Connection& connection, const EntityVisitor& visit);
Status ForEachLinkRow(Connection& connection, const LinkVisitor& visit);
Result<std::optional<Entity>> FindEntityRow(Connection& connection, const std::string& entity_id);

}  // namespace ordo::storage::internal
