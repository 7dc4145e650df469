#pragma once
// Reads entities and links back.
// Shared by the SQLite and PostgreSQL stores: a template over either backend's handle
// (storage/sql/sql_dialect.h).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "storage/link_store.h"
#include "storage/sql/row_decoding.h"
#include "storage/sql/sql_dialect.h"

namespace ordo::storage::sql {

inline constexpr std::string_view kEntities = "entities";
inline constexpr std::string_view kLinks = "links";

// Columns in the order DecodeEntity reads them; properties come from a second statement.
inline constexpr std::string_view kSelectEntities =
    "SELECT id, entity_id, type, name, schema, case_id, source, synthetic, compartment, marking "
    "FROM entities";
inline constexpr std::string_view kSelectProperties =
    "SELECT name, value FROM entity_properties WHERE entity = ? ORDER BY position";
inline constexpr std::string_view kSelectLinks =
    "SELECT l.link_id, l.type, f.entity_id, t.entity_id, l.directed, l.start_date, l.end_date, "
    "l.source, l.grade, l.case_id, l.synthetic, l.schema, l.id, l.compartment, l.marking "
    "FROM links l "
    "JOIN entities f ON f.id = l.from_entity JOIN entities t ON t.id = l.to_entity "
    "ORDER BY l.id";

// Every property of a table, streamed in (owner key, position) order beside a walk over its owners
// in key order, so a walk over N entities costs two cursors instead of N + 1 queries.
inline constexpr std::string_view kAllProperties =
    "SELECT entity, name, value FROM entity_properties ORDER BY entity, position";
inline constexpr std::string_view kAllLinkProperties =
    "SELECT link, name, value FROM link_properties ORDER BY link, position";

template <typename Statement>
class PropertyMerge {
 public:
  explicit PropertyMerge(Statement all) : all_(std::move(all)) {}

  // The properties of the owner with key `key`; keys must come in increasing order.
  Result<std::vector<EntityProperty>> For(std::int64_t key) {
    if (!started_) {
      started_ = true;
      ORDO_TRY(has_row, all_.Step());
      has_row_ = has_row;
    }
    std::vector<EntityProperty> read;
    while (has_row_ && all_.ColumnInt(0) <= key) {
      if (all_.ColumnInt(0) == key) read.push_back({all_.ColumnText(1), all_.ColumnText(2)});
      ORDO_TRY(has_row, all_.Step());
      has_row_ = has_row;
    }
    return read;
  }

 private:
  Statement all_;
  bool started_ = false;
  bool has_row_ = false;
};

// The (name, value) rows `properties` gives for the row with integer key `key`.
template <typename Statement>
Result<std::vector<EntityProperty>> ReadProperties(Statement& properties, std::int64_t key) {
  std::vector<EntityProperty> read;
  properties.Reset();
  properties.BindInt(key);
  while (true) {
    ORDO_TRY(has_row, properties.Step());
    if (!has_row) return read;
    read.push_back({properties.ColumnText(0), properties.ColumnText(1)});
  }
}

template <typename Properties, typename Statement>
Result<Entity> DecodeEntity(const Statement& row, Properties properties_of) {
  Entity entity;
  entity.entity_id = row.ColumnText(1);
  Result<EntityType> type = ParseEntityType(row.ColumnText(2));
  if (!type) return Damaged(kEntities, type.error());
  entity.type = *type;
  entity.name = row.ColumnText(3);
  entity.schema = row.ColumnText(4);
  entity.case_id = row.ColumnText(5);
  entity.source = row.ColumnText(6);
  entity.synthetic = row.ColumnInt(7) != 0;
  entity.compartment = row.ColumnText(8);
  Result<Marking> marking = ParseMarking(row.ColumnText(9));
  if (!marking) return Damaged(kEntities, marking.error());
  entity.marking = *marking;
  ORDO_TRY(read, properties_of(row.ColumnInt(0)));
  entity.properties = std::move(read);
  return entity;
}

template <typename Properties, typename Statement>
Result<Link> DecodeLink(const Statement& row, Properties properties_of) {
  Link link;
  link.link_id = row.ColumnText(0);
  Result<LinkType> type = ParseLinkType(row.ColumnText(1));
  if (!type) return Damaged(kLinks, type.error());
  link.type = *type;
  link.from_entity = row.ColumnText(2);
  link.to_entity = row.ColumnText(3);
  link.directed = row.ColumnInt(4) != 0;
  ORDO_TRY(start, ReadDate(row, 5, kLinks));
  link.start = start;
  ORDO_TRY(end, ReadDate(row, 6, kLinks));
  link.end = end;
  link.source = row.ColumnText(7);
  link.grade = row.ColumnText(8);
  link.case_id = row.ColumnText(9);
  link.synthetic = row.ColumnInt(10) != 0;
  link.schema = row.ColumnText(11);
  link.compartment = row.ColumnText(13);
  Result<Marking> marking = ParseMarking(row.ColumnText(14));
  if (!marking) return Damaged(kLinks, marking.error());
  link.marking = *marking;
  ORDO_TRY(read, properties_of(row.ColumnInt(12)));
  link.properties = std::move(read);
  return link;
}

// Each calls `visit` per row in write order; stored values that no longer parse are damage
// (row_decoding.h).
template <typename Connection>
Status ForEachEntityRow(Connection& connection, const EntityVisitor& visit) {
  ORDO_TRY(select, connection.Prepare(std::string(kSelectEntities) + " ORDER BY id", /*stream=*/true));
  ORDO_TRY(all_properties, connection.Prepare(kAllProperties, /*stream=*/true));
  PropertyMerge properties(std::move(all_properties));
  while (true) {
    ORDO_TRY(has_row, select.Step());
    if (!has_row) return OkStatus();
    ORDO_TRY(entity, DecodeEntity(select, [&](std::int64_t key) { return properties.For(key); }));
    ORDO_RETURN_IF_ERROR(visit(entity));
  }
}

template <typename Connection>
Status ForEachLinkRow(Connection& connection, const LinkVisitor& visit) {
  ORDO_TRY(select, connection.Prepare(kSelectLinks, /*stream=*/true));
  ORDO_TRY(all_properties, connection.Prepare(kAllLinkProperties, /*stream=*/true));
  PropertyMerge properties(std::move(all_properties));
  while (true) {
    ORDO_TRY(has_row, select.Step());
    if (!has_row) return OkStatus();
    ORDO_TRY(link, DecodeLink(select, [&](std::int64_t key) { return properties.For(key); }));
    ORDO_RETURN_IF_ERROR(visit(link));
  }
}

template <typename Connection>
Result<std::optional<Entity>> FindEntityRow(Connection& connection, const std::string& entity_id) {
  ORDO_TRY(select, connection.Prepare(std::string(kSelectEntities) + " WHERE entity_id = ?"));
  ORDO_TRY(properties, connection.Prepare(kSelectProperties));
  select.BindText(entity_id);
  ORDO_TRY(has_row, select.Step());
  if (!has_row) return std::optional<Entity>();
  ORDO_TRY(entity, DecodeEntity(select, [&](std::int64_t key) {
    return ReadProperties(properties, key);
  }));
  return std::optional<Entity>(std::move(entity));
}

}  // namespace ordo::storage::sql
