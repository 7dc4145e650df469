#include "analytics/gexf_export.h"

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "analytics/export_marking.h"
#include "analytics/internal/xml_text.h"

namespace ordo::analytics {
namespace {

struct AttributeSpec {
  std::string_view id;
  std::string_view type;
  std::string_view default_value;
};

constexpr AttributeSpec kNodeAttributes[] = {
    {"type", "string", ""},   {"schema", "string", ""}, {"properties", "string", ""},
    {"source", "string", ""}, {"case", "string", ""},   {"synthetic", "boolean", "false"},
};

// The link's dates are its spell (start, end); "start_date" and "end_date" keep them as recorded
// ("2019" rather than the spell's 2019-01-01).
constexpr AttributeSpec kEdgeAttributes[] = {
    {"type", "string", ""},       {"schema", "string", ""},   {"properties", "string", ""},
    {"start_date", "string", ""}, {"end_date", "string", ""}, {"source", "string", ""},
    {"grade", "string", ""},      {"case", "string", ""},     {"synthetic", "boolean", "false"},
    {"directed", "boolean", "true"},
};

std::string Declarations(std::string_view domain, const auto& attributes) {
  std::string text = fmt::format("    <attributes class=\"{}\" mode=\"static\">\n", domain);
  for (const AttributeSpec& attribute : attributes) {
    text += fmt::format("      <attribute id=\"{0}\" title=\"{0}\" type=\"{1}\"", attribute.id,
                        attribute.type);
    if (attribute.default_value.empty()) {
      text += "/>\n";
    } else {
      text += fmt::format("><default>{}</default></attribute>\n", attribute.default_value);
    }
  }
  return text + "    </attributes>\n";
}

class GexfWriter {
 public:
  explicit GexfWriter(std::ostream& out) : out_(out) {}

  std::string Escape(std::string_view text) { return internal::XmlEscape(text, &replaced_); }
  // <attvalue for="ID" value="TEXT"/>, skipped when `text` is empty.
  void Value(std::string& values, std::string_view id, std::string_view text) {
    if (text.empty()) return;
    values += fmt::format("          <attvalue for=\"{}\" value=\"{}\"/>\n", id, Escape(text));
  }
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

std::string Element(std::string head, const std::string& values, std::string_view tag) {
  if (values.empty()) return head + "/>\n";
  return fmt::format("{}>\n        <attvalues>\n{}        </attvalues>\n      </{}>\n", head,
                     values, tag);
}

}  // namespace

Result<XmlExportCounts> ExportGexf(storage::LinkStore& store, std::ostream& out,
                                   const Visibility& visibility) {
  XmlExportCounts counts;
  ORDO_TRY(marking, HighestStoredMarking(store, visibility));
  counts.marking = marking;
  GexfWriter writer(out);
  std::string head =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://www.gexf.net/1.2draft\"\n"
      "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "    xsi:schemaLocation=\"http://www.gexf.net/1.2draft "
      "http://www.gexf.net/1.2draft/gexf.xsd\" version=\"1.2\">\n"
      "  <meta>\n    <creator>Ordo</creator>\n" +
      fmt::format("    <keywords>marking:{}</keywords>\n", MarkingName(marking)) +
      fmt::format("    <description>link analysis export (marking: {}); attributes in "
                  "docs/formats.md, \"GEXF\"</description>\n  </meta>\n",
                  MarkingName(marking)) +
      "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n";
  head += Declarations("node", kNodeAttributes);
  head += Declarations("edge", kEdgeAttributes);
  head += "    <nodes>\n";
  ORDO_RETURN_IF_ERROR(writer.Write(head));
  ORDO_RETURN_IF_ERROR(store.ForEachEntity([&](const Entity& entity) -> Status {
    if (!visibility.Sees(entity.compartment)) return OkStatus();
    std::string values;
    writer.Value(values, "type", EntityTypeName(entity.type));
    writer.Value(values, "schema", entity.schema);
    if (!entity.properties.empty()) {
      writer.Value(values, "properties", internal::PropertiesJson(entity.properties));
    }
    writer.Value(values, "source", entity.source);
    writer.Value(values, "case", entity.case_id);
    if (entity.synthetic) writer.Value(values, "synthetic", "true");
    std::string element =
        Element(fmt::format("      <node id=\"{}\" label=\"{}\"", writer.Escape(entity.entity_id),
                            writer.Escape(entity.name)),
                values, "node");
    ++counts.entities;
    return writer.Write(element);
  }));
  ORDO_RETURN_IF_ERROR(writer.Write("    </nodes>\n    <edges>\n"));
  ORDO_RETURN_IF_ERROR(store.ForEachLink([&](const Link& link) -> Status {
    if (!visibility.Sees(link.compartment)) return OkStatus();
    std::string values;
    writer.Value(values, "type", LinkTypeName(link.type));
    writer.Value(values, "schema", link.schema);
    if (!link.properties.empty()) writer.Value(values, "properties", internal::PropertiesJson(link.properties));
    if (link.start) writer.Value(values, "start_date", link.start->ToString());
    if (link.end) writer.Value(values, "end_date", link.end->ToString());
    writer.Value(values, "source", link.source);
    writer.Value(values, "grade", link.grade);
    writer.Value(values, "case", link.case_id);
    if (link.synthetic) writer.Value(values, "synthetic", "true");
    if (!link.directed) writer.Value(values, "directed", "false");
    std::string head_text = fmt::format(
        "      <edge id=\"{}\" source=\"{}\" target=\"{}\" kind=\"{}\" label=\"{}\"",
        writer.Escape(link.link_id), writer.Escape(link.from_entity),
        writer.Escape(link.to_entity), LinkTypeName(link.type), LinkTypeName(link.type));
    if (link.start) head_text += fmt::format(" start=\"{}\"", internal::FirstDayText(*link.start));
    if (link.end) head_text += fmt::format(" end=\"{}\"", internal::LastDayText(*link.end));
    ++counts.links;
    return writer.Write(Element(std::move(head_text), values, "edge"));
  }));
  ORDO_RETURN_IF_ERROR(writer.Write("    </edges>\n  </graph>\n</gexf>\n"));
  out.flush();
  if (!out) return Unavailable("writing the export failed (disk full or closed output?)");
  counts.replaced_characters = writer.Replaced();
  return counts;
}

}  // namespace ordo::analytics
