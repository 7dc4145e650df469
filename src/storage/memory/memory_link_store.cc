#include "storage/memory/memory_link_store.h"

#include <fmt/format.h>

#include <unordered_set>

#include "core/account.h"
#include "storage/compartment_rules.h"
#include "storage/merge_rules.h"

namespace ordo::storage {

Status MemoryLinkStore::AppendGraph(const GraphBatch& batch) {
  // Every rule is checked before anything is written, so a failed batch leaves nothing behind.
  CaseCompartments cases([this](const std::string& case_id) { return FindCaseCompartment(case_id); });
  std::unordered_map<std::string, const std::string*> new_entities;  // entity_id -> compartment
  for (const Entity& entity : batch.entities) {
    if (entity.entity_id.empty()) return InvalidArgument("entity with an empty entity_id");
    if (entity_index_.count(entity.entity_id) != 0 ||
        !new_entities.emplace(entity.entity_id, &entity.compartment).second) {
      return AlreadyExists(fmt::format("entity '{}' already exists", entity.entity_id));
    }
    ORDO_RETURN_IF_ERROR(cases.Check(fmt::format("entity '{}'", entity.entity_id), entity.case_id,
                                     entity.compartment));
  }
  std::unordered_set<std::string> new_links;
  for (const Link& link : batch.links) {
    ORDO_RETURN_IF_ERROR(CheckLink(link));
    if (link_index_.count(link.link_id) != 0 || !new_links.insert(link.link_id).second) {
      return AlreadyExists(fmt::format("link '{}' already exists", link.link_id));
    }
    if (Status name = CheckCompartmentName(link.compartment); !name) {
      return InvalidArgument(fmt::format("link '{}': {}", link.link_id, name.error().message()));
    }
    for (const std::string* end : {&link.from_entity, &link.to_entity}) {
      const std::string* end_compartment = nullptr;
      if (const auto stored = entity_index_.find(*end); stored != entity_index_.end()) {
        end_compartment = &entities_[stored->second].compartment;
      } else if (const auto added = new_entities.find(*end); added != new_entities.end()) {
        end_compartment = added->second;
      } else {
        return InvalidArgument(fmt::format("link '{}': unknown entity '{}'", link.link_id, *end));
      }
      if (*end_compartment != link.compartment) {
        return InvalidArgument(
            fmt::format("link '{}' of compartment '{}' joins entity '{}' of compartment '{}'",
                        link.link_id, link.compartment, *end, *end_compartment));
      }
    }
    ORDO_RETURN_IF_ERROR(
        cases.Check(fmt::format("link '{}'", link.link_id), link.case_id, link.compartment));
  }
  for (const Entity& entity : batch.entities) {
    entity_index_.emplace(entity.entity_id, entities_.size());
    entities_.push_back(entity);
  }
  for (const Link& link : batch.links) {
    link_index_.emplace(link.link_id, links_.size());
    links_.push_back(link);
  }
  return OkStatus();
}

Result<std::size_t> MemoryLinkStore::CountEntities() { return entities_.size(); }

Result<std::size_t> MemoryLinkStore::CountLinks() { return links_.size(); }

Result<std::optional<Entity>> MemoryLinkStore::FindEntity(const std::string& entity_id) {
  const auto found = entity_index_.find(entity_id);
  if (found == entity_index_.end()) return std::optional<Entity>();
  return std::optional<Entity>(entities_[found->second]);
}

Status MemoryLinkStore::ForEachEntity(const EntityVisitor& visit) {
  for (const Entity& entity : entities_) ORDO_RETURN_IF_ERROR(visit(entity));
  return OkStatus();
}

Status MemoryLinkStore::ForEachLink(const LinkVisitor& visit) {
  for (const Link& link : links_) ORDO_RETURN_IF_ERROR(visit(link));
  return OkStatus();
}

Result<std::optional<std::string>> MemoryLinkStore::FindCaseCompartment(
    const std::string& case_id) {
  for (const Entity& entity : entities_) {
    if (entity.case_id == case_id) return std::optional<std::string>(entity.compartment);
  }
  for (const Link& link : links_) {
    if (link.case_id == case_id) return std::optional<std::string>(link.compartment);
  }
  return std::optional<std::string>();
}

Result<std::int64_t> MemoryLinkStore::RecordMerge(const EntityMerge& merge) {
  MergeLookup lookup;
  lookup.entity = [&](const std::string& entity_id) -> Result<std::optional<MergeEntity>> {
    const auto found = entity_index_.find(entity_id);
    if (found == entity_index_.end()) return std::optional<MergeEntity>();
    const Entity& entity = entities_[found->second];
    return std::optional<MergeEntity>(MergeEntity{entity.type, entity.compartment});
  };
  lookup.merged_by = [&](const std::string& entity_id) -> Result<std::optional<MergeRef>> {
    for (const EntityMerge& stored : merges_) {
      if (!stored.InForce()) continue;
      for (const std::string& merged : stored.merged) {
        if (merged == entity_id) return std::optional<MergeRef>({stored.merge_id, stored.kept});
      }
    }
    return std::optional<MergeRef>();
  };
  lookup.kept_by = [&](const std::string& entity_id) -> Result<std::optional<std::int64_t>> {
    for (const EntityMerge& stored : merges_) {
      if (stored.InForce() && stored.kept == entity_id) {
        return std::optional<std::int64_t>(stored.merge_id);
      }
    }
    return std::optional<std::int64_t>();
  };
  ORDO_RETURN_IF_ERROR(CheckMerge(merge, lookup));
  EntityMerge stored = merge;
  stored.merge_id = static_cast<std::int64_t>(merges_.size()) + 1;
  stored.undone_by.clear();
  stored.undone_at.clear();
  merges_.push_back(std::move(stored));
  return merges_.back().merge_id;
}

Status MemoryLinkStore::UndoMerge(std::int64_t merge_id, const std::string& undone_by,
                                  const std::string& undone_at) {
  ORDO_RETURN_IF_ERROR(CheckUndoArguments(undone_by, undone_at));
  if (merge_id < 1 || merge_id > static_cast<std::int64_t>(merges_.size())) {
    return NoMerge(merge_id);
  }
  EntityMerge& stored = merges_[static_cast<std::size_t>(merge_id - 1)];
  if (!stored.InForce()) return AlreadyUndone(stored);
  stored.undone_by = undone_by;
  stored.undone_at = undone_at;
  return OkStatus();
}

Status MemoryLinkStore::ForEachMerge(const MergeVisitor& visit) {
  for (const EntityMerge& merge : merges_) ORDO_RETURN_IF_ERROR(visit(merge));
  return OkStatus();
}

}  // namespace ordo::storage
