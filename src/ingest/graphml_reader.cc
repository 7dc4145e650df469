#include "ingest/graphml_reader.h"

#include <expat.h>
#include <fmt/format.h>

#include <map>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace ordo::ingest {
namespace {

constexpr std::string_view kGraphmlNamespace = "http://graphml.graphdrawing.org/xmlns";
constexpr char kNamespaceSeparator = '|';

// What an open element is, for the handlers of its children and its end.
enum class Open {
  kRoot,     // <graphml>
  kKey,      // <key>
  kDefault,  // <default> of a key
  kGraph,    // the one <graph> read
  kNode,
  kEdge,
  kData,     // <data> of a node or an edge
  kInData,   // an element inside <data> (yEd graphics)
  kLabel,    // a yEd NodeLabel or EdgeLabel inside <data>
  kSkipped,  // anything else, with everything inside it
};

enum class Domain { kNode, kEdge, kAll, kOther };

struct Key {
  std::string name;  // attr.name, or the id
  Domain domain = Domain::kAll;
  std::optional<std::string> default_value;
};

class Reader {
 public:
  Reader(std::string_view file_name, const GraphmlReadOptions& options, const GraphmlSink& sink)
      : file_name_(file_name), options_(options), sink_(sink) {}
  ~Reader() {
    if (parser_ != nullptr) XML_ParserFree(parser_);
  }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  std::vector<Diagnostic> Run(std::istream& in);

 private:
  static void XMLCALL OnStart(void* self, const XML_Char* name, const XML_Char** attributes) {
    static_cast<Reader*>(self)->Start(name, attributes);
  }
  static void XMLCALL OnEnd(void* self, const XML_Char* /*name*/) {
    static_cast<Reader*>(self)->End();
  }
  static void XMLCALL OnText(void* self, const XML_Char* text, int length) {
    static_cast<Reader*>(self)->Text(std::string_view(text, static_cast<std::size_t>(length)));
  }
  static void XMLCALL OnEntityDeclaration(void* self, const XML_Char* /*name*/, int /*parameter*/,
                                          const XML_Char* /*value*/, int /*length*/,
                                          const XML_Char* /*base*/, const XML_Char* /*system*/,
                                          const XML_Char* /*public_id*/,
                                          const XML_Char* /*notation*/) {
    static_cast<Reader*>(self)->Fatal(
        "entity declarations (<!ENTITY>) are not accepted: GraphML needs none, and they are how "
        "entity-expansion attacks work");
  }

  int Line() const { return static_cast<int>(XML_GetCurrentLineNumber(parser_)); }
  int Column() const { return static_cast<int>(XML_GetCurrentColumnNumber(parser_)) + 1; }

  // A problem at the current position (the start of the element being handled).
  void Problem(std::string message) { ProblemAt(Line(), Column(), std::move(message)); }
  void ProblemAt(int line, int column, std::string message) {
    if (stopped_) return;
    problems_.push_back({file_name_, line, column, std::move(message)});
    if (problems_.size() >= options_.max_problems) {
      problems_.push_back({file_name_, line, 0, "too many problems; stopped reading"});
      Stop();
    }
  }
  // A problem after which reading cannot go on.
  void Fatal(std::string message) {
    Problem(std::move(message));
    Stop();
  }
  void Stop() {
    if (!stopped_) XML_StopParser(parser_, XML_FALSE);
    stopped_ = true;
  }

  static const char* Attribute(const XML_Char** attributes, std::string_view name) {
    for (int i = 0; attributes[i] != nullptr; i += 2) {
      if (name == attributes[i]) return attributes[i + 1];
    }
    return nullptr;
  }

  void Start(const XML_Char* qualified, const XML_Char** attributes);
  void End();
  void Text(std::string_view text);
  void StartKey(const XML_Char** attributes);
  void StartGraph(const XML_Char** attributes);
  void StartNode(const XML_Char** attributes);
  void StartEdge(const XML_Char** attributes);
  void StartData(const XML_Char** attributes);
  void EndNode();
  void EndEdge();
  // Appends the defaults of the keys of `domain` that `values` has no <data> for.
  void AddDefaults(Domain domain, std::vector<GraphmlValue>& values, int line, int column);
  // Appends to the captured text, refusing a value longer than the limit.
  void Capture(std::string& into, std::string_view text);

  Open Parent() const { return open_.empty() ? Open::kSkipped : open_.back(); }

  std::string file_name_;
  GraphmlReadOptions options_;
  const GraphmlSink& sink_;
  XML_Parser parser_ = nullptr;
  std::vector<Diagnostic> problems_;
  bool stopped_ = false;

