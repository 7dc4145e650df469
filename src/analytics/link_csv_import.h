#pragma once
// Imports links from a CSV file through a saved column mapping (a JSON file the analyst keeps and
// reuses; docs/formats.md, "CSV links with a column mapping"): each row is one link between two
// entities, made when the file names one for the first time and reused when it is stored already.
// All or nothing, like every import. The CSV is read by ingest/csv_reader.h.
//
// The mapping says which columns hold the from-entity's id, name and type, the same for the
// to-entity, the link's id, type, start, end and grade, which columns become link properties, and
// which are ignored; any other column of the header is a problem, so that a column is never
// dropped unnoticed.

#include <cstddef>
#include <string>
#include <vector>

#include "analytics/case_compartment_check.h"
#include "core/result.h"
#include "ingest/diagnostic.h"
#include "storage/link_store.h"

namespace ordo::analytics {

struct LinkCsvImportOptions {
  std::string mapping_path;  // the JSON mapping; required
  std::string source;        // where the file comes from; required
  std::string case_id;       // the case of every entity and link made; "" for none
  bool synthetic = false;    // the file is made up
  ImportLabels labels;       // the compartment and marking of every entity and link made
};

struct LinkCsvImportOutcome {
  std::size_t entities_written = 0;  // entities the file named for the first time
  std::size_t links_written = 0;
  std::vector<ingest::Diagnostic> problems;  // non-empty means nothing was written
};

// Problems of the mapping are reported at MAPPING.json with the JSON field ("from.id: ..."),
// problems of the CSV at file:line:column with the column name and the mapping field it fills.
// A case held in another compartment (CaseCompartmentCheck) is a problem of the whole file (line
// 0); so is a link to a stored entity of another compartment (the store's rule).
// Errors: kInvalidArgument for an empty source or mapping path or a bad compartment name; the
// store's.
Result<LinkCsvImportOutcome> ImportLinkCsvFile(storage::LinkStore& store, const std::string& path,
                                               const LinkCsvImportOptions& options);

}  // namespace ordo::analytics
