#include "analytics/graphml_import.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "analytics/internal/type_names.h"
#include "core/account.h"
#include "ingest/graphml_reader.h"

namespace ordo::analytics {
namespace {

// The properties value ExportGraphml writes: [["name", "value"], ...].
std::optional<std::vector<EntityProperty>> ParseProperties(const std::string& text) {
  const nlohmann::json list = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!list.is_array()) return std::nullopt;
  std::vector<EntityProperty> properties;
  for (const nlohmann::json& pair : list) {
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) {
      return std::nullopt;
    }
    properties.push_back({pair[0].get<std::string>(), pair[1].get<std::string>()});
  }
  return properties;
}

std::optional<bool> ParseBoolean(std::string_view text) {
  if (text == "true" || text == "1" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "0" || text == "False" || text == "FALSE") return false;
  return std::nullopt;
}

class GraphmlImporter {
 public:
  GraphmlImporter(storage::LinkStore& store, const std::string& path,
                  const GraphmlImportOptions& options)
      : store_(store), path_(path), options_(options) {}

  Result<GraphmlImportOutcome> Run();

 private:
  void Problem(int line, int column, std::string message) {
    outcome_.problems.push_back({path_, line, column, std::move(message)});
  }
  void Problem(const ingest::GraphmlValue& value, std::string_view what) {
    Problem(value.line, value.column, fmt::format("{}: '{}' {}", value.name, value.value, what));
  }

  // The values every element shares (source, case, synthetic, schema, properties); false when
  // one is bad (reported). Other values are left to the caller through `rest`.
  template <typename Element>
  bool Common(const ingest::GraphmlValue& value, Element& element, bool& handled);

  Status AddNode(const ingest::GraphmlNode& node);
  Status AddEdge(const ingest::GraphmlEdge& edge, std::size_t rank);
  Result<bool> Stored(const std::string& entity_id);

  storage::LinkStore& store_;
  std::string path_;
  GraphmlImportOptions options_;
  std::optional<CaseCompartmentCheck> cases_;  // made by Run
  GraphmlImportOutcome outcome_;
  storage::GraphBatch batch_;
  std::unordered_set<std::string> file_nodes_;
  std::unordered_map<std::string, bool> stored_;  // FindEntity answers, cached
};

Result<bool> GraphmlImporter::Stored(const std::string& entity_id) {
  const auto cached = stored_.find(entity_id);
  if (cached != stored_.end()) return cached->second;
  ORDO_TRY(found, store_.FindEntity(entity_id));
  stored_.emplace(entity_id, found.has_value());
  return found.has_value();
}

template <typename Element>
bool GraphmlImporter::Common(const ingest::GraphmlValue& value, Element& element, bool& handled) {
  handled = true;
  if (value.name == "source") {
    element.source = value.value;
  } else if (value.name == "case") {
    element.case_id = value.value;
  } else if (value.name == "schema") {
    element.schema = value.value;
  } else if (value.name == "synthetic") {
    const std::optional<bool> synthetic = ParseBoolean(value.value);
    if (!synthetic) {
      Problem(value, "is neither true nor false");
      return false;
    }
    element.synthetic = *synthetic;
  } else if (value.name == "properties") {
    std::optional<std::vector<EntityProperty>> properties = ParseProperties(value.value);
    if (!properties) {
      Problem(value.line, value.column,
              "properties: not a JSON list of [name, value] pairs of strings, as Ordo writes it");
      return false;
    }
    for (EntityProperty& property : *properties) element.properties.push_back(std::move(property));
  } else {
    handled = false;
  }
  return true;
}

