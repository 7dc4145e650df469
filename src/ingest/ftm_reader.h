#pragma once
// Reads FollowTheMoney entity streams (JSON lines, one entity per line:
// {"id": "...", "schema": "Person", "properties": {"name": ["..."], ...}}), the interchange format of
// Aleph and OpenSanctions, for the link analysis of issue #5 (docs/formats.md, "FollowTheMoney").
//
// Every line is checked on its own (an object with a non-empty string id, a supported schema, and
// properties whose values are lists of strings) and ids must not repeat within the file; every
// problem is reported at file:line:column (the column of the JSON parser's error, or 1), with the
// JSON field it concerns. A line longer than `max_line_bytes` is reported and skipped without being
// held in memory whole; nesting deeper than `max_depth` is refused before any JSON is built.
// Links (Ownership, Directorship, ...) must name both ends (a Call may name a phone number instead
// of an entity); whether the ends exist is the importer's question, since they may be stored.

#include <cstddef>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/diagnostic.h"

namespace ordo::ingest {

struct FtmEntity {
  std::string id;
  std::string schema;
  // Every property with its values, in the order of the file; FtM values are always strings.
  std::vector<std::pair<std::string, std::vector<std::string>>> properties;
  int line = 0;

  // The values of `name`, or an empty list.
  const std::vector<std::string>& Values(std::string_view name) const;
};

// How a link schema joins two entities: the property naming each end, and whether the link has a
// direction (Family and Associate do not). A Call may name an end by its phone number instead
// (callerNumber, receiverNumber): `source_number` and `target_number`, "" for other schemata.
struct FtmEdgeRoles {
  std::string_view source;
  std::string_view target;
  bool directed = true;
  std::string_view source_number;
  std::string_view target_number;
};

// The schemata Ordo reads. Nodes: Person, Organization, Company, Vehicle, Address; links: the rest
// (Trip is a link from its start location to its end location).
const std::vector<std::string_view>& FtmSupportedSchemata();

// The roles of a link schema (Ownership: owner -> asset, ...), or nullopt for a node schema.
std::optional<FtmEdgeRoles> FtmEdgeRolesOf(std::string_view schema);

struct FtmReadOptions {
  std::size_t max_line_bytes = 8 * 1024 * 1024;
  int max_depth = 8;  // {"properties": {"name": ["x"]}} is depth 3
  std::size_t max_problems = 100;
};

using FtmSink = std::function<void(FtmEntity&& entity)>;

// Reads every line of `in` (named `file_name` in problems), handing each well-formed entity to
// `sink` in file order, and returns every problem. Blank lines are skipped.
std::vector<Diagnostic> ReadFtmEntities(std::istream& in, std::string_view file_name,
                                        const FtmReadOptions& options, const FtmSink& sink);

}  // namespace ordo::ingest
