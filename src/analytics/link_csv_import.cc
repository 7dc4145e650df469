#include "analytics/link_csv_import.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "analytics/internal/type_names.h"
#include "core/account.h"
#include "ingest/csv_reader.h"

namespace ordo::analytics {
namespace {

using Json = nlohmann::json;

// One end of the link: the columns naming it and the type when no column gives one.
struct EndMapping {
  std::string id;
  std::string name;
  std::string type;
  std::optional<EntityType> default_type;
};

struct Mapping {
  EndMapping ends[2];  // from, to
  std::string link_id;
  std::string link_type;
  std::optional<LinkType> default_link_type;
  std::string start;
  std::string end;
  std::string grade;
  bool directed = true;
  std::vector<std::string> properties;
  std::vector<std::string> ignore;
};

constexpr std::string_view kEndNames[] = {"from", "to"};

// Reads and checks the mapping file; every problem goes to `problems` at the mapping's path with
// the JSON field it concerns.
class MappingParser {
 public:
  MappingParser(const std::string& path, std::vector<ingest::Diagnostic>& problems)
      : path_(path), problems_(problems) {}

  std::optional<Mapping> Parse();

 private:
  void Problem(std::string_view field, std::string_view message) {
    problems_.push_back({path_, 0, 0, fmt::format("{}: {}", field, message)});
  }
  // Only `allowed` fields in `object`; each other one is reported.
  void OnlyFields(const Json& object, std::string_view where,
                  std::initializer_list<std::string_view> allowed) {
    for (const auto& [key, value] : object.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        std::string list;
        for (std::string_view name : allowed) list += (list.empty() ? "" : ", ") + std::string(name);
        Problem(where.empty() ? key : fmt::format("{}.{}", where, key),
                fmt::format("unknown field; expected {}", list));
      }
    }
  }
  // A column name at object[key], or "" when absent.
  std::string Column(const Json& object, std::string_view where, const char* key) {
    const auto found = object.find(key);
    if (found == object.end()) return {};
    if (!found->is_string() || found->get_ref<const std::string&>().empty()) {
      Problem(fmt::format("{}.{}", where, key), "must be a column name (a non-empty string)");
      return {};
    }
    return found->get<std::string>();
  }
  std::vector<std::string> Columns(const Json& root, const char* key) {
    std::vector<std::string> columns;
    const auto found = root.find(key);
    if (found == root.end()) return columns;
    if (!found->is_array()) {
      Problem(key, "must be a list of column names");
      return columns;
    }
    for (std::size_t i = 0; i < found->size(); ++i) {
      const Json& item = (*found)[i];
      if (!item.is_string() || item.get_ref<const std::string&>().empty()) {
        Problem(fmt::format("{}[{}]", key, i), "must be a column name (a non-empty string)");
        continue;
      }
      columns.push_back(item.get<std::string>());
    }
    return columns;
  }

