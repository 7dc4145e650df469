#pragma once
// LinkStore: the storage interface for the entities and links of link analysis (core/entity.h),
// apart from RegistryStore and SeizureStore. Backends: memory/memory_link_store.h and
// sqlite/sqlite_store.h; storage/conformance/link_store_conformance.h holds them to this contract.

#include <cstddef>
#include <cstdint>
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

// An analyst's decision that some entities are one and the same (`ordo graph merge`): the
// `merged` entities are read as `kept` by the graph (analytics/link_graph.h), while every entity
// and link stays stored as it was, so an undo restores the exact graph. A merge is never deleted:
// undoing it records who undid it and when.
struct EntityMerge {
  std::int64_t merge_id = 0;  // given by the store on RecordMerge: 1, 2, ...; never reused
  std::string kept;           // entity_id of the entity that stands for the group
  std::vector<std::string> merged;  // entity_ids read as `kept`, in the order given; never empty
  std::string note;                 // the analyst's reason; may be ""
  std::string merged_by;            // who recorded it; never ""
  std::string merged_at;            // when, as the caller writes it (ISO 8601 UTC); never ""
  std::string undone_by;            // "" while the merge is in force
  std::string undone_at;            // "" while the merge is in force

  bool InForce() const { return undone_at.empty(); }
  friend bool operator==(const EntityMerge&, const EntityMerge&) = default;
};

using MergeVisitor = std::function<Status(const EntityMerge&)>;

// Rules every backend enforces, with the same codes and messages, in this order for each batch
// (entities first, then links, each in batch order; the first broken rule is returned):
//   an empty entity_id -> kInvalidArgument "entity with an empty entity_id";
//   entity_id unique across the store and the batch -> kAlreadyExists
//     "entity 'ID' already exists";
//   compartment a CheckCompartmentName name -> kInvalidArgument "entity 'ID': compartment name ...";
//   one case, one compartment (storage/compartment_rules.h): a case_id already held by a stored
//     entity or link, or an earlier row of the batch, of another compartment ->
//     kInvalidArgument "case 'C' is in compartment 'A'; entity 'ID' is in 'B'";
//   each link: CheckLink (core/entity.h) -> kInvalidArgument;
//   link_id unique -> kAlreadyExists "link 'ID' already exists";
//   compartment as for entities -> kInvalidArgument "link 'ID': compartment name ...";
//   both ends name a stored entity or one of the batch -> kInvalidArgument
//     "link 'ID': unknown entity 'X'";
//   both ends in the link's compartment -> kInvalidArgument
//     "link 'ID' of compartment 'A' joins entity 'X' of compartment 'B'";
//   one case, one compartment, as for entities ("...; link 'ID' is in 'B'").
// So the rows of one compartment never refer to another's, and a graph built from the rows of
// some compartments (analytics/link_graph.h) has no dangling end.
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

  // The entity with this id, or nullopt. Whatever its compartment: callers that serve a reader
  // check Visibility::Sees themselves.
  virtual Result<std::optional<Entity>> FindEntity(const std::string& entity_id) = 0;

  // The compartment of the stored entities and links of case `case_id` (not ""), or nullopt when
  // no entity or link has that case. A store that also holds seizures (SQLite, PostgreSQL) answers
  // for them too, and its writes keep a case in one compartment across all three.
  virtual Result<std::optional<std::string>> FindCaseCompartment(const std::string& case_id) = 0;

  // Every entity, then (separately) every link, without holding them all in memory. The store
  // must not be written from inside `visit`.
  virtual Status ForEachEntity(const EntityVisitor& visit) = 0;
  virtual Status ForEachLink(const LinkVisitor& visit) = 0;

  // Merges (EntityMerge). RecordMerge stores `merge` (its merge_id, undone_by and undone_at are
  // ignored) and returns the new merge_id, or writes nothing and returns the first broken rule:
  //   kept or merged empty -> kInvalidArgument "a merge names the entity to keep and at least one
  //     other";
  //   merged_by or merged_at empty -> kInvalidArgument "a merge records who made it and when";
  //   an id of merged equal to kept or repeated -> kInvalidArgument
  //     "entity 'X' is named twice in the merge";
  //   kept, then each of merged, not stored -> kNotFound "no entity 'X'";
  //   an entity of merged of another type -> kInvalidArgument
  //     "cannot merge phone 'X' into person 'K'";
  //   an entity of merged in another compartment -> kInvalidArgument "cannot merge across
  //     compartments: entity 'X' of compartment 'A' into 'K' of compartment 'B': a merge stays
  //     inside one compartment" (IsCrossCompartmentMerge in merge_rules.h);
  //   kept, then each of merged, already merged into another by a merge in force ->
  //     kFailedPrecondition "entity 'X' is already merged into 'K' (merge N)";
  //   an entity of merged that keeps a merge in force -> kInvalidArgument
  //     "entity 'X' keeps merge N; undo that first or merge into 'X'".
  // So groups never chain: an entity is merged by at most one merge in force.
  virtual Result<std::int64_t> RecordMerge(const EntityMerge& merge) = 0;

  // Marks merge `merge_id` undone by `undone_by` at `undone_at` (both non-empty, else
  // kInvalidArgument "an undo records who made it and when"); kNotFound "no merge N";
  // kFailedPrecondition "merge N was already undone at T". Nothing else changes.
  virtual Status UndoMerge(std::int64_t merge_id, const std::string& undone_by,
                           const std::string& undone_at) = 0;

  // Every merge, undone ones too, in merge_id order. As ForEachEntity.
  virtual Status ForEachMerge(const MergeVisitor& visit) = 0;
};

}  // namespace ordo::storage
