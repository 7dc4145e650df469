#include "storage/merge_rules.h"

#include <fmt/format.h>

#include <unordered_set>

namespace ordo::storage {

Status CheckMerge(const EntityMerge& merge, const MergeLookup& lookup) {
  if (merge.kept.empty() || merge.merged.empty()) {
    return InvalidArgument("a merge names the entity to keep and at least one other");
  }
  if (merge.merged_by.empty() || merge.merged_at.empty()) {
    return InvalidArgument("a merge records who made it and when");
  }
  std::unordered_set<std::string> named{merge.kept};
  for (const std::string& entity_id : merge.merged) {
    if (!named.insert(entity_id).second) {
      return InvalidArgument(fmt::format("entity '{}' is named twice in the merge", entity_id));
    }
  }
  ORDO_TRY(kept_type, lookup.entity_type(merge.kept));
  if (!kept_type) return NotFound(fmt::format("no entity '{}'", merge.kept));
  for (const std::string& entity_id : merge.merged) {
    ORDO_TRY(type, lookup.entity_type(entity_id));
    if (!type) return NotFound(fmt::format("no entity '{}'", entity_id));
  }
  for (const std::string& entity_id : merge.merged) {
    ORDO_TRY(type, lookup.entity_type(entity_id));
    if (*type != *kept_type) {
      return InvalidArgument(fmt::format("cannot merge {} '{}' into {} '{}'", EntityTypeName(*type),
                                         entity_id, EntityTypeName(*kept_type), merge.kept));
    }
  }
  auto check_not_merged = [&](const std::string& entity_id) -> Status {
    ORDO_TRY(by, lookup.merged_by(entity_id));
    if (by) {
      return FailedPrecondition(fmt::format("entity '{}' is already merged into '{}' (merge {})",
                                            entity_id, by->kept, by->merge_id));
    }
    return OkStatus();
  };
  ORDO_RETURN_IF_ERROR(check_not_merged(merge.kept));
  for (const std::string& entity_id : merge.merged) {
    ORDO_RETURN_IF_ERROR(check_not_merged(entity_id));
    ORDO_TRY(keeps, lookup.kept_by(entity_id));
    if (keeps) {
      return FailedPrecondition(
          fmt::format("entity '{}' keeps merge {}; undo that first or merge into '{}'", entity_id,
                      *keeps, entity_id));
    }
  }
  return OkStatus();
}

Status CheckUndoArguments(const std::string& undone_by, const std::string& undone_at) {
  if (undone_by.empty() || undone_at.empty()) {
    return InvalidArgument("an undo records who made it and when");
  }
  return OkStatus();
}

Error NoMerge(std::int64_t merge_id) { return NotFound(fmt::format("no merge {}", merge_id)); }

Error AlreadyUndone(const EntityMerge& merge) {
  return FailedPrecondition(
      fmt::format("merge {} was already undone at {}", merge.merge_id, merge.undone_at));
}

}  // namespace ordo::storage
