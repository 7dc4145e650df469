#pragma once
// Writes the entities and links of a LinkStore as a FollowTheMoney entity stream (JSON lines), the
// inverse of ftm_import.h: every entity and link that came from FtM goes back with its id, schema
// and every property in order; a link written as several (ids ID, ID#2, ... for several owners)
// goes back as one entity with all its ends. Shared phone, email and identifier nodes and their
// "holds" links, which Ordo derived from properties that are exported, are not written.

#include <cstddef>
#include <ostream>

#include "core/result.h"
#include "core/visibility.h"
#include "storage/link_store.h"

namespace ordo::analytics {

struct FtmExportCounts {
  std::size_t entities = 0;  // lines written for entities
  std::size_t links = 0;     // lines written for links
  std::size_t skipped = 0;   // Ordo's own entities and links (no FtM schema), not written
  Marking marking = Marking::kUnmarked;  // the highest of the rows written
};

// Streams one line per entity (in write order), then one per link, to `out`: only the rows
// `visibility` sees. An FtM stream has no header: a marked row carries its own marking in a
// top-level "marking" member ("secret"), which FtM readers ignore; the file's highest marking is
// in the counts. Errors: the store's; kUnavailable when writing to `out` fails, so that an export
// is never cut short silently.
Result<FtmExportCounts> ExportFtm(storage::LinkStore& store, std::ostream& out,
                                  const Visibility& visibility = Visibility::Every());

}  // namespace ordo::analytics
