#include "analytics/sign_in.h"

#include <gtest/gtest.h>

#include "analytics/password_hash.h"
#include "core/audit_record.h"

namespace ordo::analytics {
namespace {

using std::chrono::minutes;

const std::chrono::system_clock::time_point kNow{std::chrono::seconds(1'800'000'000)};

storage::StoredAccount Alice() {
  storage::StoredAccount stored;
  stored.account = {"alice", Role::kAnalyst, false, "2026-12-01T00:00:00.000Z", {"case-1"}};
  static const std::string hash = HashPassword("correct horse battery").value();
  stored.password_hash = hash;
  return stored;
}

TEST(SignInTest, TheRightPasswordIsAcceptedAndClearsFailures) {
  storage::StoredAccount alice = Alice();
  alice.failed_logins = 3;
  SignInVerdict verdict = DecideSignIn(alice, "correct horse battery", kNow, {});
  EXPECT_TRUE(verdict.accepted);
  ASSERT_TRUE(verdict.update.has_value());
  EXPECT_EQ(verdict.update->failed_logins, 0);
  // Nothing to write when there was nothing to clear.
  EXPECT_FALSE(DecideSignIn(Alice(), "correct horse battery", kNow, {}).update.has_value());
}

TEST(SignInTest, RefusalsNameTheirReasonOnlyForTheAudit) {
  EXPECT_EQ(DecideSignIn(std::nullopt, "x", kNow, {}).refusal, SignInRefusal::kUnknownAccount);
  EXPECT_EQ(DecideSignIn(Alice(), "wrong", kNow, {}).refusal, SignInRefusal::kWrongPassword);
  storage::StoredAccount disabled = Alice();
  disabled.account.disabled = true;
  SignInVerdict refused = DecideSignIn(disabled, "correct horse battery", kNow, {});
  EXPECT_FALSE(refused.accepted);
  EXPECT_EQ(refused.refusal, SignInRefusal::kDisabled);
  EXPECT_FALSE(refused.update.has_value());
  storage::StoredAccount no_password = Alice();
  no_password.password_hash.clear();
  EXPECT_EQ(DecideSignIn(no_password, "", kNow, {}).refusal, SignInRefusal::kNoPassword);
}

TEST(SignInTest, FiveWrongPasswordsLockForFifteenMinutes) {
  storage::StoredAccount alice = Alice();
  for (int attempt = 1; attempt <= 4; ++attempt) {
    SignInVerdict verdict = DecideSignIn(alice, "wrong", kNow, {});
    ASSERT_TRUE(verdict.update.has_value());
    alice = *verdict.update;
    EXPECT_EQ(alice.failed_logins, attempt);
    EXPECT_EQ(alice.locked_until, "");
  }
  alice = *DecideSignIn(alice, "wrong", kNow, {}).update;
  EXPECT_EQ(alice.locked_until, AuditTimestamp(kNow + minutes(15)));
  // Locked: the right password is refused, and nothing is written (the lock is not extended).
  SignInVerdict locked = DecideSignIn(alice, "correct horse battery", kNow + minutes(14), {});
  EXPECT_FALSE(locked.accepted);
  EXPECT_EQ(locked.refusal, SignInRefusal::kLocked);
  EXPECT_FALSE(locked.update.has_value());
  // After the lock: accepted, and the lock is cleared.
  SignInVerdict later = DecideSignIn(alice, "correct horse battery", kNow + minutes(16), {});
  EXPECT_TRUE(later.accepted);
  EXPECT_EQ(later.update->locked_until, "");
}

TEST(SignInTest, ThePolicyIsAParameter) {
  storage::StoredAccount alice = Alice();
  alice = *DecideSignIn(alice, "wrong", kNow, {.max_failures = 1, .lock_for = minutes(2)}).update;
  EXPECT_EQ(alice.locked_until, AuditTimestamp(kNow + minutes(2)));
}

}  // namespace
}  // namespace ordo::analytics