  std::string path_;
  std::vector<ingest::Diagnostic>& problems_;
};

std::optional<Mapping> MappingParser::Parse() {
  std::ifstream in(path_, std::ios::binary);
  if (!in) {
    problems_.push_back({path_, 0, 0, "cannot open the mapping file"});
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  const std::string content = text.str();
  Json root;
  try {
    root = Json::parse(content);
  } catch (const Json::parse_error& error) {
    // The position of the error as line and column of the mapping file.
    const std::size_t offset = std::min<std::size_t>(error.byte > 0 ? error.byte - 1 : 0,
                                                     content.size());
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
      if (content[i] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(content[i]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    // nlohmann's reason without its "[json.exception...] parse error at line 1, column 5: ".
    std::string_view reason = error.what();
    if (const std::size_t at = reason.find("column "); at != std::string_view::npos) {
      if (const std::size_t colon = reason.find(": ", at); colon != std::string_view::npos) {
        reason.remove_prefix(colon + 2);
      }
    }
    problems_.push_back(
        {path_, line, column, fmt::format("the mapping is not valid JSON: {}", reason)});
    return std::nullopt;
  }
  if (!root.is_object()) {
    Problem("(top level)", "must be a JSON object with from, to, link, properties and ignore");
    return std::nullopt;
  }
  const std::size_t before = problems_.size();
  OnlyFields(root, "", {"from", "to", "link", "properties", "ignore"});
  Mapping mapping;
  for (int side = 0; side < 2; ++side) {
    const std::string_view where = kEndNames[side];
    const auto found = root.find(std::string(where));
    if (found == root.end() || !found->is_object()) {
      Problem(where, "missing or not an object; it names the columns of the link's "
                     "entity (id, name, type, default_type)");
      continue;
    }
    OnlyFields(*found, where, {"id", "name", "type", "default_type"});
    EndMapping& end = mapping.ends[side];
    end.id = Column(*found, where, "id");
    end.name = Column(*found, where, "name");
    end.type = Column(*found, where, "type");
    if (end.id.empty() && end.name.empty()) {
      Problem(fmt::format("{}.id", where), "give the id column, the name column or both");
    }
    const auto default_type = found->find("default_type");
    if (default_type != found->end()) {
      if (!default_type->is_string() ||
          !(end.default_type =
                internal::LenientEntityType(default_type->get_ref<const std::string&>()))) {
        Problem(fmt::format("{}.default_type", where),
                fmt::format("must be an entity type: {}", internal::EntityTypeList()));
      }
    } else if (end.type.empty()) {
      Problem(fmt::format("{}.type", where), "give the type column, a default_type or both");
    }
  }
  const auto link = root.find("link");
  if (link == root.end() || !link->is_object()) {
    Problem("link", "missing or not an object; it names the link's columns (id, type, "
                    "default_type, start, end, grade, directed)");
  } else {
    OnlyFields(*link, "link", {"id", "type", "default_type", "start", "end", "grade", "directed"});
    mapping.link_id = Column(*link, "link", "id");
    mapping.link_type = Column(*link, "link", "type");
    mapping.start = Column(*link, "link", "start");
    mapping.end = Column(*link, "link", "end");
    mapping.grade = Column(*link, "link", "grade");
    const auto default_type = link->find("default_type");
    if (default_type != link->end()) {
      if (!default_type->is_string() ||
          !(mapping.default_link_type =
                internal::LenientLinkType(default_type->get_ref<const std::string&>()))) {
        Problem("link.default_type",
                fmt::format("must be a link type: {}", internal::LinkTypeList()));
      }
    } else if (mapping.link_type.empty()) {
      Problem("link.type", "give the type column, a default_type or both");
    }
    const auto directed = link->find("directed");
    if (directed != link->end()) {
      if (!directed->is_boolean()) {
        Problem("link.directed", "must be true or false");
      } else {
        mapping.directed = directed->get<bool>();
      }
    }
  }
  mapping.properties = Columns(root, "properties");
  mapping.ignore = Columns(root, "ignore");
  if (problems_.size() != before) return std::nullopt;
  return mapping;
}

class LinkCsvImporter {
 public:
  LinkCsvImporter(storage::LinkStore& store, const std::string& path,
                  const LinkCsvImportOptions& options)
      : store_(store), path_(path), options_(options) {}

  Result<LinkCsvImportOutcome> Run();

 private:
  // A mapped column: its index in the header and the mapping field that names it.
  struct Mapped {
    std::optional<std::size_t> index;
    std::string field;  // "from.id"
    std::string column;
  };

  void Problem(int line, int column, std::string message) {
    outcome_.problems.push_back({path_, line, column, std::move(message)});
  }
  // Reports at the field of `mapped` in `record`.
  void Problem(const ingest::CsvRecord& record, const Mapped& mapped, std::string_view message) {
    if (!mapped.index || *mapped.index >= record.fields.size()) {
      Problem(record.line, 0, fmt::format("{}: {}", mapped.field, message));
      return;
    }
    const ingest::CsvField& field = record.fields[*mapped.index];
    Problem(field.line, field.column,
            fmt::format("{} ({}): {}", mapped.column, mapped.field, message));
  }
  // The header: every mapped column found, every other column listed under properties or
  // ignore. False on any problem.
  bool MapHeader(const ingest::CsvRecord& header);
  Mapped Map(const std::string& column, std::string field);
  static std::string_view Value(const ingest::CsvRecord& record, const Mapped& mapped) {
    return mapped.index ? std::string_view(record.fields[*mapped.index].value) : std::string_view();
  }
  // The entity id of one end of the row, made or checked; "" after a problem.
  Result<std::string> End(const ingest::CsvRecord& record, int side);
  Status Row(const ingest::CsvRecord& record);

  storage::LinkStore& store_;
  std::string path_;
  LinkCsvImportOptions options_;
  LinkCsvImportOutcome outcome_;
  Mapping mapping_;
  std::unordered_map<std::string, std::size_t> header_;
  Mapped end_columns_[2][3];  // id, name, type of from and to
  Mapped link_id_, link_type_, start_, end_, grade_;
  std::vector<Mapped> properties_;
  storage::GraphBatch batch_;
  // Entity ids of the file and the stored ones seen: their type, and the line that made them (0
  // for stored).
  std::unordered_map<std::string, std::pair<EntityType, int>> entities_;
  std::unordered_map<std::string, int> link_lines_;
};

LinkCsvImporter::Mapped LinkCsvImporter::Map(const std::string& column, std::string field) {
  Mapped mapped;
  mapped.field = std::move(field);
  mapped.column = column;
  if (column.empty()) return mapped;
  const auto found = header_.find(column);
  if (found != header_.end()) mapped.index = found->second;
  return mapped;
}

bool LinkCsvImporter::MapHeader(const ingest::CsvRecord& header) {
  const std::size_t before = outcome_.problems.size();
  std::vector<std::size_t> duplicates;  // reported once, as such
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const ingest::CsvField& field = header.fields[i];
    if (!header_.emplace(field.value, i).second) {
      Problem(field.line, field.column, fmt::format("column '{}' appears twice", field.value));
      duplicates.push_back(i);
    }
  }
  std::vector<Mapped*> all;
  static constexpr std::string_view kParts[] = {"id", "name", "type"};
  for (int side = 0; side < 2; ++side) {
    const EndMapping& end = mapping_.ends[side];
    const std::string* columns[] = {&end.id, &end.name, &end.type};
    for (int part = 0; part < 3; ++part) {
      end_columns_[side][part] =
          Map(*columns[part], fmt::format("{}.{}", kEndNames[side], kParts[part]));
      all.push_back(&end_columns_[side][part]);
    }
  }
  link_id_ = Map(mapping_.link_id, "link.id");
  link_type_ = Map(mapping_.link_type, "link.type");
  start_ = Map(mapping_.start, "link.start");
  end_ = Map(mapping_.end, "link.end");
  grade_ = Map(mapping_.grade, "link.grade");
  for (Mapped* mapped : {&link_id_, &link_type_, &start_, &end_, &grade_}) all.push_back(mapped);
  for (std::size_t i = 0; i < mapping_.properties.size(); ++i) {
    properties_.push_back(Map(mapping_.properties[i], fmt::format("properties[{}]", i)));
  }
  for (Mapped& mapped : properties_) all.push_back(&mapped);
  std::vector<Mapped> ignored;
  for (std::size_t i = 0; i < mapping_.ignore.size(); ++i) {
    ignored.push_back(Map(mapping_.ignore[i], fmt::format("ignore[{}]", i)));
  }
  for (Mapped& mapped : ignored) all.push_back(&mapped);
  std::vector<bool> used(header.fields.size(), false);
  for (std::size_t duplicate : duplicates) used[duplicate] = true;
  for (const Mapped* mapped : all) {
    if (mapped->column.empty()) continue;
    if (!mapped->index) {
      Problem(header.line, 0,
              fmt::format("{}: the mapping names column '{}', which the header does not have",
                          mapped->field, mapped->column));
      continue;
    }
    used[*mapped->index] = true;
  }
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    if (used[i]) continue;
    const ingest::CsvField& field = header.fields[i];
    Problem(field.line, field.column,
            fmt::format("column '{}' is not in the mapping; list it under \"properties\" to keep "
                        "it or under \"ignore\"",
                        field.value));
  }
  return outcome_.problems.size() == before;
}

Result<std::string> LinkCsvImporter::End(const ingest::CsvRecord& record, int side) {
  const Mapped& id_column = end_columns_[side][0];
  const Mapped& name_column = end_columns_[side][1];
  const Mapped& type_column = end_columns_[side][2];
  std::string id(Value(record, id_column));
  const std::string name(Value(record, name_column));
  if (id.empty()) id = name;
  if (id.empty()) {
    Problem(record, id_column.index ? id_column : name_column, "missing value");
    return std::string();
  }
  std::optional<EntityType> type = mapping_.ends[side].default_type;
  const std::string_view type_text = Value(record, type_column);
  if (!type_text.empty()) {
    type = internal::LenientEntityType(type_text);
    if (!type) {
      Problem(record, type_column,
              fmt::format("'{}' is not an entity type; expected one of {}", type_text,
                          internal::EntityTypeList()));
      return std::string();
    }
  } else if (!type) {
    Problem(record, type_column, "missing value (and the mapping gives no default_type)");
    return std::string();
  }
  auto known = entities_.find(id);
  if (known == entities_.end()) {
    ORDO_TRY(stored, store_.FindEntity(id));
    if (stored) {
      known = entities_.emplace(id, std::pair(stored->type, 0)).first;
    } else {
      Entity entity;
      entity.entity_id = id;
      entity.type = *type;
      entity.name = name.empty() ? id : name;
      entity.source = options_.source;
      entity.case_id = options_.case_id;
      entity.synthetic = options_.synthetic;
      entity.compartment = options_.labels.compartment;
      entity.marking = options_.labels.marking;
      batch_.entities.push_back(std::move(entity));
      ++outcome_.entities_written;
      entities_.emplace(id, std::pair(*type, record.line));
      return id;
    }
  }
  if (known->second.first != *type) {
    const Mapped& at = type_column.index ? type_column : (id_column.index ? id_column : name_column);
    Problem(record, at,
            fmt::format("'{}' is a {} ({}), not a {}", id, EntityTypeName(known->second.first),
                        known->second.second == 0
                            ? std::string("in the database")
                            : fmt::format("from line {}", known->second.second),
                        EntityTypeName(*type)));
    return std::string();
  }
  return id;
}

Status LinkCsvImporter::Row(const ingest::CsvRecord& record) {
  const std::size_t before = outcome_.problems.size();
  Link link;
  ORDO_TRY(from, End(record, 0));
  ORDO_TRY(to, End(record, 1));
  link.from_entity = from;
  link.to_entity = to;
  link.directed = mapping_.directed;
  link.link_id = std::string(Value(record, link_id_));
  if (link.link_id.empty()) {
    if (link_id_.index) {
      Problem(record, link_id_, "missing value");
    } else {
      link.link_id =
          fmt::format("{}:{}", std::filesystem::path(path_).filename().string(), record.line);
    }
  } else if (const auto [first, inserted] = link_lines_.emplace(link.link_id, record.line);
             !inserted) {
    Problem(record, link_id_,
            fmt::format("'{}' repeats the link of line {}", link.link_id, first->second));
  }
  std::optional<LinkType> type = mapping_.default_link_type;
  const std::string_view type_text = Value(record, link_type_);
  if (!type_text.empty()) {
    type = internal::LenientLinkType(type_text);
    if (!type) {
      Problem(record, link_type_,
              fmt::format("'{}' is not a link type; expected one of {}", type_text,
                          internal::LinkTypeList()));
    }
  } else if (!type) {
    Problem(record, link_type_, "missing value (and the mapping gives no default_type)");
  }
  if (type) link.type = *type;
  for (const auto& [mapped, date] : {std::pair(&start_, &link.start), std::pair(&end_, &link.end)}) {
    const std::string_view text = Value(record, *mapped);
    if (text.empty()) continue;
    Result<PartialDate> parsed = PartialDate::Parse(text.substr(0, text.find('T')));
    if (!parsed) {
      Problem(record, *mapped,
              fmt::format("'{}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", text));
      continue;
    }
    *date = *parsed;
  }
  if (link.start && link.end && link.end->LastDay() < link.start->FirstDay()) {
    Problem(record, end_,
            fmt::format("{} is before the start {}", link.end->ToString(), link.start->ToString()));
  }
  link.grade = std::string(Value(record, grade_));
  if (!IsValidGrade(link.grade)) {
    Problem(record, grade_,
            fmt::format("'{}' is not an Admiralty grade (A-F then 1-6, such as B2)", link.grade));
  }
  for (const Mapped& property : properties_) {
    const std::string_view value = Value(record, property);
    if (!value.empty()) link.properties.push_back({property.column, std::string(value)});
  }
  link.source = options_.source;
  link.case_id = options_.case_id;
  link.synthetic = options_.synthetic;
  link.compartment = options_.labels.compartment;
  link.marking = options_.labels.marking;
  if (outcome_.problems.size() == before) {
    batch_.links.push_back(std::move(link));
    ++outcome_.links_written;
  }
  return OkStatus();
}

Result<LinkCsvImportOutcome> LinkCsvImporter::Run() {
  if (options_.source.empty()) {
    return InvalidArgument("a links import needs its source (--source: a URL or a citation)");
  }
  if (options_.mapping_path.empty()) {
    return InvalidArgument("a links import needs its column mapping (--mapping MAPPING.json)");
  }
  ORDO_RETURN_IF_ERROR(CheckCompartmentName(options_.labels.compartment));
  std::vector<CaseLookup> holders = options_.labels.other_stores;
  holders.emplace_back(
      [this](const std::string& case_id) { return store_.FindCaseCompartment(case_id); });
  ORDO_TRY(conflict,
           CaseCompartmentCheck(std::move(holders), options_.labels.compartment)
               .Conflict(options_.case_id));
  if (conflict) {
    Problem(0, 0, *conflict);
    return std::move(outcome_);
  }
  std::optional<Mapping> mapping = MappingParser(options_.mapping_path, outcome_.problems).Parse();
  if (!mapping) return std::move(outcome_);
  mapping_ = std::move(*mapping);
  std::ifstream in(path_, std::ios::binary);
  if (!in) {
    Problem(0, 0, "cannot open file");
    return std::move(outcome_);
  }
  ingest::CsvReader reader(in, path_);
  ingest::CsvRecord record;
  bool header_ok = false;
  if (reader.Next(record)) {
    header_ok = MapHeader(record);
  } else if (reader.Problems().empty()) {
    Problem(0, 0, "file is empty");
  }
  while (header_ok && reader.Next(record)) {
    ORDO_RETURN_IF_ERROR(Row(record));
    if (outcome_.problems.size() >= 100) {
      Problem(record.line, 0, "too many problems; stopped reading");
      break;
    }
  }
  for (ingest::Diagnostic& problem : reader.TakeProblems()) {
    outcome_.problems.push_back(std::move(problem));
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
    // The mapping's problems first, then the file's by position.
    std::stable_sort(outcome_.problems.begin(), outcome_.problems.end(),
                     [this](const ingest::Diagnostic& a, const ingest::Diagnostic& b) {
                       const bool a_mapping = a.file != path_;
                       const bool b_mapping = b.file != path_;
                       if (a_mapping != b_mapping) return a_mapping;
                       return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                     });
    outcome_.entities_written = 0;
    outcome_.links_written = 0;
  }
  return std::move(outcome_);
}

}  // namespace

Result<LinkCsvImportOutcome> ImportLinkCsvFile(storage::LinkStore& store, const std::string& path,
                                               const LinkCsvImportOptions& options) {
  return LinkCsvImporter(store, path, options).Run();
}

}  // namespace ordo::analytics