Status GraphmlImporter::AddNode(const ingest::GraphmlNode& node) {
  ORDO_TRY(stored, Stored(node.id));
  if (stored) {
    Problem(node.line, node.column,
            fmt::format("node id '{}' is already in the database", node.id));
    return OkStatus();
  }
  Entity entity;
  entity.entity_id = node.id;
  bool ok = true;
  std::optional<std::string> name;
  std::optional<std::string> label;
  for (const ingest::GraphmlValue& value : node.values) {
    bool handled = false;
    if (!Common(value, entity, handled)) ok = false;
    if (handled) continue;
    if (value.name == "type") {
      std::optional<EntityType> type = internal::LenientEntityType(value.value);
      if (!type) {
        Problem(value, fmt::format("is not an entity type; expected one of {} (or an FtM schema "
                                   "such as Company)",
                                   internal::EntityTypeList()));
        ok = false;
        continue;
      }
      entity.type = *type;
    } else if (value.name == "name" && !name) {
      name = value.value;
    } else if (value.name == "label" && !label) {
      label = value.value;
    } else if (!value.value.empty()) {
      entity.properties.push_back({value.name, value.value});
    }
  }
  if (name && !name->empty()) {
    entity.name = *name;
    if (label && !label->empty()) entity.properties.push_back({"label", *label});
  } else if (label && !label->empty()) {
    entity.name = *label;
  } else if (!node.label.empty()) {
    entity.name = node.label;
  } else {
    entity.name = node.id;
  }
  if (entity.source.empty()) entity.source = options_.source;
  if (entity.case_id.empty()) entity.case_id = options_.case_id;
  entity.synthetic = entity.synthetic || options_.synthetic;
  entity.compartment = options_.labels.compartment;
  entity.marking = options_.labels.marking;
  ORDO_TRY(conflict, cases_->Conflict(entity.case_id));
  if (conflict) {
    Problem(node.line, node.column, *conflict);
    ok = false;
  }
  file_nodes_.insert(node.id);
  if (ok) {
    batch_.entities.push_back(std::move(entity));
    ++outcome_.entities_written;
  }
  return OkStatus();
}

