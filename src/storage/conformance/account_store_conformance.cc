#include "storage/conformance/account_store_conformance.h"

#include <stdlib.h>

#include <filesystem>
#include <ostream>
#include <thread>
#include <vector>

#include "core/sha256.h"

namespace ordo::storage::conformance {

std::string AccountBackendName(const ::testing::TestParamInfo<AccountStoreBackend>& info) {
  return info.param.name;
}

void PrintTo(const AccountStoreBackend& backend, std::ostream* out) { *out << backend.name; }

void AccountStoreConformanceTest::SetUp() {
  std::string pattern = ::testing::TempDir() + "ordo_account_conformance_XXXXXX";
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  scratch_dir_ = pattern;
  Result<std::shared_ptr<AccountStore>> store = GetParam().make_store(scratch_dir_);
  ASSERT_TRUE(store.has_value()) << store.error().ToString();
  store_ = std::move(store).value();
}

void AccountStoreConformanceTest::TearDown() {
  store_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(scratch_dir_, ignored);
}

namespace {

StoredAccount Analyst(const std::string& name) {
  StoredAccount stored;
  stored.account.name = name;
  stored.account.role = Role::kAnalyst;
  stored.account.created_at = "2026-12-01T10:00:00.000Z";
  stored.account.compartments = {"case-b", "case-a", "case-b"};
  stored.password_hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g";  // not real
  return stored;
}

ApiToken Token(const std::string& secret, const std::string& account, const std::string& at) {
  return {Sha256Hex(secret), account, "nightly import", at, false};
}

TEST_P(AccountStoreConformanceTest, AddFindAndList) {
  ASSERT_TRUE(Store().AddAccount(Analyst("zhyldyz")));
  ASSERT_TRUE(Store().AddAccount(Analyst("aidai")));
  std::optional<StoredAccount> found = Store().FindAccount("aidai").value();
  ASSERT_TRUE(found.has_value());
  StoredAccount expected = Analyst("aidai");
  expected.account.compartments = {"case-a", "case-b"};  // sorted, no repeats
  EXPECT_EQ(*found, expected);
  EXPECT_FALSE(Store().FindAccount("nobody").value().has_value());
  std::vector<Account> accounts = Store().ListAccounts().value();
  ASSERT_EQ(accounts.size(), 2u);
  EXPECT_EQ(accounts[0].name, "aidai");
  EXPECT_EQ(accounts[1].name, "zhyldyz");
}

TEST_P(AccountStoreConformanceTest, AddRefusesRepeatsAndBadNames) {
  ASSERT_TRUE(Store().AddAccount(Analyst("aidai")));
  Status again = Store().AddAccount(Analyst("aidai"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(again.error().message(), "account 'aidai' already exists");

  Status bad_name = Store().AddAccount(Analyst("Aidai"));
  ASSERT_FALSE(bad_name);
  EXPECT_EQ(bad_name.error().code(), ErrorCode::kInvalidArgument);
  StoredAccount bad_compartment = Analyst("bolot");
  bad_compartment.account.compartments = {"case a"};
  EXPECT_EQ(Store().AddAccount(bad_compartment).error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(Store().ListAccounts().value().size(), 1u);
}

TEST_P(AccountStoreConformanceTest, UpdateReplacesEverything) {
  ASSERT_TRUE(Store().AddAccount(Analyst("aidai")));
  StoredAccount changed = Analyst("aidai");
  changed.account.role = Role::kViewer;
  changed.account.disabled = true;
  changed.account.compartments = {"case-c"};
  changed.password_hash = "$argon2id$other";
  changed.failed_logins = 3;
  changed.locked_until = "2026-12-01T10:15:00.000Z";
  ASSERT_TRUE(Store().UpdateAccount(changed));
  EXPECT_EQ(Store().FindAccount("aidai").value(), changed);

  changed.account.compartments.clear();
  ASSERT_TRUE(Store().UpdateAccount(changed));
  EXPECT_TRUE(Store().FindAccount("aidai").value()->account.compartments.empty());

  Status missing = Store().UpdateAccount(Analyst("nobody"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().message(), "no account 'nobody'");
}

TEST_P(AccountStoreConformanceTest, TokensAreKeptByHash) {
  ASSERT_TRUE(Store().AddAccount(Analyst("aidai")));
  ApiToken first = Token("secret-1", "aidai", "2026-12-01T10:00:00.000Z");
  ApiToken second = Token("secret-2", "aidai", "2026-12-01T09:00:00.000Z");
  ASSERT_TRUE(Store().AddApiToken(first));
  ASSERT_TRUE(Store().AddApiToken(second));
  EXPECT_EQ(Store().FindApiToken(first.token_hash).value(), first);
  EXPECT_FALSE(Store().FindApiToken(Sha256Hex("guess")).value().has_value());
  EXPECT_EQ(Store().ListApiTokens("aidai").value(), (std::vector<ApiToken>{second, first}));
  EXPECT_TRUE(Store().ListApiTokens("nobody").value().empty());

  ASSERT_TRUE(Store().RevokeApiToken(first.token_hash));
  EXPECT_TRUE(Store().FindApiToken(first.token_hash).value()->revoked);
  EXPECT_FALSE(Store().FindApiToken(second.token_hash).value()->revoked);
}

TEST_P(AccountStoreConformanceTest, TokenRefusals) {
  ASSERT_TRUE(Store().AddAccount(Analyst("aidai")));
  ApiToken token = Token("secret-1", "aidai", "2026-12-01T10:00:00.000Z");
  ASSERT_TRUE(Store().AddApiToken(token));
  EXPECT_EQ(Store().AddApiToken(token).error().message(), "token already exists");
  ApiToken orphan = Token("secret-2", "nobody", "2026-12-01T10:00:00.000Z");
  EXPECT_EQ(Store().AddApiToken(orphan).error().message(), "no account 'nobody'");
  ApiToken malformed = token;
  malformed.token_hash = "secret-1";  // the token itself, never to be stored
  EXPECT_EQ(Store().AddApiToken(malformed).error().message(),
            "token hash must be 64 lowercase hex digits");
  EXPECT_EQ(Store().RevokeApiToken(Sha256Hex("guess")).error().message(), "no such token");
  EXPECT_EQ(Store().ListApiTokens("aidai").value().size(), 1u);
}

TEST_P(AccountStoreConformanceTest, AChangeIsSeenByTheNextReader) {
  if (!GetParam().open_again) GTEST_SKIP() << "the backend has no second connection";
  ASSERT_TRUE(Store().AddAccount(Analyst("aidai")));
  Result<std::shared_ptr<AccountStore>> other = GetParam().open_again(ScratchDir());
  ASSERT_TRUE(other.has_value()) << other.error().ToString();
  StoredAccount disabled = Analyst("aidai");
  disabled.account.disabled = true;
  ASSERT_TRUE(Store().UpdateAccount(disabled));
  EXPECT_TRUE((*other)->FindAccount("aidai").value()->account.disabled);
}

StoredSession Session(const std::string& cookie, const std::string& account,
                      const std::string& password_hash) {
  return {Sha256Hex(cookie),          account,
          Sha256Hex(password_hash),   "2026-12-01T10:00:00.000Z",
          "2026-12-01T10:00:00.000Z", "2026-12-01T22:00:00.000Z"};
}

TEST_P(AccountStoreConformanceTest, SessionsAreKeptByHashTouchedAndEnded) {
  ASSERT_TRUE(Store().AddAccount(Analyst("aidai")));
  const std::string hash = Analyst("aidai").password_hash;
  const StoredSession session = Session("cookie-1", "aidai", hash);
  ASSERT_TRUE(Store().AddSession(session));
  EXPECT_EQ(Store().FindSession(session.token_hash).value(), session);
  EXPECT_FALSE(Store().FindSession(Sha256Hex("guess")).value().has_value());

  // The last use only moves forward.
  ASSERT_TRUE(Store().TouchSession(session.token_hash, "2026-12-01T10:05:00.000Z"));
  ASSERT_TRUE(Store().TouchSession(session.token_hash, "2026-12-01T10:01:00.000Z"));
  ASSERT_TRUE(Store().TouchSession(Sha256Hex("guess"), "2026-12-01T10:05:00.000Z"));
  EXPECT_EQ(Store().FindSession(session.token_hash).value()->last_seen_at,
            "2026-12-01T10:05:00.000Z");

  EXPECT_TRUE(Store().EndSession(session.token_hash).value());
  EXPECT_FALSE(Store().EndSession(session.token_hash).value());
  EXPECT_FALSE(Store().FindSession(session.token_hash).value().has_value());
}

TEST_P(AccountStoreConformanceTest, SessionRefusals) {
  ASSERT_TRUE(Store().AddAccount(Analyst("aidai")));
  StoredAccount disabled = Analyst("bolot");
  disabled.account.disabled = true;
  ASSERT_TRUE(Store().AddAccount(disabled));
  const StoredSession session = Session("cookie-1", "aidai", "h");
  ASSERT_TRUE(Store().AddSession(session));
  Status again = Store().AddSession(session);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(again.error().message(), "session already exists");
  Status orphan = Store().AddSession(Session("cookie-2", "nobody", "h"));
  ASSERT_FALSE(orphan);
  EXPECT_EQ(orphan.error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(orphan.error().message(), "no account 'nobody'");
  Status off = Store().AddSession(Session("cookie-3", "bolot", "h"));
  ASSERT_FALSE(off);
  EXPECT_EQ(off.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(off.error().message(), "account 'bolot' is disabled");
  StoredSession malformed = Session("cookie-4", "aidai", "h");
  malformed.token_hash = "cookie-4";  // the cookie itself, never to be stored
  Status bad = Store().AddSession(malformed);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad.error().message(), "session hash must be 64 lowercase hex digits");
  EXPECT_FALSE(Store().FindSession(Sha256Hex("cookie-2")).value().has_value());
  EXPECT_FALSE(Store().FindSession(Sha256Hex("cookie-3")).value().has_value());
}

TEST_P(AccountStoreConformanceTest, DisablingOrANewPasswordEndsTheAccountsSessions) {
  ASSERT_TRUE(Store().AddAccount(Analyst("aidai")));
  ASSERT_TRUE(Store().AddAccount(Analyst("bolot")));
  StoredAccount aidai = Analyst("aidai");
  const StoredSession current = Session("cookie-1", "aidai", aidai.password_hash);
  const StoredSession stale = Session("cookie-2", "aidai", "an older hash");
  const StoredSession other = Session("cookie-3", "bolot", aidai.password_hash);
  ASSERT_TRUE(Store().AddSession(current));
  ASSERT_TRUE(Store().AddSession(stale));
  ASSERT_TRUE(Store().AddSession(other));

  // Any update ends sessions of another password; a role change keeps the current one.
  aidai.account.role = Role::kViewer;
  ASSERT_TRUE(Store().UpdateAccount(aidai));
  EXPECT_TRUE(Store().FindSession(current.token_hash).value().has_value());
  EXPECT_FALSE(Store().FindSession(stale.token_hash).value().has_value());

  aidai.account.disabled = true;
  ASSERT_TRUE(Store().UpdateAccount(aidai));
  EXPECT_FALSE(Store().FindSession(current.token_hash).value().has_value());
  EXPECT_TRUE(Store().FindSession(other.token_hash).value().has_value());

  aidai.account.disabled = false;
  ASSERT_TRUE(Store().UpdateAccount(aidai));
  ASSERT_TRUE(Store().AddSession(current));
  aidai.password_hash = "$argon2id$a-new-one";
  ASSERT_TRUE(Store().UpdateAccount(aidai));
  EXPECT_FALSE(Store().FindSession(current.token_hash).value().has_value());
  EXPECT_TRUE(Store().FindSession(other.token_hash).value().has_value());
}

TEST_P(AccountStoreConformanceTest, ExpiredAndIdleSessionsAreSwept) {
  ASSERT_TRUE(Store().AddAccount(Analyst("aidai")));
  StoredSession live = Session("live", "aidai", "h");
  StoredSession idle = Session("idle", "aidai", "h");
  StoredSession old = Session("old", "aidai", "h");
  live.last_seen_at = "2026-12-01T11:40:00.000Z";
  idle.last_seen_at = "2026-12-01T11:20:00.000Z";
  old.last_seen_at = "2026-12-01T11:50:00.000Z";
  old.expires_at = "2026-12-01T11:59:00.000Z";
  for (const StoredSession* session : {&live, &idle, &old}) {
    ASSERT_TRUE(Store().AddSession(*session));
  }
  // At noon, with a 30-minute idle timeout.
  EXPECT_EQ(Store().EndExpiredSessions("2026-12-01T12:00:00.000Z", "2026-12-01T11:30:00.000Z")
                .value(),
            2u);
  EXPECT_TRUE(Store().FindSession(live.token_hash).value().has_value());
  EXPECT_FALSE(Store().FindSession(idle.token_hash).value().has_value());
  EXPECT_FALSE(Store().FindSession(old.token_hash).value().has_value());
}

TEST_P(AccountStoreConformanceTest, LoginFailuresCountToTheLockAndClear) {
  ASSERT_TRUE(Store().AddAccount(Analyst("aidai")));
  const std::string now = "2026-12-01T10:00:00.000Z";
  const std::string until = "2026-12-01T10:15:00.000Z";
  for (int failure = 1; failure <= 4; ++failure) {
    EXPECT_EQ(Store().RecordLoginFailure("aidai", now, 5, until).value(),
              (LoginFailures{failure, ""}));
  }
  EXPECT_EQ(Store().RecordLoginFailure("aidai", now, 5, until).value(), (LoginFailures{0, until}));
  // Locked: a failure counts nothing and does not move the lock.
  EXPECT_FALSE(Store()
                   .RecordLoginFailure("aidai", "2026-12-01T10:10:00.000Z", 5,
                                       "2026-12-01T10:25:00.000Z")
                   .value()
                   .has_value());
  EXPECT_EQ(Store().FindAccount("aidai").value()->locked_until, until);
  // After the lock, counting starts again.
  EXPECT_EQ(Store().RecordLoginFailure("aidai", "2026-12-01T10:15:00.000Z", 5, until).value(),
            (LoginFailures{1, until}));
  ASSERT_TRUE(Store().ClearLoginFailures("aidai"));
  StoredAccount cleared = Store().FindAccount("aidai").value().value();
  EXPECT_EQ(cleared.failed_logins, 0);
  EXPECT_EQ(cleared.locked_until, "");

  EXPECT_FALSE(Store().RecordLoginFailure("nobody", now, 5, until).value().has_value());
  Status missing = Store().ClearLoginFailures("nobody");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().message(), "no account 'nobody'");
  StoredAccount disabled = Analyst("bolot");
  disabled.account.disabled = true;
  ASSERT_TRUE(Store().AddAccount(disabled));
  EXPECT_FALSE(Store().RecordLoginFailure("bolot", now, 5, until).value().has_value());
  EXPECT_EQ(Store().FindAccount("bolot").value()->failed_logins, 0);
}

// Two servers' connections count failures of one account at once: none is lost, and the lock
// comes at exactly the fifth.
TEST_P(AccountStoreConformanceTest, TwoConnectionsCountFailuresWithoutLosingAny) {
  if (!GetParam().open_again) GTEST_SKIP() << "the backend has no second connection";
  ASSERT_TRUE(Store().AddAccount(Analyst("aidai")));
  Result<std::shared_ptr<AccountStore>> other = GetParam().open_again(ScratchDir());
  ASSERT_TRUE(other.has_value()) << other.error().ToString();
  const std::string now = "2026-12-01T10:00:00.000Z";
  const std::string until = "2026-12-01T10:15:00.000Z";
  // Taking turns: the count each returns is the total so far.
  for (int failure = 1; failure <= 4; ++failure) {
    AccountStore& store = failure % 2 == 1 ? Store() : **other;
    EXPECT_EQ(store.RecordLoginFailure("aidai", now, 5, until).value(),
              (LoginFailures{failure, ""}));
  }
  EXPECT_EQ((*other)->RecordLoginFailure("aidai", now, 5, until).value(),
            (LoginFailures{0, until}));
  ASSERT_TRUE(Store().ClearLoginFailures("aidai"));

  // At the same time, from two threads: 2 x 2 failures count 4, one more locks.
  constexpr int kEach = 2;
  Status first = OkStatus();
  Status second = OkStatus();
  auto fail = [&](AccountStore& store, Status& outcome) {
    for (int i = 0; i < kEach && outcome; ++i) {
      auto counted = store.RecordLoginFailure("aidai", now, 5, until);
      if (!counted) outcome = counted.error();
    }
  };
  std::thread a([&] { fail(Store(), first); });
  std::thread b([&] { fail(**other, second); });
  a.join();
  b.join();
  ASSERT_TRUE(first.has_value()) << first.error().ToString();
  ASSERT_TRUE(second.has_value()) << second.error().ToString();
  EXPECT_EQ(Store().FindAccount("aidai").value()->failed_logins, 2 * kEach);
  EXPECT_EQ(Store().RecordLoginFailure("aidai", now, 5, until).value(), (LoginFailures{0, until}));
}

TEST_P(AccountStoreConformanceTest, ASessionIsSeenAndEndedByAnotherConnection) {
  if (!GetParam().open_again) GTEST_SKIP() << "the backend has no second connection";
  ASSERT_TRUE(Store().AddAccount(Analyst("aidai")));
  Result<std::shared_ptr<AccountStore>> other = GetParam().open_again(ScratchDir());
  ASSERT_TRUE(other.has_value()) << other.error().ToString();
  const StoredSession session = Session("cookie-1", "aidai", "h");
  ASSERT_TRUE(Store().AddSession(session));
  EXPECT_EQ((*other)->FindSession(session.token_hash).value(), session);
  EXPECT_TRUE((*other)->EndSession(session.token_hash).value());
  EXPECT_FALSE(Store().FindSession(session.token_hash).value().has_value());
}

}  // namespace
}  // namespace ordo::storage::conformance
