#include "ingest/ftm_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>

namespace ordo::ingest {
namespace {

// ordered_json keeps the properties in the order of the file.
using Json = nlohmann::ordered_json;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

struct EdgeSchema {
  std::string_view schema;
  FtmEdgeRoles roles;
};

// From the FtM schema definitions (followthemoney/schema/*.yaml): the `edge` source and target of
// each link schema, or, for Payment, Call, Trip and UnknownLink, which declare no edge, the two
// parties (a Trip's start and end location).
constexpr EdgeSchema kEdgeSchemata[] = {
    {"Ownership", {"owner", "asset", true, "", ""}},
    {"Directorship", {"director", "organization", true, "", ""}},
    {"Family", {"person", "relative", false, "", ""}},
    {"Associate", {"person", "associate", false, "", ""}},
    {"Payment", {"payer", "beneficiary", true, "", ""}},
    {"Call", {"caller", "receiver", true, "callerNumber", "receiverNumber"}},
    {"Trip", {"startLocation", "endLocation", true, "", ""}},
    {"Membership", {"member", "organization", true, "", ""}},
    {"Employment", {"employee", "employer", true, "", ""}},
    {"UnknownLink", {"subject", "object", true, "", ""}},
};

// The column, in Unicode characters, of the byte at `offset` (0-based) of `line`.
int CharacterColumn(std::string_view line, std::size_t offset) {
  int column = 1;
  for (std::size_t i = 0; i < offset && i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

// Reads one line (without its '\n') into `line`, keeping at most `limit` bytes; `too_long` says
// whether more were dropped. Returns false at the end of input with nothing read.
bool ReadLine(std::istream& in, std::size_t limit, std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  std::streambuf* buffer = in.rdbuf();
  bool read_any = false;
  while (true) {
    const int c = buffer->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      in.setstate(std::ios::eofbit);
      return read_any;
    }
    read_any = true;
    if (c == '\n') return true;
    if (line.size() < limit) {
      line.push_back(static_cast<char>(c));
    } else {
      too_long = true;
    }
  }
}

// The byte offset of the first bracket nested deeper than `max_depth`, if any, outside strings.
std::optional<std::size_t> TooDeep(std::string_view line, int max_depth) {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > max_depth) return i;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return std::nullopt;
}

// nlohmann's message without its "[json.exception.parse_error.101] parse error at line 1,
// column 5: " prefix, which the diagnostic's position replaces.
std::string ParseErrorReason(const Json::parse_error& error) {
  std::string_view what = error.what();
  const std::size_t column = what.find("column ");
  if (column != std::string_view::npos) {
    const std::size_t colon = what.find(": ", column);
    if (colon != std::string_view::npos) return std::string(what.substr(colon + 2));
  }
  return std::string(what);
}

class LineReader {
 public:
  LineReader(std::string_view file_name, const FtmReadOptions& options,
             std::vector<Diagnostic>& problems)
      : file_name_(file_name), options_(options), problems_(problems) {}

  // Problems go through here; false once there are too many and reading must stop.
  bool Report(int line, int column, std::string message) {
    if (stopped_) return false;
    problems_.push_back({file_name_, line, column, std::move(message)});
    if (problems_.size() >= options_.max_problems) {
      problems_.push_back({file_name_, line, 0, "too many problems; stopped reading"});
      stopped_ = true;
    }
    return !stopped_;
  }
  bool Stopped() const { return stopped_; }

  // Checks one parsed line; returns the entity when it is well formed.
  std::optional<FtmEntity> Entity(const Json& root, int line);

 private:
  void Field(int line, const std::string& field, const std::string& message) {
    Report(line, 1, field + ": " + message);
  }

