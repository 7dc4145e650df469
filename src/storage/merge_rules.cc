#include "storage/merge_rules.h"

#include <fmt/format.h>

#include <string_view>
#include <unordered_set>
#include <vector>

namespace ordo::storage {
namespace {

constexpr std::string_view kCrossCompartmentPrefix = "cannot merge across compartments:";

}  // namespace

bool IsCrossCompartmentMerge(const Error& error) {
  return error.code() == ErrorCode::kInvalidArgument &&
         error.message().starts_with(kCrossCompartmentPrefix);
}

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
  ORDO_TRY(kept, lookup.entity(merge.kept));
  if (!kept) return NotFound(fmt::format("no entity '{}'", merge.kept));
  std::vector<MergeEntity> merged;
  for (const std::string& entity_id : merge.merged) {
    ORDO_TRY(found, lookup.entity(entity_id));
    if (!found) return NotFound(fmt::format("no entity '{}'", entity_id));
    merged.push_back(std::move(*found));
  }
  for (std::size_t i = 0; i < merged.size(); ++i) {
    if (merged[i].type != kept->type) {
      return InvalidArgument(fmt::format("cannot merge {} '{}' into {} '{}'",
                                         EntityTypeName(merged[i].type), merge.merged[i],
                                         EntityTypeName(kept->type), merge.kept));
    }
  }
  // A merged group is read as one node; across compartments it would show one compartment's
  // entity, links and names to readers of the other.
  for (std::size_t i = 0; i < merged.size(); ++i) {
    if (merged[i].compartment != kept->compartment) {
      return InvalidArgument(fmt::format(
          "{} entity '{}' of compartment '{}' into '{}' of compartment '{}': a merge stays "
          "inside one compartment",
          kCrossCompartmentPrefix, merge.merged[i], merged[i].compartment, merge.kept,
          kept->compartment));
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