  std::vector<Open> open_;
  bool root_seen_ = false;
  int graphs_ = 0;
  bool edges_directed_ = true;
  std::unordered_map<std::string, Key> keys_;
  std::vector<std::string> key_order_;  // ids in declaration order, for the defaults
  std::string key_id_;                  // the <key> open, while its <default> is read
  std::string text_;                    // the <default> or <data> text being read

  bool in_node_ = false;
  GraphmlNode node_;
  bool in_edge_ = false;
  GraphmlEdge edge_;
  std::unordered_set<std::string> data_keys_;  // keys given by <data> in the open node or edge
  std::string data_key_;                       // "" for a <data> whose value is not kept
  int data_line_ = 0;
  int data_column_ = 0;
  bool data_structured_ = false;  // the <data> holds elements (yEd graphics), not text
  bool label_taken_ = false;
  std::string label_;

  std::unordered_map<std::string, std::pair<int, int>> node_ids_;  // id -> line, column
  std::unordered_map<std::string, std::pair<int, int>> edge_ids_;
};

void Reader::Capture(std::string& into, std::string_view text) {
  if (into.size() + text.size() > options_.max_value_bytes) {
    // At the start of the <data> (the text's own position is somewhere inside it).
    const bool in_data = !open_.empty() && open_.back() == Open::kData;
    ProblemAt(in_data ? data_line_ : Line(), in_data ? data_column_ : Column(),
              fmt::format("value longer than {} bytes", options_.max_value_bytes));
    Stop();
    return;
  }
  into.append(text);
}

void Reader::Text(std::string_view text) {
  if (stopped_ || open_.empty()) return;
  switch (open_.back()) {
    case Open::kDefault:
    case Open::kData:
      Capture(text_, text);
      break;
    case Open::kLabel:
      Capture(label_, text);
      break;
    default:
      break;
  }
}

void Reader::Start(const XML_Char* qualified, const XML_Char** attributes) {
  if (stopped_) return;
  if (static_cast<int>(open_.size()) >= options_.max_depth) {
    Fatal(fmt::format("elements nested deeper than {} levels", options_.max_depth));
    return;
  }
  std::string_view name = qualified;
  std::string_view space;
  if (const std::size_t bar = name.find(kNamespaceSeparator); bar != std::string_view::npos) {
    space = name.substr(0, bar);
    name.remove_prefix(bar + 1);
  }
  const bool graphml = space.empty() || space == kGraphmlNamespace;
  const Open parent = Parent();
  if (open_.empty()) {
    if (!graphml || name != "graphml") {
      Fatal(fmt::format("the root element is <{}>, not <graphml>: this is not a GraphML file",
                        name));
      return;
    }
    root_seen_ = true;
    open_.push_back(Open::kRoot);
    return;
  }
  if (parent == Open::kData || parent == Open::kInData || parent == Open::kLabel) {
    data_structured_ = true;
    if (!label_taken_ && (name == "NodeLabel" || name == "EdgeLabel")) {
      label_taken_ = true;
      label_.clear();
      open_.push_back(Open::kLabel);
    } else {
      open_.push_back(Open::kInData);
    }
    return;
  }
  if (parent == Open::kSkipped || !graphml) {
    open_.push_back(Open::kSkipped);
    return;
  }
  if (name == "key" && parent == Open::kRoot) {
    StartKey(attributes);
  } else if (name == "default" && parent == Open::kKey) {
    text_.clear();
    open_.push_back(Open::kDefault);
  } else if (name == "graph") {
    if (parent == Open::kNode || parent == Open::kEdge) {
      Problem("a graph inside a node (hierarchical GraphML) is not read; flatten it first");
      open_.push_back(Open::kSkipped);
    } else if (parent != Open::kRoot) {
      open_.push_back(Open::kSkipped);
    } else {
      StartGraph(attributes);
    }
  } else if (name == "node" && parent == Open::kGraph) {
    StartNode(attributes);
  } else if (name == "edge" && parent == Open::kGraph) {
    StartEdge(attributes);
  } else if (name == "hyperedge" && parent == Open::kGraph) {
    Problem("hyperedges are not read: a link joins two entities");
    open_.push_back(Open::kSkipped);
  } else if (name == "data" && (parent == Open::kNode || parent == Open::kEdge)) {
    StartData(attributes);
  } else {
    // <desc>, <port>, <data> of the graph itself, and anything GraphML does not define here.
    open_.push_back(Open::kSkipped);
  }
}

void Reader::StartKey(const XML_Char** attributes) {
  open_.push_back(Open::kKey);
  key_id_.clear();
  const char* id = Attribute(attributes, "id");
  if (id == nullptr || *id == '\0') {
    Problem("<key> without an id");
    return;
  }
  if (keys_.count(id) != 0) {
    Problem(fmt::format("key '{}' is declared twice", id));
    return;
  }
  Key key;
  const char* name = Attribute(attributes, "attr.name");
  key.name = name != nullptr && *name != '\0' ? name : id;
  const char* domain = Attribute(attributes, "for");
  const std::string_view for_text = domain == nullptr ? "all" : domain;
  if (for_text == "node") {
    key.domain = Domain::kNode;
  } else if (for_text == "edge") {
    key.domain = Domain::kEdge;
  } else if (for_text == "all") {
    key.domain = Domain::kAll;
  } else {
    key.domain = Domain::kOther;  // graph, graphml, port, hyperedge, endpoint: not read
  }
  key_id_ = id;
  keys_.emplace(key_id_, std::move(key));
  key_order_.push_back(key_id_);
}

void Reader::StartGraph(const XML_Char** attributes) {
  if (++graphs_ > 1) {
    Problem("a second <graph>: Ordo reads one graph per file");
    open_.push_back(Open::kSkipped);
    return;
  }
  open_.push_back(Open::kGraph);
  const char* edgedefault = Attribute(attributes, "edgedefault");
  const std::string_view value = edgedefault == nullptr ? "directed" : edgedefault;
  if (value == "undirected") {
    edges_directed_ = false;
  } else if (value != "directed") {
    Problem(fmt::format("edgedefault '{}' is neither 'directed' nor 'undirected'", value));
  }
}

void Reader::StartNode(const XML_Char** attributes) {
  open_.push_back(Open::kNode);
  in_node_ = true;
  node_ = GraphmlNode{};
  node_.line = Line();
  node_.column = Column();
  data_keys_.clear();
  label_taken_ = false;
  const char* id = Attribute(attributes, "id");
  if (id == nullptr || *id == '\0') {
    Problem("<node> without an id");
    in_node_ = false;
    return;
  }
  node_.id = id;
}

void Reader::StartEdge(const XML_Char** attributes) {
  open_.push_back(Open::kEdge);
  in_edge_ = true;
  edge_ = GraphmlEdge{};
  edge_.line = Line();
  edge_.column = Column();
  edge_.directed = edges_directed_;
  data_keys_.clear();
  label_taken_ = false;
  const char* id = Attribute(attributes, "id");
  if (id != nullptr) edge_.id = id;
  for (const char* end : {"source", "target"}) {
    const char* value = Attribute(attributes, end);
    if (value == nullptr || *value == '\0') {
      Problem(fmt::format("<edge> without a {}", end));
      in_edge_ = false;
      continue;
    }
    (std::string_view(end) == "source" ? edge_.source : edge_.target) = value;
  }
  if (const char* directed = Attribute(attributes, "directed")) {
    const std::string_view value = directed;
    if (value == "true") {
      edge_.directed = true;
    } else if (value == "false") {
      edge_.directed = false;
    } else {
      Problem(fmt::format("directed '{}' is neither 'true' nor 'false'", value));
      in_edge_ = false;
    }
  }
}

void Reader::StartData(const XML_Char** attributes) {
  const bool for_node = Parent() == Open::kNode;
  bool& element_ok = for_node ? in_node_ : in_edge_;
  open_.push_back(Open::kData);
  text_.clear();
  data_key_.clear();
  data_structured_ = false;
  data_line_ = Line();
  data_column_ = Column();
  const char* key = Attribute(attributes, "key");
  if (key == nullptr || *key == '\0') {
    Problem("<data> without a key");
    element_ok = false;
    return;
  }
  const auto found = keys_.find(key);
  if (found == keys_.end()) {
    Problem(fmt::format("data key '{}' is not declared by a <key>", key));
    element_ok = false;
    return;
  }
  const Domain domain = found->second.domain;
  if (domain != Domain::kAll && domain != (for_node ? Domain::kNode : Domain::kEdge)) {
    Problem(fmt::format("key '{}' is not declared for {}s", key, for_node ? "node" : "edge"));
    element_ok = false;
    return;
  }
  data_key_ = key;
}

void Reader::AddDefaults(Domain domain, std::vector<GraphmlValue>& values, int line, int column) {
  for (const std::string& id : key_order_) {
    const Key& key = keys_.at(id);
    if (!key.default_value || data_keys_.count(id) != 0) continue;
    if (key.domain != Domain::kAll && key.domain != domain) continue;
    values.push_back({key.name, *key.default_value, line, column});
  }
}

void Reader::EndNode() {
  if (!in_node_) return;
  in_node_ = false;
  const auto [first, inserted] = node_ids_.emplace(node_.id, std::pair(node_.line, node_.column));
  if (!inserted) {
    ProblemAt(node_.line, node_.column,
              fmt::format("node id '{}' repeats the node of line {}", node_.id,
                          first->second.first));
    return;
  }
  AddDefaults(Domain::kNode, node_.values, node_.line, node_.column);
  if (sink_.node) sink_.node(std::move(node_));
}

void Reader::EndEdge() {
  if (!in_edge_) return;
  in_edge_ = false;
  if (!edge_.id.empty()) {
    const auto [first, inserted] =
        edge_ids_.emplace(edge_.id, std::pair(edge_.line, edge_.column));
    if (!inserted) {
      ProblemAt(edge_.line, edge_.column,
                fmt::format("edge id '{}' repeats the edge of line {}", edge_.id,
                            first->second.first));
      return;
    }
  }
  AddDefaults(Domain::kEdge, edge_.values, edge_.line, edge_.column);
  if (sink_.edge) sink_.edge(std::move(edge_));
}

void Reader::End() {
  if (stopped_ || open_.empty()) return;
  const Open closing = open_.back();
  open_.pop_back();
  switch (closing) {
    case Open::kDefault:
      if (!key_id_.empty()) keys_.at(key_id_).default_value = text_;
      break;
    case Open::kKey:
      key_id_.clear();
      break;
    case Open::kData: {
      if (data_key_.empty() || data_structured_) break;
      data_keys_.insert(data_key_);
      GraphmlValue value{keys_.at(data_key_).name, std::move(text_), data_line_, data_column_};
      (Parent() == Open::kNode ? node_.values : edge_.values).push_back(std::move(value));
      text_.clear();
      break;
    }
    case Open::kLabel: {
      // yEd indents its labels' text; the label is what is between.
      const std::size_t first = label_.find_first_not_of(" \t\r\n");
      const std::string label =
          first == std::string::npos
              ? std::string()
              : label_.substr(first, label_.find_last_not_of(" \t\r\n") - first + 1);
      if (in_node_) node_.label = label;
      if (in_edge_) edge_.label = label;
      break;
    }
    case Open::kNode:
      EndNode();
      break;
    case Open::kEdge:
      EndEdge();
      break;
    default:
      break;
  }
}

std::vector<Diagnostic> Reader::Run(std::istream& in) {
  parser_ = XML_ParserCreateNS(nullptr, kNamespaceSeparator);
  if (parser_ == nullptr) return {{file_name_, 0, 0, "out of memory starting the XML parser"}};
  XML_SetUserData(parser_, this);
  XML_SetElementHandler(parser_, &Reader::OnStart, &Reader::OnEnd);
  XML_SetCharacterDataHandler(parser_, &Reader::OnText);
  XML_SetEntityDeclHandler(parser_, &Reader::OnEntityDeclaration);
  XML_SetParamEntityParsing(parser_, XML_PARAM_ENTITY_PARSING_NEVER);
  const int chunk = static_cast<int>(options_.chunk_bytes);
  bool last = false;
  while (!last && !stopped_) {
    void* buffer = XML_GetBuffer(parser_, chunk);
    if (buffer == nullptr) {
      problems_.push_back({file_name_, Line(), Column(), "out of memory reading the XML"});
      break;
    }
    in.read(static_cast<char*>(buffer), chunk);
    const std::streamsize got = in.gcount();
    if (in.bad()) {
      problems_.push_back({file_name_, 0, 0, "read error"});
      break;
    }
    last = got < chunk;
    if (XML_ParseBuffer(parser_, static_cast<int>(got), last ? XML_TRUE : XML_FALSE) ==
        XML_STATUS_ERROR) {
      if (!stopped_) {
        problems_.push_back(
            {file_name_, Line(), Column(),
             fmt::format("not well-formed XML: {}", XML_ErrorString(XML_GetErrorCode(parser_)))});
      }
      return std::move(problems_);
    }
  }
  if (!stopped_ && root_seen_ && graphs_ == 0) {
    problems_.push_back({file_name_, 0, 0, "no <graph> element"});
  }
  return std::move(problems_);
}

}  // namespace

std::vector<Diagnostic> ReadGraphml(std::istream& in, std::string_view file_name,
                                    const GraphmlReadOptions& options, const GraphmlSink& sink) {
  return Reader(file_name, options, sink).Run(in);
}

}  // namespace ordo::ingest