Status GraphmlImporter::AddEdge(const ingest::GraphmlEdge& edge, std::size_t rank) {
  Link link;
  link.link_id = edge.id.empty()
                     ? fmt::format("{}#e{}", std::filesystem::path(path_).filename().string(), rank)
                     : edge.id;
  link.from_entity = edge.source;
  link.to_entity = edge.target;
  link.directed = edge.directed;
  bool ok = true;
  bool has_label = false;
  for (const ingest::GraphmlValue& value : edge.values) {
    bool handled = false;
    if (!Common(value, link, handled)) ok = false;
    if (handled) continue;
    if (value.name == "type") {
      std::optional<LinkType> type = internal::LenientLinkType(value.value);
      if (!type) {
        Problem(value, fmt::format("is not a link type; expected one of {} (or an FtM schema "
                                   "such as Ownership)",
                                   internal::LinkTypeList()));
        ok = false;
        continue;
      }
      link.type = *type;
    } else if ((value.name == "start" || value.name == "end") && !value.value.empty()) {
      const std::string_view text = std::string_view(value.value).substr(0, value.value.find('T'));
      Result<PartialDate> date = PartialDate::Parse(text);
      if (!date) {
        Problem(value, "is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        ok = false;
        continue;
      }
      (value.name == "start" ? link.start : link.end) = *date;
    } else if (value.name == "directed") {
      const std::optional<bool> directed = ParseBoolean(value.value);
      if (!directed) {
        Problem(value, "is neither true nor false");
        ok = false;
        continue;
      }
      link.directed = *directed;
    } else if (value.name == "grade") {
      if (!IsValidGrade(value.value)) {
        Problem(value, "is not an Admiralty grade (A-F then 1-6, such as B2)");
        ok = false;
        continue;
      }
      link.grade = value.value;
    } else if (!value.value.empty()) {
      has_label = has_label || value.name == "label";
      link.properties.push_back({value.name, value.value});
    }
  }
  if (!edge.label.empty() && !has_label) link.properties.push_back({"label", edge.label});
  for (const std::string* end : {&edge.source, &edge.target}) {
    if (file_nodes_.count(*end) != 0) continue;
    ORDO_TRY(stored, Stored(*end));
    if (!stored) {
      Problem(edge.line, edge.column,
              fmt::format("edge {}: {} '{}' is neither a node of this file nor an entity in "
                          "the database",
                          edge.id.empty() ? fmt::format("#{}", rank) : "'" + edge.id + "'",
                          end == &edge.source ? "source" : "target", *end));
      ok = false;
    }
  }
  if (link.start && link.end && link.end->LastDay() < link.start->FirstDay()) {
    Problem(edge.line, edge.column,
            fmt::format("end: {} is before the start {}", link.end->ToString(),
                        link.start->ToString()));
    ok = false;
  }
  if (link.source.empty()) link.source = options_.source;
  if (link.case_id.empty()) link.case_id = options_.case_id;
  link.synthetic = link.synthetic || options_.synthetic;
  link.compartment = options_.labels.compartment;
  link.marking = options_.labels.marking;
  ORDO_TRY(conflict, cases_->Conflict(link.case_id));
  if (conflict) {
    Problem(edge.line, edge.column, *conflict);
    ok = false;
  }
  if (ok) {
    batch_.links.push_back(std::move(link));
    ++outcome_.links_written;
  }
  return OkStatus();
}

Result<GraphmlImportOutcome> GraphmlImporter::Run() {
  if (options_.source.empty()) {
    return InvalidArgument("a GraphML import needs its source (--source: a URL or a citation)");
  }
  ORDO_RETURN_IF_ERROR(CheckCompartmentName(options_.labels.compartment));
  std::vector<CaseLookup> holders = options_.labels.other_stores;
  holders.emplace_back(
      [this](const std::string& case_id) { return store_.FindCaseCompartment(case_id); });
  cases_.emplace(std::move(holders), options_.labels.compartment);
  std::ifstream in(path_, std::ios::binary);
  if (!in) {
    Problem(0, 0, "cannot open file");
    return std::move(outcome_);
  }
  // Nodes are written as they come; edges wait for the end, since one may name a later node.
  std::vector<ingest::GraphmlEdge> edges;
  Status node_error = OkStatus();
  ingest::GraphmlSink sink;
  sink.node = [&](ingest::GraphmlNode&& node) {
    if (node_error) node_error = AddNode(node);
  };
  sink.edge = [&](ingest::GraphmlEdge&& edge) { edges.push_back(std::move(edge)); };
  std::vector<ingest::Diagnostic> read = ingest::ReadGraphml(in, path_, {}, sink);
  ORDO_RETURN_IF_ERROR(node_error);
  // After a reader problem (an XML error stops reading) the edges' ends are not checked: the
  // nodes they name may be the ones that were not read.
  const bool read_whole = read.empty();
  for (ingest::Diagnostic& problem : read) outcome_.problems.push_back(std::move(problem));
  for (std::size_t i = 0; read_whole && i < edges.size(); ++i) {
    ORDO_RETURN_IF_ERROR(AddEdge(edges[i], i + 1));
  }
  if (outcome_.problems.empty()) {
    Status written = store_.AppendGraph(batch_);
    if (!written) {
      if (written.error().code() != ErrorCode::kAlreadyExists &&
          written.error().code() != ErrorCode::kInvalidArgument &&
          written.error().code() != ErrorCode::kFailedPrecondition) {
        return written.error();
      }
      Problem(0, 0, written.error().message());
    }
  }
  if (!outcome_.problems.empty()) {
    std::stable_sort(outcome_.problems.begin(), outcome_.problems.end(),
                     [](const ingest::Diagnostic& a, const ingest::Diagnostic& b) {
                       return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                     });
    outcome_.entities_written = 0;
    outcome_.links_written = 0;
  }
  return std::move(outcome_);
}

}  // namespace

Result<GraphmlImportOutcome> ImportGraphmlFile(storage::LinkStore& store, const std::string& path,
                                               const GraphmlImportOptions& options) {
  return GraphmlImporter(store, path, options).Run();
}

}  // namespace ordo::analytics
