#pragma once
// Imports a FollowTheMoney entity stream (ingest/ftm_reader.h) into a LinkStore, all or nothing:
// node schemata become entities, link schemata links (Ownership -> ownership, Trip -> travel, ...),
// and phone numbers, emails and identifiers (passport, ID, registration and tax numbers) become
// shared nodes that every entity carrying the same value links to ("holds"), so that cases
// connect through them (docs/formats.md, "FollowTheMoney entity streams").
//
// The file is read whole before anything is written; an entity stream of a case is small next to
// memory (a million entities take a few hundred MB).

#include <cstddef>
#include <string>
#include <vector>

#include "analytics/case_compartment_check.h"
#include "core/result.h"
#include "ingest/diagnostic.h"
#include "storage/link_store.h"

namespace ordo::analytics {

struct FtmImportOptions {
  std::string source;        // where the file comes from; required
  std::string case_id;       // the case every entity and link joins; "" for none
  bool synthetic = false;    // the file is made up (e.g. by `ordo simulate --cases`)
  bool shared_nodes = true;  // make phone, email and identifier nodes
  // The compartment and marking of every entity and link written; shared nodes are per
  // compartment (SharedNodeId).
  ImportLabels labels;
};

struct FtmImportOutcome {
  std::size_t entities_written = 0;  // the file's own entities
  std::size_t shared_nodes_written = 0;
  std::size_t links_written = 0;  // the file's links and the "holds" links to shared nodes
  std::vector<ingest::Diagnostic> problems;  // non-empty means nothing was written
};

// Reads `path` and writes it into `store`. Problems of the file (the reader's; an entity id
// already stored; a link end that is neither in the file nor stored; a date that does not parse)
// come back in the outcome, sorted by line, and then nothing is written; so does a case held in
// another compartment (CaseCompartmentCheck; reported at line 0, the whole file). Errors:
// kInvalidArgument for an empty source or a bad compartment name; the store's.
Result<FtmImportOutcome> ImportFtmFile(storage::LinkStore& store, const std::string& path,
                                       const FtmImportOptions& options);

}  // namespace ordo::analytics
