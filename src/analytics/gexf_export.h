#pragma once
// Writes the entities and links of a LinkStore as GEXF 1.2 (docs/formats.md, "GEXF"), Gephi's
// own format: nodes with their name as label, edges with their link type as kind and label, and
// the dates of a link as its spell (start, end; timeformat "date"),
// so that Gephi's timeline shows links appearing and ending. Every other thing Ordo keeps is a
// declared attribute (type, schema, properties, source, case, synthetic, grade, and directed =
// false for a link without direction: the graph is directed, since networkx refuses GEXF that
// mixes directed and undirected edges). Export only:
// `ordo import graphml` is the way back.

#include <ostream>

#include "analytics/graphml_export.h"
#include "core/result.h"
#include "core/visibility.h"
#include "storage/link_store.h"

namespace ordo::analytics {

// Only the rows `visibility` sees. The file carries its marking (the highest of its rows, read in
// a first pass) in <meta><keywords> ("marking:secret") and its description.
// Streams the document to `out`. Errors: the store's; kUnavailable when writing fails.
Result<XmlExportCounts> ExportGexf(storage::LinkStore& store, std::ostream& out,
                                   const Visibility& visibility = Visibility::Every());

}  // namespace ordo::analytics
