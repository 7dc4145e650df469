#pragma once
// The ground truth of `ordo simulate --cases` as a JSON file (docs/formats.md, "Simulated cases:
// ground truth"): the options, each planted group, and each entity's group, role and the groups a
// broker bridges; and the check of how well communities found in the graph recover the planted
// groups (adjusted Rand index, analytics/adjusted_rand_index.h).

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "analytics/case_simulator.h"
#include "analytics/link_graph.h"
#include "core/result.h"

namespace ordo::analytics {

// Writes `cases`' truth for `options`. kUnavailable when the stream fails.
Status WriteCaseTruth(const CaseSimulationOptions& options, const SimulatedCases& cases,
                      std::ostream& json);

// Reads the entities of a truth file. kNotFound when it cannot be opened; kInvalidArgument naming
// the file and the place ("truth.json: entities[3].group: expected a string or null", or the byte
// offset of a JSON syntax error).
Result<std::vector<EntityTruth>> ReadCaseTruth(const std::string& path);

struct CommunityRecovery {
  double adjusted_rand_index = 0;
  std::size_t entities_scored = 0;     // entities of a planted group found in the graph
  std::size_t planted_groups = 0;      // among them
  std::size_t communities = 0;         // found communities they fall in
  std::size_t entities_missing = 0;    // of a planted group but not in the graph
  std::size_t entities_ungrouped = 0;  // in the truth without a group (brokers, places): not scored
};

// The adjusted Rand index between the planted groups of `truth` and `community` (one label per
// node of `links.graph`, e.g. graph::FindCommunities' result), over the entities of a planted group
// that are in the graph. Entities of the graph the truth does not name (other data in the store)
// are not scored. kInvalidArgument when `community` does not have one label per node, or when no
// entity of a planted group is in the graph.
Result<CommunityRecovery> ScoreRecovery(const LinkGraph& links,
                                        const std::vector<std::uint32_t>& community,
                                        const std::vector<EntityTruth>& truth);

}  // namespace ordo::analytics
