#pragma once
// Account: a user of a multi-user Ordo server (issue #6), with one role and the case compartments
// granted to it. Passwords are never here: the store keeps an argon2id hash
// (storage/account_store.h, analytics/password_hash.h).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace ordo {

// admin: everything, including accounts; analyst: reads and writes case data of granted
// compartments; viewer: reads case data of granted compartments. Every role reads the public
// relations registry.
enum class Role : std::uint8_t { kAdmin, kAnalyst, kViewer };

// "admin", "analyst", "viewer".
std::string_view RoleName(Role role);
// Exactly those names; kInvalidArgument "unknown role 'x'; expected admin, analyst or viewer".
Result<Role> ParseRole(std::string_view text);

struct Account {
  std::string name;  // CheckAccountName
  Role role = Role::kViewer;
  bool disabled = false;
  std::string created_at;                 // UTC, core/audit_record.h's AuditTimestamp form
  std::vector<std::string> compartments;  // granted, sorted, no repeats

  friend bool operator==(const Account&, const Account&) = default;
};

// An account name is 1 to 64 characters of a-z, 0-9, '.', '_' and '-', starting with a letter or
// digit: safe in logs, URLs and audit records, and never two spellings of one user.
// kInvalidArgument naming the rule broken otherwise.
Status CheckAccountName(std::string_view name);

// A compartment (the case data an account may see, docs/architecture.md) is named like an account.
Status CheckCompartmentName(std::string_view name);

}  // namespace ordo
