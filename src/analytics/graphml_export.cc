#include "analytics/graphml_export.h"

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "analytics/export_marking.h"
#include "analytics/internal/xml_text.h"

namespace ordo::analytics {
namespace {

using internal::XmlEscape;

// The keys, in the order they are declared: id, domain, attr.name, attr.type, default.
struct KeySpec {
  std::string_view id;
  std::string_view domain;
  std::string_view name;
  std::string_view type;
  std::string_view default_value;
};

constexpr KeySpec kKeys[] = {
    {"n_type", "node", "type", "string", ""},
    {"n_name", "node", "name", "string", ""},
    {"n_schema", "node", "schema", "string", ""},
    {"n_properties", "node", "properties", "string", ""},
    {"n_source", "node", "source", "string", ""},
    {"n_case", "node", "case", "string", ""},
    {"n_synthetic", "node", "synthetic", "boolean", "false"},
    {"e_type", "edge", "type", "string", ""},
    {"e_schema", "edge", "schema", "string", ""},
    {"e_properties", "edge", "properties", "string", ""},
    {"e_start", "edge", "start", "string", ""},
    {"e_end", "edge", "end", "string", ""},
    {"e_source", "edge", "source", "string", ""},
    {"e_grade", "edge", "grade", "string", ""},
    {"e_case", "edge", "case", "string", ""},
    {"e_synthetic", "edge", "synthetic", "boolean", "false"},
    {"e_directed", "edge", "directed", "boolean", "true"},
};

class GraphmlWriter {
 public:
  explicit GraphmlWriter(std::ostream& out) : out_(out) {}

  // <data key="KEY">TEXT</data>, skipped when `text` is empty.
  void Data(std::string& element, std::string_view key, std::string_view text) {
    if (text.empty()) return;
    element += fmt::format("      <data key=\"{}\">{}</data>\n", key, Escape(text));
  }
  std::string Escape(std::string_view text) { return XmlEscape(text, &replaced_); }

  Status Write(std::string_view text) {
    out_ << text;
    if (!out_) return Unavailable("writing the export failed (disk full or closed output?)");
    return OkStatus();
  }
  std::size_t Replaced() const { return replaced_; }

 private:
  std::ostream& out_;
  std::size_t replaced_ = 0;
};

}  // namespace

Result<XmlExportCounts> ExportGraphml(storage::LinkStore& store, std::ostream& out,
                                      const Visibility& visibility) {
  XmlExportCounts counts;
  ORDO_TRY(marking, HighestStoredMarking(store, visibility));
  counts.marking = marking;
  GraphmlWriter writer(out);
  std::string head =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<!-- Ordo link analysis export; keys in docs/formats.md, \"GraphML\" -->\n" +
      fmt::format("<!-- marking: {} -->\n", MarkingName(marking)) +
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const KeySpec& key : kKeys) {
    head += fmt::format("  <key id=\"{}\" for=\"{}\" attr.name=\"{}\" attr.type=\"{}\"", key.id,
                        key.domain, key.name, key.type);
    if (key.default_value.empty()) {
      head += "/>\n";
    } else {
      head += fmt::format("><default>{}</default></key>\n", key.default_value);
    }
  }
  head += "  <key id=\"g_marking\" for=\"graph\" attr.name=\"marking\" attr.type=\"string\"/>\n";
  head += "  <graph id=\"ordo\" edgedefault=\"directed\">\n";
  head += fmt::format("    <data key=\"g_marking\">{}</data>\n", MarkingName(marking));
  ORDO_RETURN_IF_ERROR(writer.Write(head));
  ORDO_RETURN_IF_ERROR(store.ForEachEntity([&](const Entity& entity) -> Status {
    if (!visibility.Sees(entity.compartment)) return OkStatus();
    std::string element = fmt::format("    <node id=\"{}\">\n", writer.Escape(entity.entity_id));
    writer.Data(element, "n_type", EntityTypeName(entity.type));
    writer.Data(element, "n_name", entity.name);
    writer.Data(element, "n_schema", entity.schema);
    if (!entity.properties.empty()) {
      writer.Data(element, "n_properties", internal::PropertiesJson(entity.properties));
    }
    writer.Data(element, "n_source", entity.source);
    writer.Data(element, "n_case", entity.case_id);
    if (entity.synthetic) writer.Data(element, "n_synthetic", "true");
    element += "    </node>\n";
    ++counts.entities;
    return writer.Write(element);
  }));
  ORDO_RETURN_IF_ERROR(store.ForEachLink([&](const Link& link) -> Status {
    if (!visibility.Sees(link.compartment)) return OkStatus();
    std::string element = fmt::format("    <edge id=\"{}\" source=\"{}\" target=\"{}\">\n",
                                      writer.Escape(link.link_id),
                                      writer.Escape(link.from_entity),
                                      writer.Escape(link.to_entity));
    writer.Data(element, "e_type", LinkTypeName(link.type));
    writer.Data(element, "e_schema", link.schema);
    if (!link.properties.empty()) {
      writer.Data(element, "e_properties", internal::PropertiesJson(link.properties));
    }
    if (link.start) writer.Data(element, "e_start", link.start->ToString());
    if (link.end) writer.Data(element, "e_end", link.end->ToString());
    writer.Data(element, "e_source", link.source);
    writer.Data(element, "e_grade", link.grade);
    writer.Data(element, "e_case", link.case_id);
    if (link.synthetic) writer.Data(element, "e_synthetic", "true");
    if (!link.directed) writer.Data(element, "e_directed", "false");
    element += "    </edge>\n";
    ++counts.links;
    return writer.Write(element);
  }));
  ORDO_RETURN_IF_ERROR(writer.Write("  </graph>\n</graphml>\n"));
  out.flush();
  if (!out) return Unavailable("writing the export failed (disk full or closed output?)");
  counts.replaced_characters = writer.Replaced();
  return counts;
}

}  // namespace ordo::analytics