  std::string file_name_;
  FtmReadOptions options_;
  std::vector<Diagnostic>& problems_;
  bool stopped_ = false;
};

std::string SupportedList() {
  std::string list;
  for (std::string_view schema : FtmSupportedSchemata()) {
    if (!list.empty()) list += ", ";
    list += schema;
  }
  return list;
}

std::optional<FtmEntity> LineReader::Entity(const Json& root, int line) {
  if (!root.is_object()) {
    Report(line, 1, "expected a JSON object (one FtM entity per line)");
    return std::nullopt;
  }
  FtmEntity entity;
  entity.line = line;
  bool ok = true;
  const auto id = root.find("id");
  if (id == root.end()) {
    Field(line, "id", "missing");
    ok = false;
  } else if (!id->is_string() || id->get_ref<const std::string&>().empty()) {
    Field(line, "id", "must be a non-empty string");
    ok = false;
  } else {
    entity.id = id->get<std::string>();
  }
  const auto schema = root.find("schema");
  if (schema == root.end()) {
    Field(line, "schema", "missing");
    ok = false;
  } else if (!schema->is_string()) {
    Field(line, "schema", "must be a string");
    ok = false;
  } else {
    entity.schema = schema->get<std::string>();
    const auto& supported = FtmSupportedSchemata();
    if (std::find(supported.begin(), supported.end(), entity.schema) == supported.end()) {
      Field(line, "schema",
            fmt::format("'{}' is not read by Ordo; supported: {}", entity.schema, SupportedList()));
      ok = false;
    }
  }
  const auto properties = root.find("properties");
  if (properties != root.end()) {
    if (!properties->is_object()) {
      Field(line, "properties", "must be an object");
      ok = false;
    } else {
      for (const auto& [name, values] : properties->items()) {
        const std::string field = "properties." + name;
        if (!values.is_array()) {
          Field(line, field, "must be a list of strings");
          ok = false;
          continue;
        }
        std::vector<std::string> texts;
        for (std::size_t i = 0; i < values.size(); ++i) {
          if (!values[i].is_string()) {
            Field(line, fmt::format("{}[{}]", field, i), "must be a string");
            ok = false;
            continue;
          }
          texts.push_back(values[i].get<std::string>());
        }
        entity.properties.emplace_back(name, std::move(texts));
      }
    }
  }
  if (ok) {
    if (std::optional<FtmEdgeRoles> roles = FtmEdgeRolesOf(entity.schema)) {
      const std::pair<std::string_view, std::string_view> ends[] = {
          {roles->source, roles->source_number}, {roles->target, roles->target_number}};
      for (const auto& [role, number] : ends) {
        if (entity.Values(role).empty() && (number.empty() || entity.Values(number).empty())) {
          Field(line, "properties." + std::string(role),
                fmt::format("missing; a {} names its {} and its {}", entity.schema, roles->source,
                            roles->target));
          ok = false;
        }
      }
    }
  }
  if (!ok) return std::nullopt;
  return entity;
}

}  // namespace

const std::vector<std::string>& FtmEntity::Values(std::string_view name) const {
  static const std::vector<std::string> kNone;
  for (const auto& [property, values] : properties) {
    if (property == name) return values;
  }
  return kNone;
}

const std::vector<std::string_view>& FtmSupportedSchemata() {
  static const std::vector<std::string_view> kSchemata = [] {
    std::vector<std::string_view> schemata = {"Person", "Organization", "Company", "Vehicle",
                                              "Address"};
    for (const EdgeSchema& edge : kEdgeSchemata) schemata.push_back(edge.schema);
    return schemata;
  }();
  return kSchemata;
}

std::optional<FtmEdgeRoles> FtmEdgeRolesOf(std::string_view schema) {
  for (const EdgeSchema& edge : kEdgeSchemata) {
    if (edge.schema == schema) return edge.roles;
  }
  return std::nullopt;
}

std::vector<Diagnostic> ReadFtmEntities(std::istream& in, std::string_view file_name,
                                        const FtmReadOptions& options, const FtmSink& sink) {
  std::vector<Diagnostic> problems;
  LineReader reader(file_name, options, problems);
  std::unordered_map<std::string, int> first_lines;  // id -> line
  std::string text;
  bool too_long = false;
  for (int line = 1; ReadLine(in, options.max_line_bytes, text, too_long); ++line) {
    std::string_view view = text;
    if (line == 1 && view.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
      view.remove_prefix(kByteOrderMark.size());
    }
    if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
    if (too_long) {
      if (!reader.Report(line, 1,
                         fmt::format("line longer than {} bytes; an FtM entity takes one "
                                     "line, so this is not an entity stream",
                                     options.max_line_bytes))) {
        break;
      }
      continue;
    }
    if (view.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (std::optional<std::size_t> deep = TooDeep(view, options.max_depth)) {
      if (!reader.Report(line, CharacterColumn(view, *deep),
                         fmt::format("nested deeper than {} levels", options.max_depth))) {
        break;
      }
      continue;
    }
    Json root;
    try {
      root = Json::parse(view);
    } catch (const Json::parse_error& error) {
      const std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
      if (!reader.Report(line, CharacterColumn(view, offset),
                         "not valid JSON: " + ParseErrorReason(error))) {
        break;
      }
      continue;
    }
    const std::size_t before = problems.size();
    std::optional<FtmEntity> entity = reader.Entity(root, line);
    if (reader.Stopped()) break;
    if (!entity) continue;
    auto [first, inserted] = first_lines.emplace(entity->id, line);
    if (!inserted) {
      if (!reader.Report(
              line, 1,
              fmt::format("id: '{}' repeats the entity of line {}", entity->id, first->second))) {
        break;
      }
      continue;
    }
    if (problems.size() == before) sink(std::move(*entity));
  }
  if (in.bad()) problems.push_back({std::string(file_name), 0, 0, "read error"});
  return problems;
}

}  // namespace ordo::ingest
