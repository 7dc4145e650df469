#pragma once
// Reads GraphML (graphml.graphdrawing.org), the graph interchange format of yEd, Gephi, networkx
// and igraph, for the link analysis of issue #5 (docs/formats.md, "GraphML"). Streaming: expat
// reads the file in chunks and each node and edge is handed on when its element closes, so the
// reader holds one element at a time, never the document.
//
// What it checks, each problem at file:line:column: well-formed XML (expat's message); a
// <graphml> root holding one <graph>; <key> ids unique, declared before use and for the right
// domain (node, edge or all); node ids present and unique in the file; edges naming a source
// and a target; edge ids, when given, unique. Refused outright: entity declarations (<!ENTITY>,
// the "billion laughs" and external-entity attacks), nesting deeper than `max_depth`, a value
// longer than `max_value_bytes`, nested graphs (hierarchical GraphML) and hyperedges. Whether an
// edge's ends exist is the importer's question, since they may already be stored; self-loops are
// legal GraphML and are handed on.
//
// Elements of other namespaces inside <data> (yEd's graphics) are skipped, except that the text
// of a yEd NodeLabel or EdgeLabel is kept as the element's `label`.

#include <cstddef>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/diagnostic.h"

namespace ordo::ingest {

// One <data> value (or a key's <default>), under its key's attr.name (the key id when the key
// has no attr.name).
struct GraphmlValue {
  std::string name;
  std::string value;
  int line = 0;  // where the <data> element starts; for a default, the node's or edge's
  int column = 0;
};

struct GraphmlNode {
  std::string id;
  std::vector<GraphmlValue> values;  // <data> in file order, then the defaults of the others
  std::string label;                 // a yEd NodeLabel's text, or ""
  int line = 0;
  int column = 0;
};

struct GraphmlEdge {
  std::string id;  // "" when the file gives none
  std::string source;
  std::string target;
  bool directed = true;  // the edge's `directed` attribute, or else the graph's edgedefault
  std::vector<GraphmlValue> values;
  std::string label;  // a yEd EdgeLabel's text, or ""
  int line = 0;
  int column = 0;
};

struct GraphmlReadOptions {
  std::size_t chunk_bytes = 64 * 1024;
  int max_depth = 32;                         // <graphml><graph><node><data> is depth 4
  std::size_t max_value_bytes = 1024 * 1024;  // text of one <data>, <default> or label
  std::size_t max_problems = 100;
};

struct GraphmlSink {
  std::function<void(GraphmlNode&& node)> node;
  std::function<void(GraphmlEdge&& edge)> edge;
};

// Reads `in` (named `file_name` in problems), handing each well-formed node and edge to `sink` in
// file order, and returns every problem. An XML error ends the reading at its position.
std::vector<Diagnostic> ReadGraphml(std::istream& in, std::string_view file_name,
                                    const GraphmlReadOptions& options, const GraphmlSink& sink);

}  // namespace ordo::ingest
