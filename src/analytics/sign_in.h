#pragma once
// The sign-in rule of a multi-user server (issue #6, docs/accounts.md): one password check, the
// lockout after repeated failures, and a verdict that says nothing the caller may show. Every
// refusal (unknown account, wrong password, disabled, locked, no password set) costs one argon2id
// verification, as a success does, so neither the answer nor its time tells them apart; only the
// audit log learns the reason.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "storage/account_store.h"

namespace ordo::analytics {

struct LockoutPolicy {
  int max_failures = 5;                  // consecutive wrong passwords that lock the account
  std::chrono::seconds lock_for{15 * 60};  // how long it stays locked
};

enum class SignInRefusal { kNone, kUnknownAccount, kWrongPassword, kDisabled, kLocked, kNoPassword };

// "unknown account", "wrong password", "disabled", "locked", "no password"; "" for kNone.
std::string_view SignInRefusalName(SignInRefusal refusal);

struct SignInVerdict {
  bool accepted = false;
  SignInRefusal refusal = SignInRefusal::kNone;  // why, for the audit log only
  // The failure state to store when it changed: failed_logins and locked_until updated (a wrong
  // password counts; reaching max_failures sets locked_until = now + lock_for and restarts the
  // count; a success clears both). nullopt when nothing is to be written.
  std::optional<storage::StoredAccount> update;
};

// Decides a sign-in of `account` (nullopt: no such account) with `password` at `now`. A locked
// account (locked_until later than now) is refused even with the right password, and its failures
// neither count nor extend the lock; a disabled one is refused without counting.
SignInVerdict DecideSignIn(const std::optional<storage::StoredAccount>& account,
                           std::string_view password, std::chrono::system_clock::time_point now,
                           const LockoutPolicy& policy);

}  // namespace ordo::analytics
