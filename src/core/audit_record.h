#pragma once
// AuditEntry and AuditRecord: one line of the tamper-evident audit log (issue #6). Each record
// carries the SHA-256 of its own content and of the record before it, so that editing, deleting or
// reordering any stored record breaks the chain where it happened (analytics/audit_verify.h).

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace ordo {

// What happened, as the caller states it. Every field is free text (UTF-8, no NUL); at, actor and
// action must not be empty.
struct AuditEntry {
  std::string at;       // UTC time, AuditTimestamp's form: "2026-12-01T14:40:05.123Z"
  std::string actor;    // who: an account name, or the operating-system user of the CLI
  std::string action;   // what: "import ftm", "graph expand", "login", "login_failed", ...
  std::string object;   // on what: a file, an entity id, a route with its query
  std::string origin;   // from where: "cli" or the peer's address
  std::string outcome;  // "ok" or the error, "exit 65", "404"
  std::string detail;   // anything else worth keeping

  bool operator==(const AuditEntry&) const = default;
};

// An entry as stored: numbered from 1 without gaps, chained by hashes.
struct AuditRecord {
  std::int64_t seq = 0;
  AuditEntry entry;
  std::string prev_hash;  // the previous record's hash; kAuditGenesisHash for record 1
  std::string hash;       // AuditRecordHash(seq, entry, prev_hash)

  bool operator==(const AuditRecord&) const = default;
};

// The prev_hash of the first record: 64 zeros.
inline constexpr std::string_view kAuditGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// SHA-256 (hex) over a canonical encoding of the record: a version tag, the sequence number, each
// field of `entry` prefixed by its length in bytes, and `prev_hash`. Length prefixes make the
// encoding unambiguous, so no two different records share an input.
std::string AuditRecordHash(std::int64_t seq, const AuditEntry& entry, std::string_view prev_hash);

// kInvalidArgument "audit entry with an empty FIELD" when at, actor or action is empty, and
// "audit entry FIELD contains a NUL character" for any field with one (not every backend can
// store it, and no command line or message holds one).
Status CheckAuditEntry(const AuditEntry& entry);

// `time` in UTC with milliseconds: "2026-12-01T14:40:05.123Z".
std::string AuditTimestamp(std::chrono::system_clock::time_point time);

}  // namespace ordo
