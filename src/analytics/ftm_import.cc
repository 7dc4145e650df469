#include "analytics/ftm_import.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/account.h"
#include "ingest/ftm_reader.h"

namespace ordo::analytics {
namespace {

struct NodeSchema {
  std::string_view schema;
  EntityType type;
};

constexpr NodeSchema kNodeSchemata[] = {{"Person", EntityType::kPerson},
                                        {"Organization", EntityType::kOrganization},
                                        {"Company", EntityType::kOrganization},
                                        {"Vehicle", EntityType::kVehicle},
                                        {"Address", EntityType::kAddress}};

struct LinkSchema {
  std::string_view schema;
  LinkType type;
};

constexpr LinkSchema kLinkSchemata[] = {
    {"Ownership", LinkType::kOwnership},   {"Directorship", LinkType::kDirectorship},
    {"Family", LinkType::kFamily},         {"Associate", LinkType::kAssociate},
    {"Payment", LinkType::kPayment},       {"Call", LinkType::kCall},
    {"Trip", LinkType::kTravel},           {"Membership", LinkType::kMembership},
    {"Employment", LinkType::kEmployment}, {"UnknownLink", LinkType::kUnknown}};

// FtM properties whose values become shared nodes, and the prefix of the node's id.
struct SharedProperty {
  std::string_view property;
  EntityType type;
  std::string_view prefix;
};

constexpr SharedProperty kSharedProperties[] = {
    {"phone", EntityType::kPhone, "phone:"},
    {"email", EntityType::kEmail, "email:"},
    {"passportNumber", EntityType::kIdentifier, "passport:"},
    {"idNumber", EntityType::kIdentifier, "id:"},
    {"registrationNumber", EntityType::kIdentifier, "registration:"},
    {"taxNumber", EntityType::kIdentifier, "tax:"},
    {"innCode", EntityType::kIdentifier, "inn:"}};

std::optional<EntityType> NodeTypeOf(std::string_view schema) {
  for (const NodeSchema& node : kNodeSchemata) {
    if (node.schema == schema) return node.type;
  }
  return std::nullopt;
}

LinkType LinkTypeOf(std::string_view schema) {
  for (const LinkSchema& link : kLinkSchemata) {
    if (link.schema == schema) return link.type;
  }
  return LinkType::kUnknown;
}

// The key that makes two spellings of one value the same node: a phone keeps its digits and a
// leading '+', an email is lower-cased, an identifier keeps its letters (upper-cased) and digits.
// "" when nothing is left.
std::string NormalisedValue(EntityType type, std::string_view value) {
  std::string key;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (type == EntityType::kPhone) {
      if (std::isdigit(c) != 0 || (c == '+' && key.empty())) key += static_cast<char>(c);
    } else if (type == EntityType::kEmail) {
      if (std::isspace(c) == 0) key += static_cast<char>(std::tolower(c));
    } else if (std::isalnum(c) != 0 || c >= 0x80) {
      key += static_cast<char>(std::toupper(c));
    }
  }
  return key == "+" ? std::string() : key;
}

// "2019", "2019-05", "2019-05-01" or "2019-05-01T10:00:00" (the time is dropped).
Result<PartialDate> FtmDate(std::string_view text) {
  return PartialDate::Parse(text.substr(0, text.find('T')));
}

class FtmImporter {
 public:
  FtmImporter(storage::LinkStore& store, const std::string& path, const FtmImportOptions& options)
      : store_(store), path_(path), options_(options) {}

  Result<FtmImportOutcome> Run();

 private:
  void Problem(int line, std::string message) {
    outcome_.problems.push_back({path_, line, 1, std::move(message)});
  }

  Entity NewEntity(std::string id, EntityType type, std::string name) const {
    Entity entity;
    entity.entity_id = std::move(id);
    entity.type = type;
    entity.name = std::move(name);
    entity.case_id = options_.case_id;
    entity.source = options_.source;
    entity.synthetic = options_.synthetic;
    entity.compartment = options_.labels.compartment;
    entity.marking = options_.labels.marking;
    return entity;
  }

  // The shared node for `value` of `shared`, made once per import unless already stored;
  // "" when the value normalises to nothing.
  Result<std::string> SharedNode(const SharedProperty& shared, std::string_view value);
  Status AddNode(const ingest::FtmEntity& read);
  Status AddLinks(const ingest::FtmEntity& read);
  Result<bool> Known(const std::string& entity_id);

