#pragma once
// VerifyAuditLog: checks the hash chain of a stored audit log (core/audit_record.h) and names each
// record that was edited, deleted, inserted or moved since it was written.
//
// What the chain can and cannot show: editing a record's content, deleting or inserting a record
// in the middle, and swapping records all break it where they happened. Deleting records from the
// end, or rewriting every record from some point on with freshly computed hashes, leaves a chain
// that is consistent in itself; only a head recorded elsewhere earlier (`ordo audit head`, kept
// off the machine) shows those. docs/audit.md says how to keep one.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "storage/audit_store.h"

namespace ordo::analytics {

// The last record's number and hash: "SEQ:HASH", e.g. "42:9f86d0…" (64 hex digits).
struct AuditHead {
  std::int64_t seq = 0;  // 0 with kAuditGenesisHash for an empty log
  std::string hash;

  bool operator==(const AuditHead&) const = default;
};

std::string FormatAuditHead(const AuditHead& head);
// kInvalidArgument naming what is wrong when `text` is not "SEQ:HASH" with SEQ >= 0 and a
// 64-digit lowercase hex HASH.
Result<AuditHead> ParseAuditHead(std::string_view text);

enum class AuditProblemKind {
  kEdited,     // the record's content no longer gives its stored hash
  kUnchained,  // its prev_hash is not the previous record's hash: something before it was
               // deleted, inserted, moved or rewritten
  kMissing,    // numbers are skipped: records were deleted
  kHead,       // the log does not reach, or does not match, the expected head
};

// "edited", "unchained", "missing", "head".
std::string_view AuditProblemKindName(AuditProblemKind kind);

struct AuditProblem {
  std::int64_t seq = 0;  // the record where the problem shows
  AuditProblemKind kind = AuditProblemKind::kEdited;
  std::string message;
};

struct AuditVerification {
  std::size_t records = 0;
  AuditHead head;                     // of the log as it is now
  std::vector<AuditProblem> problems; // at most the limit given, in log order
  std::size_t problem_count = 0;      // all of them
  bool intact() const { return problem_count == 0; }
};

// Reads the whole log once. With `expected_head`, also checks that the log still holds that record
// with that hash (so records after it may have been added, none before it changed).
// Errors: the store's.
Result<AuditVerification> VerifyAuditLog(storage::AuditStore& store,
                                         const std::optional<AuditHead>& expected_head,
                                         std::size_t max_problems = 20);

}  // namespace ordo::analytics
