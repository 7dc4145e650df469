#pragma once
// Writes and reads entity merges in the PostgreSQL schema (schema/0003_entity_merges.sql).

#include <cstdint>
#include <string>

#include "core/result.h"
#include "storage/link_store.h"
#include "storage/postgres/internal/pg_handle.h"

namespace ordo::storage::pg_internal {

// Checks `merge` (storage/merge_rules.h) and inserts it inside the caller's open transaction;
// returns its merge_id. Errors as LinkStore::RecordMerge, with `*rule_broken` set, so the caller
// can pass them on as they are; other failures as SqliteError.
Result<std::int64_t> InsertMerge(Connection& connection, const EntityMerge& merge,
                                 bool* rule_broken);

// Marks a merge undone inside the caller's open transaction. Errors as LinkStore::UndoMerge
// with `*rule_broken` set; other failures as SqliteError.
Status MarkMergeUndone(Connection& connection, std::int64_t merge_id, const std::string& undone_by,
                       const std::string& undone_at, bool* rule_broken);

// Calls `visit` per merge in merge_id order.
Status ForEachMergeRow(Connection& connection, const MergeVisitor& visit);

}  // namespace ordo::storage::pg_internal
