#include "analytics/case_truth.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "analytics/adjusted_rand_index.h"

namespace ordo::analytics {

using Json = nlohmann::ordered_json;

Status WriteCaseTruth(const CaseSimulationOptions& options, const SimulatedCases& cases,
                      std::ostream& json) {
  Json root = Json::object();
  root["synthetic"] = true;
  root["generator"] = "ordo simulate --cases";
  root["seed"] = options.seed;
  root["cases"] = options.cases;
  root["groups_per_case"] = options.groups_per_case;
  root["id_prefix"] = CaseIdPrefix(options);
  root["first_year"] = options.first_year;
  root["last_year"] = options.last_year;
  root["entity_count"] = cases.graph.entities.size();
  root["link_count"] = cases.graph.links.size();
  root["seizure_count"] = cases.seizures.size();
  Json groups = Json::array();
  for (const GroupTruth& group : cases.groups) {
    groups.push_back({{"group", group.group},
                      {"case_id", group.case_id},
                      {"corridor", group.corridor},
                      {"members", group.members}});
  }
  root["groups"] = std::move(groups);
  Json entities = Json::array();
  for (const EntityTruth& entity : cases.truth) {
    Json row = {{"entity_id", entity.entity_id},
                {"case_id", entity.case_id.empty() ? Json() : Json(entity.case_id)},
                {"group", entity.group.empty() ? Json() : Json(entity.group)},
                {"role", entity.role},
                {"bridges", entity.bridges}};
    entities.push_back(std::move(row));
  }
  root["entities"] = std::move(entities);
  json << root.dump(1) << "\n";
  json.flush();
  if (!json) return Unavailable("could not write the ground truth");
  return OkStatus();
}

Result<std::vector<EntityTruth>> ReadCaseTruth(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot open truth file " + path);
  Json root;
  try {
    root = Json::parse(in);
  } catch (const Json::parse_error& error) {
    return InvalidArgument(path + ": not JSON at byte " + std::to_string(error.byte) + ": " +
                           error.what());
  }
  if (!root.is_object() || !root.contains("entities") || !root["entities"].is_array()) {
    return InvalidArgument(path + ": expected an object with an array \"entities\"");
  }
  std::vector<EntityTruth> truth;
  const Json& entities = root["entities"];
  for (std::size_t i = 0; i < entities.size(); ++i) {
    const Json& row = entities[i];
    const std::string at = path + ": entities[" + std::to_string(i) + "]";
    if (!row.is_object()) return InvalidArgument(at + ": expected an object");
    EntityTruth entity;
    auto text = [&](const char* field, std::string& into, bool nullable) -> Status {
      if (!row.contains(field) || (row[field].is_null() && nullable)) {
        if (!nullable) return InvalidArgument(at + "." + field + ": missing");
        return OkStatus();
      }
      if (!row[field].is_string()) {
        return InvalidArgument(at + "." + field +
                               (nullable ? ": expected a string or null" : ": expected a string"));
      }
      into = row[field].get<std::string>();
      return OkStatus();
    };
    ORDO_RETURN_IF_ERROR(text("entity_id", entity.entity_id, false));
    if (entity.entity_id.empty()) return InvalidArgument(at + ".entity_id: empty");
    ORDO_RETURN_IF_ERROR(text("case_id", entity.case_id, true));
    ORDO_RETURN_IF_ERROR(text("group", entity.group, true));
    ORDO_RETURN_IF_ERROR(text("role", entity.role, true));
    if (row.contains("bridges")) {
      const Json& bridges = row["bridges"];
      if (!bridges.is_array()) return InvalidArgument(at + ".bridges: expected an array");
      for (std::size_t b = 0; b < bridges.size(); ++b) {
        if (!bridges[b].is_string()) {
          return InvalidArgument(at + ".bridges[" + std::to_string(b) + "]: expected a string");
        }
        entity.bridges.push_back(bridges[b].get<std::string>());
      }
    }
    truth.push_back(std::move(entity));
  }
  return truth;
}

Result<CommunityRecovery> ScoreRecovery(const LinkGraph& links,
                                        const std::vector<std::uint32_t>& community,
                                        const std::vector<EntityTruth>& truth) {
  if (community.size() != links.graph.NodeCount()) {
    return InvalidArgument("communities for " + std::to_string(community.size()) +
                           " nodes of a graph of " + std::to_string(links.graph.NodeCount()));
  }
  CommunityRecovery recovery;
  std::unordered_map<std::string, std::uint32_t> group_label;
  std::vector<std::uint32_t> planted;
  std::vector<std::uint32_t> found;
  std::unordered_set<std::uint32_t> found_labels;
  for (const EntityTruth& entity : truth) {
    if (entity.group.empty()) {
      ++recovery.entities_ungrouped;
      continue;
    }
    auto node = links.node_of.find(entity.entity_id);
    if (node == links.node_of.end()) {
      ++recovery.entities_missing;
      continue;
    }
    const auto label = group_label.emplace(entity.group, group_label.size()).first->second;
    planted.push_back(label);
    found.push_back(community[node->second]);
    found_labels.insert(community[node->second]);
  }
  if (planted.empty()) {
    return InvalidArgument("no entity of a planted group is in the graph (" +
                           std::to_string(recovery.entities_missing) +
                           " named by the truth are missing)");
  }
  ORDO_TRY(ari, AdjustedRandIndex(planted, found));
  recovery.adjusted_rand_index = ari;
  recovery.entities_scored = planted.size();
  recovery.planted_groups = group_label.size();
  recovery.communities = found_labels.size();
  return recovery;
}

}  // namespace ordo::analytics
