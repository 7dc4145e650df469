#pragma once
// MemoryLinkStore: a LinkStore that keeps every entity and link in process memory; the reference
// behaviour for the link store conformance suite and the store of unit tests.

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "storage/link_store.h"

namespace ordo::storage {

// Implements the LinkStore contract exactly. Thread-safety: as LinkStore, one thread at a time.
class MemoryLinkStore final : public LinkStore {
 public:
  MemoryLinkStore() = default;
  MemoryLinkStore(const MemoryLinkStore&) = delete;
  MemoryLinkStore& operator=(const MemoryLinkStore&) = delete;

  Status AppendGraph(const GraphBatch& batch) override;
  Result<std::size_t> CountEntities() override;
  Result<std::size_t> CountLinks() override;
  Result<std::optional<Entity>> FindEntity(const std::string& entity_id) override;
  Status ForEachEntity(const EntityVisitor& visit) override;
  Status ForEachLink(const LinkVisitor& visit) override;
  Result<std::optional<std::string>> FindCaseCompartment(const std::string& case_id) override;
  Result<std::int64_t> RecordMerge(const EntityMerge& merge) override;
  Status UndoMerge(std::int64_t merge_id, const std::string& undone_by,
                   const std::string& undone_at) override;
  Status ForEachMerge(const MergeVisitor& visit) override;

 private:
  std::vector<Entity> entities_;
  std::vector<Link> links_;
  std::unordered_map<std::string, std::size_t> entity_index_;  // entity_id -> position
  std::unordered_map<std::string, std::size_t> link_index_;    // link_id -> position
  std::vector<EntityMerge> merges_;                            // merge_id - 1 -> merge
};

}  // namespace ordo::storage
