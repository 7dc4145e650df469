#pragma once
// LinkStore: the storage interface for the entities and links of link analysis (core/entity.h),
// apart from RegistryStore and SeizureStore. Backends: memory/memory_link_store.h and
// sqlite/sqlite_store.h; storage/conformance/link_store_conformance.h holds them to this contract.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/entity.h"
#include "core/result.h"

namespace ordo::storage {

// Entities and links written together: a link may join entities of the same batch.
struct GraphBatch {
  std::vector<Entity> entities;
  std::vector<Link> links;
};

// Called once per row, in write order; returning an error stops the walk and is returned. The
// reference is valid only during the call.
using EntityVisitor = std::function<Status(const Entity&)>;
using LinkVisitor = std::function<Status(const Link&)>;

// Rules every backend enforces, with the same codes and messages, in this order for each batch
// (entities first, then links, each in batch order; the first broken rule is returned):
//   an empty entity_id -> kInvalidArgument "entity with an empty entity_id";
//   entity_id unique across the store and the batch -> kAlreadyExists
//     "entity 'ID' already exists";
//   each link: CheckLink (core/entity.h) -> kInvalidArgument;
//   link_id unique -> kAlreadyExists "link 'ID' already exists";
//   both ends name a stored entity or one of the batch -> kInvalidArgument
//     "link 'ID': unknown entity 'X'".
// Reads return rows in write order.
//
// Thread-safety: a store instance is used by one thread at a time.
class LinkStore {
 public:
  virtual ~LinkStore() = default;

  // Writes every entity and link of `batch`, or, on any error, none.
  virtual Status AppendGraph(const GraphBatch& batch) = 0;

  virtual Result<std::size_t> CountEntities() = 0;
  virtual Result<std::size_t> CountLinks() = 0;

  // The entity with this id, or nullopt.
  virtual Result<std::optional<Entity>> FindEntity(const std::string& entity_id) = 0;

  // Every entity, then (separately) every link, without holding them all in memory. The store
  // must not be written from inside `visit`.
  virtual Status ForEachEntity(const EntityVisitor& visit) = 0;
  virtual Status ForEachLink(const LinkVisitor& visit) = 0;
};

}  // namespace ordo::storage
