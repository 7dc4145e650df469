#pragma once
// Imports a GraphML file (ingest/graphml_reader.h) into a LinkStore, all or nothing: every node
// becomes an entity and every edge a link (docs/formats.md, "GraphML"). Ordo's own keys (type,
// name, schema, properties, source, case, synthetic; start, end, grade, directed for edges) are read back as
// ExportGraphml writes them, so an export re-imported into an empty store gives the same entities
// and links. GraphML from other tools: a node without a type is a person, an edge without one an
// "unknown" link; a node without a name is shown by its "label" (Gephi) or yEd label, else its
// id; every other value becomes a property named after its key's attr.name; an edge without an
// id gets "FILE#eN" (the file's name without directory, N its rank among the edges). A file's own
// source, case and synthetic values win over the options, which fill in where it has none
// (synthetic: either makes it synthetic).

#include <cstddef>
#include <string>
#include <vector>

#include "core/result.h"
#include "analytics/case_compartment_check.h"
#include "ingest/diagnostic.h"
#include "storage/link_store.h"

namespace ordo::analytics {

struct GraphmlImportOptions {
  std::string source;      // where the file comes from; required
  std::string case_id;     // the case of every entity and link the file gives none
  bool synthetic = false;  // the file is made up
  ImportLabels labels;     // the compartment and marking of every entity and link written
};

struct GraphmlImportOutcome {
  std::size_t entities_written = 0;
  std::size_t links_written = 0;
  std::vector<ingest::Diagnostic> problems;  // non-empty means nothing was written
};

// Reads `path` and writes it into `store`. Problems of the file (the reader's; a node id already
// stored; an edge end that is neither a node of the file nor stored; a type, date, grade,
// synthetic flag or properties list that does not parse) come back in the outcome, sorted by
// position, and then nothing is written; so does a node or edge of a case held in another
// compartment (CaseCompartmentCheck), at its line. Errors: kInvalidArgument for an empty source or
// a bad compartment name; the store's.
Result<GraphmlImportOutcome> ImportGraphmlFile(storage::LinkStore& store, const std::string& path,
                                               const GraphmlImportOptions& options);

}  // namespace ordo::analytics
