#include "analytics/ftm_export.h"

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "ingest/ftm_reader.h"

namespace ordo::analytics {
namespace {

using Json = nlohmann::ordered_json;

Json PropertiesOf(const std::vector<EntityProperty>& properties) {
  Json object = Json::object();
  for (const EntityProperty& property : properties) {
    object[property.name].push_back(property.value);
  }
  return object;
}

Status WriteLine(std::ostream& out, const Json& line) {
  out << line.dump() << '\n';
  if (!out) return Unavailable("writing the export failed (disk full or closed output?)");
  return OkStatus();
}

// A link made by ftm_import for the second and later pairs of ends of one FtM entity: "ID#2".
bool IsLaterPair(const std::string& link_id, const std::unordered_set<std::string>& written) {
  const std::size_t hash = link_id.rfind('#');
  return hash != std::string::npos && hash + 1 < link_id.size() &&
         written.count(link_id.substr(0, hash)) != 0 &&
         link_id.find_first_not_of("0123456789", hash + 1) == std::string::npos;
}

}  // namespace

Result<FtmExportCounts> ExportFtm(storage::LinkStore& store, std::ostream& out,
                                  const Visibility& visibility) {
  FtmExportCounts counts;
  std::unordered_set<std::string> derived;  // entities Ordo made: not FtM ends
  ORDO_RETURN_IF_ERROR(store.ForEachEntity([&](const Entity& entity) -> Status {
    if (!visibility.Sees(entity.compartment)) return OkStatus();
    counts.marking = MaxMarking(counts.marking, entity.marking);
    if (entity.schema.empty()) {
      derived.insert(entity.entity_id);
      ++counts.skipped;
      return OkStatus();
    }
    Json line = Json::object();
    line["id"] = entity.entity_id;
    line["schema"] = entity.schema;
    line["properties"] = PropertiesOf(entity.properties);
    if (entity.marking != Marking::kUnmarked) line["marking"] = MarkingName(entity.marking);
    ++counts.entities;
    return WriteLine(out, line);
  }));
  // Links: the pairs of one FtM entity are consecutive (written together by the import), so one
  // pending line gathers their ends before it is written.
  Json pending;
  std::string pending_id;
  std::unordered_set<std::string> written;
  auto flush = [&]() -> Status {
    if (pending_id.empty()) return OkStatus();
    pending_id.clear();
    // A role left empty (a Call named by its number only) is not written, as FtM would not.
    Json& properties = pending["properties"];
    for (auto it = properties.begin(); it != properties.end();) {
      it = it->empty() ? properties.erase(it) : std::next(it);
    }
    ++counts.links;
    return WriteLine(out, pending);
  };
  const Status walked = store.ForEachLink([&](const Link& link) -> Status {
    if (!visibility.Sees(link.compartment)) return OkStatus();
    counts.marking = MaxMarking(counts.marking, link.marking);
    if (link.schema.empty()) {
      ++counts.skipped;
      return OkStatus();
    }
    const std::optional<ingest::FtmEdgeRoles> roles = ingest::FtmEdgeRolesOf(link.schema);
    const bool later_pair = !pending_id.empty() && IsLaterPair(link.link_id, written) &&
                            link.link_id.substr(0, link.link_id.rfind('#')) == pending_id;
    if (!later_pair) {
      ORDO_RETURN_IF_ERROR(flush());
      pending = Json::object();
      pending["id"] = link.link_id;
      pending["schema"] = link.schema;
      Json properties = Json::object();
      if (roles) {
        properties[std::string(roles->source)] = Json::array();
        properties[std::string(roles->target)] = Json::array();
      }
      Json others = PropertiesOf(link.properties);  // kept alive for the loop over its items
      for (auto& [name, values] : others.items()) properties[name] = values;
      pending["properties"] = std::move(properties);
      if (link.marking != Marking::kUnmarked) pending["marking"] = MarkingName(link.marking);
      pending_id = link.link_id;
      written.insert(link.link_id);
    }
    if (later_pair && link.marking != Marking::kUnmarked) {
      const auto marked = pending.find("marking");
      const Marking so_far = marked == pending.end()
                                 ? Marking::kUnmarked
                                 : ParseMarking(marked->get<std::string>()).value();
      pending["marking"] = MarkingName(MaxMarking(so_far, link.marking));
    }
    if (roles) {
      Json& properties = pending["properties"];
      const std::pair<std::string_view, const std::string*> ends[] = {
          {roles->source, &link.from_entity}, {roles->target, &link.to_entity}};
      for (const auto& [role, end] : ends) {
        // A Call's end made from its number comes back through the number property.
        if (derived.count(*end) != 0) continue;
        Json& values = properties[std::string(role)];
        if (std::find(values.begin(), values.end(), *end) == values.end()) values.push_back(*end);
      }
    }
    return OkStatus();
  });
  ORDO_RETURN_IF_ERROR(walked);
  ORDO_RETURN_IF_ERROR(flush());
  return counts;
}

}  // namespace ordo::analytics
