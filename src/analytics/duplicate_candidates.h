#pragma once
// Candidate duplicates among the entities of a LinkStore (`ordo graph dedupe`): pairs of entities
// of one type that may be the same person, company, phone or vehicle, each with a score in
// [0, 1] and an explanation. Evidence: the names (name_match.h, across scripts unless switched
// off) and equal identifiers (identifier_keys.h): passport and other document numbers, phone
// numbers, emails and plates written on the entities, and shared phone, email and identifier
// nodes both hold (the nodes FtM import makes). Pairs are only scored within blocks of entities
// that share a folded name-token prefix or an identifier, so the work grows with the blocks, not
// with the square of the store. docs/names.md gives the rules and measured examples.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/entity.h"
#include "core/result.h"
#include "core/visibility.h"
#include "graph/progress.h"
#include "storage/link_store.h"

namespace ordo::analytics {

struct DuplicateOptions {
  std::optional<EntityType> type;  // only entities of this type; all types when empty
  double min_score = 0.8;          // pairs below are not listed
  std::size_t limit = 100;         // at most this many pairs, best first; 0 = all
  bool cross_script = true;        // false: Cyrillic names only against Cyrillic, Latin against Latin
  // Blocks with more entities than this are not paired (a name token or a number so common that
  // it says nothing: a call centre's phone); the report counts them.
  std::size_t max_block = 1000;
  // Only the entities (and the links between them) of the compartments it sees: a reader never
  // gets a pair, a name or an explanation from another compartment (docs/compartments.md).
  // Whatever it sees, a pair never joins entities of two compartments (a merge may not:
  // storage/merge_rules.h).
  Visibility visibility = Visibility::Every();
  // Told the share of pairs scored, and asked whether to stop, every few thousand pairs; may be
  // null. A cancelled search returns kFailedPrecondition "cancelled".
  graph::Progress* progress = nullptr;
};

struct DuplicateCandidate {
  std::string first;  // entity ids, the one written to the store first
  std::string second;
  std::string first_name;
  std::string second_name;
  EntityType type = EntityType::kPerson;
  double score = 0;       // the combined score
  double name_score = 0;  // the names alone
  // "surname Садыров ~ Sadyrov via ru-Latin (exact after folding); ...; same passport AN1234567".
  std::string explanation;
};

struct DuplicateReport {
  std::vector<DuplicateCandidate> candidates;  // best first, then in store order
  std::size_t entities = 0;                    // entities considered
  std::size_t pairs_scored = 0;
  std::size_t pairs_found = 0;     // pairs at or above min_score, before the limit
  std::size_t blocks_skipped = 0;  // blocks larger than max_block
};

// Reads every entity, link (for shared nodes) and merge of `store` once. Entities already merged
// into one another (LinkStore::RecordMerge, in force) are not offered again.
// Errors: the store's; kInvalidArgument when min_score is outside [0, 1]; kFailedPrecondition
// when options.progress was cancelled.
Result<DuplicateReport> FindDuplicateCandidates(storage::LinkStore& store,
                                                const DuplicateOptions& options);

}  // namespace ordo::analytics