  storage::LinkStore& store_;
  std::string path_;
  FtmImportOptions options_;
  FtmImportOutcome outcome_;
  storage::GraphBatch batch_;
  std::unordered_set<std::string> file_nodes_;       // ids of the file's node entities
  std::unordered_map<std::string, int> file_links_;  // ids of the file's links -> line
  std::unordered_set<std::string> shared_made_;      // shared node ids in the batch
  std::unordered_map<std::string, bool> stored_;     // FindEntity answers, cached
};

Result<bool> FtmImporter::Known(const std::string& entity_id) {
  if (file_nodes_.count(entity_id) != 0 || shared_made_.count(entity_id) != 0) return true;
  const auto cached = stored_.find(entity_id);
  if (cached != stored_.end()) return cached->second;
  ORDO_TRY(found, store_.FindEntity(entity_id));
  stored_.emplace(entity_id, found.has_value());
  return found.has_value();
}

Result<std::string> FtmImporter::SharedNode(const SharedProperty& shared, std::string_view value) {
  const std::string key = NormalisedValue(shared.type, value);
  if (key.empty()) return std::string();
  std::string id = SharedNodeId(shared.prefix, key, options_.labels.compartment);
  ORDO_TRY(known, Known(id));
  if (!known) {
    Entity node = NewEntity(id, shared.type, std::string(value));
    node.properties.push_back({std::string(shared.property), std::string(value)});
    batch_.entities.push_back(std::move(node));
    shared_made_.insert(id);
    ++outcome_.shared_nodes_written;
  }
  return id;
}

Status FtmImporter::AddNode(const ingest::FtmEntity& read) {
  ORDO_TRY(stored, Known(read.id));
  if (stored) {
    Problem(read.line, fmt::format("id: '{}' is already in the database", read.id));
    return OkStatus();
  }
  std::string name = read.id;
  for (std::string_view property : {"name", "full", "registrationNumber"}) {
    const std::vector<std::string>& values = read.Values(property);
    if (!values.empty() && !values.front().empty()) {
      name = values.front();
      break;
    }
  }
  Entity entity = NewEntity(read.id, *NodeTypeOf(read.schema), std::move(name));
  entity.schema = read.schema;
  for (const auto& [property, values] : read.properties) {
    for (const std::string& value : values) entity.properties.push_back({property, value});
  }
  batch_.entities.push_back(std::move(entity));
  file_nodes_.insert(read.id);
  ++outcome_.entities_written;
  if (!options_.shared_nodes) return OkStatus();
  for (const SharedProperty& shared : kSharedProperties) {
    for (const std::string& value : read.Values(shared.property)) {
      ORDO_TRY(node, SharedNode(shared, value));
      if (node.empty()) continue;
      Link holds;
      holds.link_id = read.id + "~holds~" + node;
      if (file_links_.count(holds.link_id) != 0) continue;  // the same value twice
      file_links_.emplace(holds.link_id, read.line);
      holds.type = LinkType::kHolds;
      holds.from_entity = read.id;
      holds.to_entity = node;
      holds.properties.push_back({std::string(shared.property), value});
      holds.source = options_.source;
      holds.case_id = options_.case_id;
      holds.synthetic = options_.synthetic;
      holds.compartment = options_.labels.compartment;
      holds.marking = options_.labels.marking;
      batch_.links.push_back(std::move(holds));
      ++outcome_.links_written;
    }
  }
  return OkStatus();
}

Status FtmImporter::AddLinks(const ingest::FtmEntity& read) {
  const ingest::FtmEdgeRoles roles = *ingest::FtmEdgeRolesOf(read.schema);
  // Each end: the entity ids the role names, or else the phone nodes of the numbers.
  std::vector<std::string> ends[2];
  const std::pair<std::string_view, std::string_view> role_of[2] = {
      {roles.source, roles.source_number}, {roles.target, roles.target_number}};
  bool ok = true;
  for (int side = 0; side < 2; ++side) {
    const auto [role, number] = role_of[side];
    for (const std::string& id : read.Values(role)) {
      if (file_links_.count(id) != 0) {
        Problem(read.line, fmt::format("properties.{}: '{}' is a link, not an entity", role, id));
        ok = false;
        continue;
      }
      ORDO_TRY(known, Known(id));
      if (!known) {
        Problem(read.line, fmt::format("properties.{}: '{}' is neither an entity of this file "
                                       "nor one in the database",
                                       role, id));
        ok = false;
        continue;
      }
      ends[side].push_back(id);
    }
    if (ends[side].empty() && !number.empty()) {
      for (const std::string& value : read.Values(number)) {
        ORDO_TRY(node, SharedNode(kSharedProperties[0], value));
        if (!node.empty()) ends[side].push_back(node);
      }
      if (ends[side].empty() && ok) {
        Problem(read.line, fmt::format("properties.{}: no digits in the number", number));
        ok = false;
      }
    }
  }
  Link link;
  link.type = LinkTypeOf(read.schema);
  link.directed = roles.directed;
  link.schema = read.schema;
  link.source = options_.source;
  link.case_id = options_.case_id;
  link.synthetic = options_.synthetic;
  link.compartment = options_.labels.compartment;
  link.marking = options_.labels.marking;
  for (const auto& [property, values] : read.properties) {
    if (property == roles.source || property == roles.target) continue;  // the ends themselves
    for (const std::string& value : values) link.properties.push_back({property, value});
  }
  const std::pair<std::string_view, std::optional<PartialDate>*> dates[] = {
      {read.Values("startDate").empty() ? "date" : "startDate", &link.start},
      {"endDate", &link.end}};
  for (const auto& [property, date] : dates) {
    const std::vector<std::string>& values = read.Values(property);
    if (values.empty() || values.front().empty()) continue;
    Result<PartialDate> parsed = FtmDate(values.front());
    if (!parsed) {
      Problem(read.line, fmt::format("properties.{}: '{}' is not a date (YYYY, YYYY-MM or "
                                     "YYYY-MM-DD)",
                                     property, values.front()));
      ok = false;
      continue;
    }
    *date = *parsed;
  }
  if (link.start && link.end && link.end->LastDay() < link.start->FirstDay()) {
    Problem(read.line, fmt::format("properties.endDate: {} is before the start {}",
                                   link.end->ToString(), link.start->ToString()));
    ok = false;
  }
  if (!ok) return OkStatus();
  int count = 0;
  for (const std::string& from : ends[0]) {
    for (const std::string& to : ends[1]) {
      Link each = link;
      each.link_id = count == 0 ? read.id : fmt::format("{}#{}", read.id, count + 1);
      ++count;
      each.from_entity = from;
      each.to_entity = to;
      batch_.links.push_back(std::move(each));
      ++outcome_.links_written;
    }
  }
  return OkStatus();
}

Result<FtmImportOutcome> FtmImporter::Run() {
  if (options_.source.empty()) {
    return InvalidArgument("an FtM import needs its source (--source: a URL or a citation)");
  }
  ORDO_RETURN_IF_ERROR(CheckCompartmentName(options_.labels.compartment));
  std::vector<CaseLookup> holders = options_.labels.other_stores;
  holders.emplace_back([this](const std::string& case_id) { return store_.FindCaseCompartment(case_id); });
  CaseCompartmentCheck cases(std::move(holders), options_.labels.compartment);
  ORDO_TRY(conflict, cases.Conflict(options_.case_id));
  if (conflict) {
    Problem(0, *conflict);
    outcome_.problems.back().column = 0;
    return std::move(outcome_);
  }
  std::ifstream in(path_, std::ios::binary);
  if (!in) {
    Problem(0, "cannot open file");
    outcome_.problems.back().column = 0;
    return std::move(outcome_);
  }
  std::vector<ingest::FtmEntity> read;
  outcome_.problems = ingest::ReadFtmEntities(
      in, path_, {}, [&read](ingest::FtmEntity&& entity) { read.push_back(std::move(entity)); });
  // Nodes first, so that a link may name an entity of a later line.
  for (const ingest::FtmEntity& entity : read) {
    if (NodeTypeOf(entity.schema)) {
      ORDO_RETURN_IF_ERROR(AddNode(entity));
    } else {
      file_links_.emplace(entity.id, entity.line);
    }
  }
  for (const ingest::FtmEntity& entity : read) {
    if (!NodeTypeOf(entity.schema)) ORDO_RETURN_IF_ERROR(AddLinks(entity));
  }
  if (outcome_.problems.empty()) {
    Status written = store_.AppendGraph(batch_);
    if (!written) {
      // A link id already stored (entity ids were checked above): the file's problem.
      if (written.error().code() != ErrorCode::kAlreadyExists &&
          written.error().code() != ErrorCode::kInvalidArgument &&
          written.error().code() != ErrorCode::kFailedPrecondition) {
        return written.error();
      }
      Problem(0, written.error().message());
      outcome_.problems.back().column = 0;
    }
  }
  if (!outcome_.problems.empty()) {
    std::stable_sort(outcome_.problems.begin(), outcome_.problems.end(),
                     [](const ingest::Diagnostic& a, const ingest::Diagnostic& b) {
                       return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                     });
    outcome_.entities_written = 0;
    outcome_.shared_nodes_written = 0;
    outcome_.links_written = 0;
  }
  return std::move(outcome_);
}

}  // namespace

Result<FtmImportOutcome> ImportFtmFile(storage::LinkStore& store, const std::string& path,
                                       const FtmImportOptions& options) {
  return FtmImporter(store, path, options).Run();
}

}  // namespace ordo::analytics
