#pragma once
// Writes entities and links.
// Shared by the SQLite and PostgreSQL stores: a template over either backend's handle
// (storage/sql/sql_dialect.h).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "core/result.h"
#include "core/account.h"
#include "storage/compartment_rules.h"
#include "storage/link_store.h"
#include "storage/sql/sql_dialect.h"

namespace ordo::storage::sql {

inline constexpr std::string_view kInsertEntity =
    "INSERT INTO entities (entity_id, type, name, schema, case_id, source, synthetic, compartment, "
    "marking) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
inline constexpr std::string_view kInsertProperty =
    "INSERT INTO entity_properties (entity, position, name, value) VALUES (?, ?, ?, ?)";
inline constexpr std::string_view kInsertLinkProperty =
    "INSERT INTO link_properties (link, position, name, value) VALUES (?, ?, ?, ?)";
inline constexpr std::string_view kFindEntity =
    "SELECT id, compartment FROM entities WHERE entity_id = ?";
inline constexpr std::string_view kFindLink = "SELECT 1 FROM links WHERE link_id = ?";
inline constexpr std::string_view kInsertLink =
    "INSERT INTO links (link_id, type, from_entity, to_entity, directed, schema, start_date, "
    "start_day, end_date, end_day, source, grade, case_id, synthetic, compartment, marking) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

// A stored entity's integer key and compartment.
struct EntityRef {
  std::int64_t key = 0;
  std::string compartment;
};

// A stored entity (this batch's entities are stored by then), or nullopt.
template <typename Statement>
Result<std::optional<EntityRef>> FindEntityRef(Statement& find, const std::string& entity_id) {
  find.Reset();
  find.BindText(entity_id);
  ORDO_TRY(found, find.Step());
  if (!found) return std::optional<EntityRef>();
  return std::optional<EntityRef>(EntityRef{find.ColumnInt(0), find.ColumnText(1)});
}

// The properties of the row with integer key `key`, one row per value, in order.
template <typename Statement>
Status InsertProperties(Statement& insert, std::int64_t key,
                        const std::vector<EntityProperty>& properties) {
  std::int64_t position = 0;
  for (const EntityProperty& property : properties) {
    insert.BindInt(key);
    insert.BindInt(position++);
    insert.BindText(property.name);
    insert.BindText(property.value);
    ORDO_TRY(outcome, insert.Insert());
    (void)outcome;  // (key, position) is new with its row
  }
  return OkStatus();
}

// Inserts `batch` inside the caller's open transaction; the caller rolls back on error. Errors
// and messages as LinkStore's contract and MemoryLinkStore; other failures as the backend maps them.
// `find_case` answers where the database holds a case (FindCaseCompartmentRow). The compartment
// rules (storage/compartment_rules.h) are checked before each row's insert, so that the row itself
// is not what the look-up finds, and reported after its uniqueness, in the memory store's order.
template <typename Connection>
Status InsertGraph(Connection& connection, const GraphBatch& batch,
                   const CaseCompartments::Lookup& find_case) {
  CaseCompartments cases(find_case);
  ORDO_TRY(insert_entity, connection.Prepare(WithReturningId<Connection>(kInsertEntity)));
  ORDO_TRY(insert_property, connection.Prepare(kInsertProperty));
  for (const Entity& entity : batch.entities) {
    if (entity.entity_id.empty()) return InvalidArgument("entity with an empty entity_id");
    const Status compartment = cases.Check(fmt::format("entity '{}'", entity.entity_id),
                                           entity.case_id, entity.compartment);
    insert_entity.BindText(entity.entity_id);
    insert_entity.BindText(EntityTypeName(entity.type));
    insert_entity.BindText(entity.name);
    insert_entity.BindText(entity.schema);
    insert_entity.BindText(entity.case_id);
    insert_entity.BindText(entity.source);
    insert_entity.BindInt(entity.synthetic ? 1 : 0);
    insert_entity.BindText(entity.compartment);
    insert_entity.BindText(MarkingName(entity.marking));
    ORDO_TRY(outcome, insert_entity.Insert());
    if (outcome == InsertOutcome::kUniqueViolation) {
      return AlreadyExists(fmt::format("entity '{}' already exists", entity.entity_id));
    }
    ORDO_RETURN_IF_ERROR(compartment);
    ORDO_RETURN_IF_ERROR(
        InsertProperties(insert_property, connection.LastInsertRowId(), entity.properties));
  }
  ORDO_TRY(find, connection.Prepare(kFindEntity));
  ORDO_TRY(find_link, connection.Prepare(kFindLink));
  ORDO_TRY(insert_link, connection.Prepare(WithReturningId<Connection>(kInsertLink)));
  ORDO_TRY(insert_link_property, connection.Prepare(kInsertLinkProperty));
  for (const Link& link : batch.links) {
    ORDO_RETURN_IF_ERROR(CheckLink(link));
    // The link's faults in the memory store's order: a repeated id, a bad compartment name, an
    // unknown end, an end of another compartment, a case of another compartment.
    Status name = OkStatus();
    if (Status checked = CheckCompartmentName(link.compartment); !checked) {
      name = InvalidArgument(fmt::format("link '{}': {}", link.link_id, checked.error().message()));
    }
    std::int64_t ends[2] = {0, 0};
    Status foreign_end = OkStatus();
    int index = 0;
    for (const std::string* end : {&link.from_entity, &link.to_entity}) {
      ORDO_TRY(ref, FindEntityRef(find, *end));
      if (!ref) {
        // A repeated link_id is reported before an unknown end, as the memory store does.
        find_link.Reset();
        find_link.BindText(link.link_id);
        ORDO_TRY(repeated, find_link.Step());
        if (repeated) return AlreadyExists(fmt::format("link '{}' already exists", link.link_id));
        ORDO_RETURN_IF_ERROR(name);
        return InvalidArgument(fmt::format("link '{}': unknown entity '{}'", link.link_id, *end));
      }
      if (foreign_end && ref->compartment != link.compartment) {
        foreign_end = InvalidArgument(
            fmt::format("link '{}' of compartment '{}' joins entity '{}' of compartment '{}'",
                        link.link_id, link.compartment, *end, ref->compartment));
      }
      ends[index++] = ref->key;
    }
    Status compartment = OkStatus();
    if (name && foreign_end) {
      compartment = cases.Check(fmt::format("link '{}'", link.link_id), link.case_id,
                                link.compartment);
    }
    insert_link.BindText(link.link_id);
    insert_link.BindText(LinkTypeName(link.type));
    insert_link.BindInt(ends[0]);
    insert_link.BindInt(ends[1]);
    insert_link.BindInt(link.directed ? 1 : 0);
    insert_link.BindText(link.schema);
    if (link.start) {
      insert_link.BindText(link.start->ToString());
      insert_link.BindInt(link.start->FirstDay());
    } else {
      insert_link.BindNull();
      insert_link.BindNull();
    }
    if (link.end) {
      insert_link.BindText(link.end->ToString());
      insert_link.BindInt(link.end->LastDay());
    } else {
      insert_link.BindNull();
      insert_link.BindNull();
    }
    insert_link.BindText(link.source);
    insert_link.BindText(link.grade);
    insert_link.BindText(link.case_id);
    insert_link.BindInt(link.synthetic ? 1 : 0);
    insert_link.BindText(link.compartment);
    insert_link.BindText(MarkingName(link.marking));
    ORDO_TRY(outcome, insert_link.Insert());
    if (outcome == InsertOutcome::kUniqueViolation) {
      return AlreadyExists(fmt::format("link '{}' already exists", link.link_id));
    }
    ORDO_RETURN_IF_ERROR(name);
    ORDO_RETURN_IF_ERROR(foreign_end);
    ORDO_RETURN_IF_ERROR(compartment);
    ORDO_RETURN_IF_ERROR(
        InsertProperties(insert_link_property, connection.LastInsertRowId(), link.properties));
  }
  return OkStatus();
}

}  // namespace ordo::storage::sql
