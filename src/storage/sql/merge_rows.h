#pragma once
// Writes and reads entity merges.
// Shared by the SQLite and PostgreSQL stores: a template over either backend's handle
// (storage/sql/sql_dialect.h).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "storage/link_store.h"
#include "storage/merge_rules.h"
#include "storage/sql/sql_dialect.h"

namespace ordo::storage::sql {

inline constexpr std::string_view kEntityType =
    "SELECT type, compartment FROM entities WHERE entity_id = ?";
inline constexpr std::string_view kMergedBy =
    "SELECT m.id, k.entity_id FROM entity_merge_members mm "
    "JOIN entities e ON e.id = mm.entity JOIN entity_merges m ON m.id = mm.merge "
    "JOIN entities k ON k.id = m.kept WHERE e.entity_id = ? AND m.undone_at = '' "
    "ORDER BY m.id LIMIT 1";
inline constexpr std::string_view kKeptBy =
    "SELECT m.id FROM entity_merges m JOIN entities k ON k.id = m.kept "
    "WHERE k.entity_id = ? AND m.undone_at = '' ORDER BY m.id LIMIT 1";
inline constexpr std::string_view kInsertMerge =
    "INSERT INTO entity_merges (kept, note, merged_by, merged_at) "
    "SELECT id, ?, ?, ? FROM entities WHERE entity_id = ?";
inline constexpr std::string_view kInsertMember =
    "INSERT INTO entity_merge_members (merge, position, entity) "
    "SELECT ?, ?, id FROM entities WHERE entity_id = ?";
inline constexpr std::string_view kSelectMerge =
    "SELECT undone_at FROM entity_merges WHERE id = ?";
inline constexpr std::string_view kUndo =
    "UPDATE entity_merges SET undone_by = ?, undone_at = ? WHERE id = ?";
inline constexpr std::string_view kSelectMerges =
    "SELECT m.id, k.entity_id, m.note, m.merged_by, m.merged_at, m.undone_by, m.undone_at "
    "FROM entity_merges m JOIN entities k ON k.id = m.kept ORDER BY m.id";
inline constexpr std::string_view kSelectMembers =
    "SELECT e.entity_id FROM entity_merge_members mm JOIN entities e ON e.id = mm.entity "
    "WHERE mm.merge = ? ORDER BY mm.position";

// Checks `merge` (storage/merge_rules.h) and inserts it inside the caller's open transaction;
// returns its merge_id. Errors as LinkStore::RecordMerge, with `*rule_broken` set, so the caller
// can pass them on as they are; other failures as the backend maps them.
template <typename Connection>
Result<std::int64_t> InsertMerge(Connection& connection, const EntityMerge& merge,
                                 bool* rule_broken) {
  *rule_broken = false;
  bool store_failed = false;  // set when a look-up fails, so its error is not taken for a rule
  ORDO_TRY(type_of, connection.Prepare(kEntityType));
  ORDO_TRY(merged_by, connection.Prepare(kMergedBy));
  ORDO_TRY(kept_by, connection.Prepare(kKeptBy));
  MergeLookup lookup;
  lookup.entity = [&](const std::string& entity_id) -> Result<std::optional<MergeEntity>> {
    type_of.Reset();
    type_of.BindText(entity_id);
    Result<bool> found = type_of.Step();
    store_failed = store_failed || !found;
    if (!found) return found.error();
    if (!*found) return std::optional<MergeEntity>();
    Result<EntityType> type = ParseEntityType(type_of.ColumnText(0));
    store_failed = store_failed || !type;
    if (!type) return type.error();
    return std::optional<MergeEntity>(MergeEntity{*type, type_of.ColumnText(1)});
  };
  lookup.merged_by = [&](const std::string& entity_id) -> Result<std::optional<MergeRef>> {
    merged_by.Reset();
    merged_by.BindText(entity_id);
    Result<bool> found = merged_by.Step();
    store_failed = store_failed || !found;
    if (!found) return found.error();
    if (!*found) return std::optional<MergeRef>();
    return std::optional<MergeRef>({merged_by.ColumnInt(0), merged_by.ColumnText(1)});
  };
  lookup.kept_by = [&](const std::string& entity_id) -> Result<std::optional<std::int64_t>> {
    kept_by.Reset();
    kept_by.BindText(entity_id);
    Result<bool> found = kept_by.Step();
    store_failed = store_failed || !found;
    if (!found) return found.error();
    if (!*found) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(kept_by.ColumnInt(0));
  };
  Status checked = CheckMerge(merge, lookup);
  if (!checked) {
    *rule_broken = !store_failed;
    return checked.error();
  }
  ORDO_TRY(insert_merge, connection.Prepare(WithReturningId<Connection>(kInsertMerge)));
  insert_merge.BindText(merge.note);
  insert_merge.BindText(merge.merged_by);
  insert_merge.BindText(merge.merged_at);
  insert_merge.BindText(merge.kept);
  ORDO_TRY(merge_outcome, insert_merge.Insert());
  if (merge_outcome != InsertOutcome::kInserted) return Internal("the merge row was refused");
  const std::int64_t merge_id = connection.LastInsertRowId();
  ORDO_TRY(insert_member, connection.Prepare(kInsertMember));
  std::int64_t position = 0;
  for (const std::string& entity_id : merge.merged) {
    insert_member.BindInt(merge_id);
    insert_member.BindInt(position++);
    insert_member.BindText(entity_id);
    ORDO_TRY(member_outcome, insert_member.Insert());
    if (member_outcome != InsertOutcome::kInserted) return Internal("a merge member was refused");
  }
  return merge_id;
}

// Marks a merge undone inside the caller's open transaction. Errors as LinkStore::UndoMerge
// with `*rule_broken` set; other failures as the backend maps them.
template <typename Connection>
Status MarkMergeUndone(Connection& connection, std::int64_t merge_id, const std::string& undone_by,
                       const std::string& undone_at, bool* rule_broken) {
  *rule_broken = true;
  ORDO_RETURN_IF_ERROR(CheckUndoArguments(undone_by, undone_at));
  *rule_broken = false;
  ORDO_TRY(select, connection.Prepare(kSelectMerge));
  select.BindInt(merge_id);
  ORDO_TRY(found, select.Step());
  *rule_broken = true;
  if (!found) return NoMerge(merge_id);
  const std::string earlier_undo = select.ColumnText(0);
  if (!earlier_undo.empty()) {
    EntityMerge undone;
    undone.merge_id = merge_id;
    undone.undone_at = earlier_undo;
    return AlreadyUndone(undone);
  }
  *rule_broken = false;
  ORDO_TRY(update, connection.Prepare(kUndo));
  update.BindText(undone_by);
  update.BindText(undone_at);
  update.BindInt(merge_id);
  ORDO_TRY(updated, update.Insert());
  if (updated != InsertOutcome::kInserted) return Internal("the undo of a merge was refused");
  return OkStatus();
}

// Calls `visit` per merge in merge_id order.
template <typename Connection>
Status ForEachMergeRow(Connection& connection, const MergeVisitor& visit) {
  ORDO_TRY(merges, connection.Prepare(kSelectMerges));
  ORDO_TRY(members, connection.Prepare(kSelectMembers));
  while (true) {
    ORDO_TRY(has_row, merges.Step());
    if (!has_row) return OkStatus();
    EntityMerge merge;
    merge.merge_id = merges.ColumnInt(0);
    merge.kept = merges.ColumnText(1);
    merge.note = merges.ColumnText(2);
    merge.merged_by = merges.ColumnText(3);
    merge.merged_at = merges.ColumnText(4);
    merge.undone_by = merges.ColumnText(5);
    merge.undone_at = merges.ColumnText(6);
    members.Reset();
    members.BindInt(merge.merge_id);
    while (true) {
      ORDO_TRY(has_member, members.Step());
      if (!has_member) break;
      merge.merged.push_back(members.ColumnText(0));
    }
    ORDO_RETURN_IF_ERROR(visit(merge));
  }
}

}  // namespace ordo::storage::sql
