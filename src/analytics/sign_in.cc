#include "analytics/sign_in.h"

#include "analytics/password_hash.h"
#include "core/audit_record.h"

namespace ordo::analytics {

std::string_view SignInRefusalName(SignInRefusal refusal) {
  switch (refusal) {
    case SignInRefusal::kNone:
      return "";
    case SignInRefusal::kUnknownAccount:
      return "unknown account";
    case SignInRefusal::kWrongPassword:
      return "wrong password";
    case SignInRefusal::kDisabled:
      return "disabled";
    case SignInRefusal::kLocked:
      return "locked";
    case SignInRefusal::kNoPassword:
      return "no password";
  }
  return "";
}

SignInVerdict DecideSignIn(const std::optional<storage::StoredAccount>& account,
                           std::string_view password, std::chrono::system_clock::time_point now,
                           const LockoutPolicy& policy) {
  SignInVerdict verdict;
  if (!account) {
    // Costs what a wrong password costs; the decoy never matches.
    VerifyPassword(DecoyPasswordHash(), password);
    verdict.refusal = SignInRefusal::kUnknownAccount;
    return verdict;
  }
  const bool has_password = !account->password_hash.empty();
  const bool matches =
      VerifyPassword(has_password ? account->password_hash : DecoyPasswordHash(), password) &&
      has_password;
  // AuditTimestamp's form sorts as the time it names.
  const std::string now_text = AuditTimestamp(now);
  const bool locked = !account->locked_until.empty() && account->locked_until > now_text;
  if (account->account.disabled) {
    verdict.refusal = SignInRefusal::kDisabled;
    return verdict;
  }
  if (locked) {
    verdict.refusal = SignInRefusal::kLocked;
    return verdict;
  }
  if (!has_password) {
    verdict.refusal = SignInRefusal::kNoPassword;
    return verdict;
  }
  storage::StoredAccount updated = *account;
  if (matches) {
    verdict.accepted = true;
    updated.failed_logins = 0;
    updated.locked_until.clear();
  } else {
    verdict.refusal = SignInRefusal::kWrongPassword;
    updated.failed_logins = account->failed_logins + 1;
    if (updated.failed_logins >= policy.max_failures) {
      updated.failed_logins = 0;
      updated.locked_until = AuditTimestamp(now + policy.lock_for);
    }
  }
  if (updated != *account) verdict.update = std::move(updated);
  return verdict;
}

}  // namespace ordo::analytics
