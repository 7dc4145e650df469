#pragma once
// The rules of LinkStore::RecordMerge and UndoMerge (storage/link_store.h) written once, so every
// backend checks them in the same order with the same codes and messages: a backend supplies
// three look-ups over what it has stored and calls CheckMerge before it writes anything.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/entity.h"
#include "core/result.h"
#include "storage/link_store.h"

namespace ordo::storage {

// A merge in force that merges some entity: its id and the entity it keeps.
struct MergeRef {
  std::int64_t merge_id = 0;
  std::string kept;
};

// What the rules need of a stored entity.
struct MergeEntity {
  EntityType type = EntityType::kPerson;
  std::string compartment;
};

struct MergeLookup {
  // The type and compartment of a stored entity, or nullopt when there is none with that id.
  std::function<Result<std::optional<MergeEntity>>(const std::string& entity_id)> entity;
  // The merge in force whose `merged` holds the entity, or nullopt.
  std::function<Result<std::optional<MergeRef>>(const std::string& entity_id)> merged_by;
  // The lowest merge_id of the merges in force that keep the entity, or nullopt.
  std::function<Result<std::optional<std::int64_t>>(const std::string& entity_id)> kept_by;
};

// OkStatus when `merge` may be recorded; else the first broken rule of LinkStore::RecordMerge.
// Look-up errors come back as they are.
Status CheckMerge(const EntityMerge& merge, const MergeLookup& lookup);

// Whether `error` is CheckMerge's refusal of a merge across compartments (kInvalidArgument
// "cannot merge across compartments: ..."), which the CLI answers with its data-error status.
bool IsCrossCompartmentMerge(const Error& error);

// The argument rule of UndoMerge: kInvalidArgument "an undo records who made it and when".
Status CheckUndoArguments(const std::string& undone_by, const std::string& undone_at);
// kNotFound "no merge N".
Error NoMerge(std::int64_t merge_id);
// kFailedPrecondition "merge N was already undone at T".
Error AlreadyUndone(const EntityMerge& merge);

}  // namespace ordo::storage
