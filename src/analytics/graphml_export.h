#pragma once
// Writes the entities and links of a LinkStore as GraphML (docs/formats.md, "GraphML"), which
// yEd, Gephi, networkx, igraph and Cytoscape read, and which `ordo import graphml` reads back:
// every entity is a <node> and every link an <edge>, with a declared <key> for each thing Ordo
// keeps (type, name, schema, properties, source, case, synthetic; for links also start, end and
// grade), so that an export imported into an empty store gives the same entities and links.
// Properties, which may repeat a name, go in one value: a JSON list of [name, value] pairs. The
// graph is directed and a link without direction (family, associate) says directed = false in a
// key of its own rather than in GraphML's per-edge attribute: networkx and igraph refuse graphs
// that mix the two.

#include <cstddef>
#include <ostream>

#include "core/result.h"
#include "core/visibility.h"
#include "storage/link_store.h"

namespace ordo::analytics {

struct XmlExportCounts {
  std::size_t entities = 0;
  std::size_t links = 0;
  // Characters XML 1.0 cannot hold (control characters, invalid UTF-8) written as U+FFFD outside
  // the properties (whose JSON escapes them and so keeps them).
  std::size_t replaced_characters = 0;
  Marking marking = Marking::kUnmarked;  // the highest of the rows written
};

// Streams the document to `out`: entities in write order, then links, of the compartments
// `visibility` sees. The file carries its marking (the highest of its rows, read in a first pass)
// in a comment at the top and as the graph's own "marking" value (a <data> of the <graph>, which
// `ordo import graphml` does not read: an import takes --marking). Errors: the store's;
// kUnavailable when writing to `out` fails, so that an export is never cut short silently.
Result<XmlExportCounts> ExportGraphml(storage::LinkStore& store, std::ostream& out,
                                      const Visibility& visibility = Visibility::Every());

}  // namespace ordo::analytics
