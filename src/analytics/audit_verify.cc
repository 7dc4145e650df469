#include "analytics/audit_verify.h"

#include <fmt/format.h>

#include <charconv>

#include "core/sha256.h"

namespace ordo::analytics {
namespace {

std::string Short(std::string_view hash) {
  return std::string(hash.substr(0, 12)) + (hash.size() > 12 ? "…" : "");
}

class Checker {
 public:
  Checker(const std::optional<AuditHead>& expected_head, std::size_t max_problems)
      : expected_head_(expected_head), max_problems_(max_problems) {}

  void Visit(const AuditRecord& record) {
    ++result_.records;
    const std::int64_t expected_seq = last_seq_ + 1;
    bool gap = false;
    if (record.seq != expected_seq) {
      gap = true;
      if (record.seq > expected_seq) {
        Add(record.seq, AuditProblemKind::kMissing,
            record.seq == expected_seq + 1
                ? fmt::format("record {} is missing (deleted)", expected_seq)
                : fmt::format("records {} to {} are missing (deleted)", expected_seq,
                              record.seq - 1));
      } else {
        Add(record.seq, AuditProblemKind::kUnchained,
            fmt::format("record {} comes after record {}: out of order", record.seq, last_seq_));
      }
    }
    if (!gap && record.prev_hash != last_hash_) {
      Add(record.seq, AuditProblemKind::kUnchained,
          fmt::format("record {} does not follow record {}: its prev_hash is {} but record {}'s "
                      "hash is {} (a record was deleted, inserted, moved or rewritten)",
                      record.seq, last_seq_, Short(record.prev_hash), last_seq_,
                      Short(last_hash_)));
    }
    if (AuditRecordHash(record.seq, record.entry, record.prev_hash) != record.hash) {
      Add(record.seq, AuditProblemKind::kEdited,
          fmt::format("record {} was edited: its content does not give its stored hash {}",
                      record.seq, Short(record.hash)));
    }
    if (expected_head_ && record.seq == expected_head_->seq) head_hash_seen_ = record.hash;
    last_seq_ = record.seq;
    last_hash_ = record.hash;
  }

  AuditVerification Finish() {
    result_.head = {last_seq_, last_hash_};
    if (expected_head_) {
      const AuditHead& expected = *expected_head_;
      if (expected.seq > last_seq_) {
        Add(expected.seq, AuditProblemKind::kHead,
            fmt::format("the log ends at record {}, but the recorded head is record {}: records "
                        "were deleted from the end",
                        last_seq_, expected.seq));
      } else if (expected.seq == 0) {
        if (expected.hash != kAuditGenesisHash) {
          Add(0, AuditProblemKind::kHead, "the recorded head 0 must have the genesis hash");
        }
      } else if (!head_hash_seen_) {
        Add(expected.seq, AuditProblemKind::kHead,
            fmt::format("record {}, the recorded head, is missing", expected.seq));
      } else if (*head_hash_seen_ != expected.hash) {
        Add(expected.seq, AuditProblemKind::kHead,
            fmt::format("record {} has hash {}, not the recorded head's {}: the log was rewritten "
                        "up to it",
                        expected.seq, Short(*head_hash_seen_), Short(expected.hash)));
      }
    }
    return std::move(result_);
  }

 private:
  void Add(std::int64_t seq, AuditProblemKind kind, std::string message) {
    ++result_.problem_count;
    if (result_.problems.size() < max_problems_) {
      result_.problems.push_back({seq, kind, std::move(message)});
    }
  }

  std::optional<AuditHead> expected_head_;
  std::size_t max_problems_;
  AuditVerification result_;
  std::int64_t last_seq_ = 0;
  std::string last_hash_ = std::string(kAuditGenesisHash);
  std::optional<std::string> head_hash_seen_;
};

}  // namespace

std::string FormatAuditHead(const AuditHead& head) {
  return fmt::format("{}:{}", head.seq, head.hash);
}

Result<AuditHead> ParseAuditHead(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos) {
    return InvalidArgument("an audit head is SEQ:HASH, as `ordo audit head` prints it");
  }
  AuditHead head;
  const std::string_view seq = text.substr(0, colon);
  auto [end, error] = std::from_chars(seq.data(), seq.data() + seq.size(), head.seq);
  if (seq.empty() || error != std::errc() || end != seq.data() + seq.size() || head.seq < 0) {
    return InvalidArgument(fmt::format("audit head: '{}' is not a record number", seq));
  }
  head.hash = std::string(text.substr(colon + 1));
  if (!IsSha256Hex(head.hash)) {
    return InvalidArgument("audit head: the hash must be 64 lowercase hex digits");
  }
  return head;
}

std::string_view AuditProblemKindName(AuditProblemKind kind) {
  switch (kind) {
    case AuditProblemKind::kEdited:
      return "edited";
    case AuditProblemKind::kUnchained:
      return "unchained";
    case AuditProblemKind::kMissing:
      return "missing";
    case AuditProblemKind::kHead:
      return "head";
  }
  return "unknown";
}

Result<AuditVerification> VerifyAuditLog(storage::AuditStore& store,
                                         const std::optional<AuditHead>& expected_head,
                                         std::size_t max_problems) {
  Checker checker(expected_head, max_problems);
  ORDO_RETURN_IF_ERROR(store.ForEachAudit([&](const AuditRecord& record) {
    checker.Visit(record);
    return OkStatus();
  }));
  return checker.Finish();
}

}  // namespace ordo::analytics
