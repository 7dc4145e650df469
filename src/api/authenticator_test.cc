#include "api/authenticator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>

#include "analytics/password_hash.h"
#include "core/sha256.h"
#include "storage/memory/memory_account_store.h"

namespace ordo::api {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

constexpr char kPassword[] = "correct horse battery";

// Every connection the Authenticator opens reaches one shared store, as SQLite connections reach
// one file; the test changes accounts through `shared` as the CLI would.
class SharedAccounts final : public storage::AccountStore {
 public:
  explicit SharedAccounts(storage::MemoryAccountStore& shared, std::mutex& mutex)
      : shared_(shared), mutex_(mutex) {}
  Status AddAccount(const storage::StoredAccount& account) override {
    std::lock_guard lock(mutex_);
    return shared_.AddAccount(account);
  }
  Status UpdateAccount(const storage::StoredAccount& account) override {
    std::lock_guard lock(mutex_);
    return shared_.UpdateAccount(account);
  }
  Result<std::optional<storage::StoredAccount>> FindAccount(const std::string& name) override {
    std::lock_guard lock(mutex_);
    return shared_.FindAccount(name);
  }
  Result<std::vector<Account>> ListAccounts() override {
    std::lock_guard lock(mutex_);
    return shared_.ListAccounts();
  }
  Status AddApiToken(const storage::ApiToken& token) override {
    std::lock_guard lock(mutex_);
    return shared_.AddApiToken(token);
  }
  Result<std::optional<storage::ApiToken>> FindApiToken(const std::string& hash) override {
    std::lock_guard lock(mutex_);
    return shared_.FindApiToken(hash);
  }
  Result<std::vector<storage::ApiToken>> ListApiTokens(const std::string& account) override {
    std::lock_guard lock(mutex_);
    return shared_.ListApiTokens(account);
  }
  Status RevokeApiToken(const std::string& hash) override {
    std::lock_guard lock(mutex_);
    return shared_.RevokeApiToken(hash);
  }
  Status AddSession(const storage::StoredSession& session) override {
    std::lock_guard lock(mutex_);
    return shared_.AddSession(session);
  }
  Result<std::optional<storage::StoredSession>> FindSession(const std::string& hash) override {
    std::lock_guard lock(mutex_);
    return shared_.FindSession(hash);
  }
  Status TouchSession(const std::string& hash, const std::string& seen_at) override {
    std::lock_guard lock(mutex_);
    ++touches;
    return shared_.TouchSession(hash, seen_at);
  }
  Result<bool> EndSession(const std::string& hash) override {
    std::lock_guard lock(mutex_);
    return shared_.EndSession(hash);
  }
  Result<std::size_t> EndExpiredSessions(const std::string& now,
                                         const std::string& idle_since) override {
    std::lock_guard lock(mutex_);
    return shared_.EndExpiredSessions(now, idle_since);
  }
  Result<std::optional<storage::LoginFailures>> RecordLoginFailure(
      const std::string& name, const std::string& now, int max_failures,
      const std::string& lock_until) override {
    std::lock_guard lock(mutex_);
    return shared_.RecordLoginFailure(name, now, max_failures, lock_until);
  }
  Status ClearLoginFailures(const std::string& name) override {
    std::lock_guard lock(mutex_);
    return shared_.ClearLoginFailures(name);
  }

  static inline int touches = 0;  // TouchSession calls, by every connection

 private:
  storage::MemoryAccountStore& shared_;
  std::mutex& mutex_;
};

class AuthenticatorTest : public ::testing::Test {
 protected:
  AuthenticatorTest() {
    static const std::string hash = analytics::HashPassword(kPassword).value();
    storage::StoredAccount alice;
    alice.account = {"alice", Role::kAnalyst, false, "2026-12-01T00:00:00.000Z", {"c1", "c2"}};
    alice.password_hash = hash;
    EXPECT_TRUE(store_.AddAccount(alice).has_value());
    AuthOptions options;
    options.now = [this] { return now_; };
    auth_ = std::make_unique<Authenticator>(
        [this]() -> Result<std::unique_ptr<storage::AccountStore>> {
          return std::unique_ptr<storage::AccountStore>(
              std::make_unique<SharedAccounts>(store_, mutex_));
        },
        options);
  }

  storage::StoredAccount Stored(const std::string& name) {
    std::lock_guard lock(mutex_);
    return store_.FindAccount(name).value().value();
  }
  void Update(const storage::StoredAccount& account) {
    std::lock_guard lock(mutex_);
    ASSERT_TRUE(store_.UpdateAccount(account).has_value());
  }

  // A signed-in GET (or `method`) carrying the session cookie and, when given, a CSRF token.
  HttpRequest WithCookie(const std::string& cookie, HttpMethod method = HttpMethod::kGet,
                         const std::string& csrf = "") {
    HttpRequest request;
    request.method = method;
    request.target = "/api/v1/summary";
    request.cookie = "theme=dark; " + std::string(kSessionCookie) + "=" + cookie;
    request.csrf_token = csrf;
    request.remote_address = "127.0.0.1";
    return request;
  }

  static int StatusOf(const std::variant<Authenticator::Identity, HttpResponse>& checked) {
    if (const auto* refusal = std::get_if<HttpResponse>(&checked)) return refusal->status;
    return 200;
  }

  Authenticator::SignInResult SignInAlice() { return auth_->SignIn("alice", kPassword, "::1"); }

  // Another server (or this one restarted) on the same accounts.
  std::unique_ptr<Authenticator> AnotherServer() {
    AuthOptions options;
    options.now = [this] { return now_; };
    return std::make_unique<Authenticator>(
        [this]() -> Result<std::unique_ptr<storage::AccountStore>> {
          return std::unique_ptr<storage::AccountStore>(
              std::make_unique<SharedAccounts>(store_, mutex_));
        },
        options);
  }

  std::chrono::system_clock::time_point now_{std::chrono::seconds(1'800'000'000)};
  std::mutex mutex_;
  storage::MemoryAccountStore store_;
  std::unique_ptr<Authenticator> auth_;
};

TEST_F(AuthenticatorTest, APasswordOpensASessionThatNamesTheAccount) {
  Authenticator::SignInResult result = SignInAlice();
  ASSERT_TRUE(result.identity.has_value()) << result.refusal;
  EXPECT_EQ(result.cookie_value.rfind("ordo_", 0), 0u);
  EXPECT_EQ(result.cookie_value.size(), 48u);  // 32 random bytes
  auto checked = auth_->Authenticate(WithCookie(result.cookie_value));
  ASSERT_EQ(StatusOf(checked), 200);
  const Principal& principal = *std::get<Authenticator::Identity>(checked).principal;
  EXPECT_EQ(principal.account, "alice");
  EXPECT_EQ(principal.role, Role::kAnalyst);
  EXPECT_FALSE(principal.every_compartment);
  EXPECT_EQ(principal.compartments, (std::vector<std::string>{"c1", "c2"}));
  EXPECT_EQ(principal.remote_address, "127.0.0.1");
  // A made-up or missing cookie is nobody.
  EXPECT_EQ(StatusOf(auth_->Authenticate(WithCookie("ordo_madeup"))), 401);
  EXPECT_EQ(StatusOf(auth_->Authenticate(HttpRequest{})), 401);
}

TEST_F(AuthenticatorTest, EveryRefusalOfASignInLooksTheSame) {
  EXPECT_FALSE(auth_->SignIn("nobody", kPassword, "::1").identity.has_value());
  EXPECT_EQ(auth_->SignIn("nobody", kPassword, "::1").refusal, "unknown account");
  EXPECT_EQ(auth_->SignIn("alice", "wrong password", "::1").refusal, "wrong password");
  EXPECT_EQ(Stored("alice").failed_logins, 1);
}

TEST_F(AuthenticatorTest, AStateChangingRequestNeedsTheSessionsCsrfToken) {
  Authenticator::SignInResult result = SignInAlice();
  const std::string csrf = result.identity->csrf_token;
  ASSERT_FALSE(csrf.empty());
  EXPECT_EQ(StatusOf(auth_->Authenticate(WithCookie(result.cookie_value, HttpMethod::kPost))), 403);
  EXPECT_EQ(StatusOf(auth_->Authenticate(
                WithCookie(result.cookie_value, HttpMethod::kDelete, csrf + "x"))),
            403);
  EXPECT_EQ(StatusOf(auth_->Authenticate(WithCookie(result.cookie_value, HttpMethod::kOther, ""))),
            403);
  EXPECT_EQ(
      StatusOf(auth_->Authenticate(WithCookie(result.cookie_value, HttpMethod::kPost, csrf))), 200);
  // Another session's token does not do.
  Authenticator::SignInResult other = SignInAlice();
  EXPECT_EQ(StatusOf(auth_->Authenticate(WithCookie(result.cookie_value, HttpMethod::kPost,
                                                    other.identity->csrf_token))),
            403);
}

TEST_F(AuthenticatorTest, AnUnusedSessionEndsAfterTheIdleTimeout) {
  Authenticator::SignInResult result = SignInAlice();
  now_ += minutes(29);
  EXPECT_EQ(StatusOf(auth_->Authenticate(WithCookie(result.cookie_value))), 200);
  now_ += minutes(29);  // 29 minutes after the last use: still alive
  EXPECT_EQ(StatusOf(auth_->Authenticate(WithCookie(result.cookie_value))), 200);
  now_ += minutes(30);
  EXPECT_EQ(StatusOf(auth_->Authenticate(WithCookie(result.cookie_value))), 401);
  now_ -= minutes(30);  // and it is gone, not merely late
  EXPECT_EQ(StatusOf(auth_->Authenticate(WithCookie(result.cookie_value))), 401);
}

TEST_F(AuthenticatorTest, ABusySessionEndsAtTheAbsoluteTimeout) {
  Authenticator::SignInResult result = SignInAlice();
  for (int step = 1; step < 12 * 3; ++step) {
    now_ += minutes(20);
    ASSERT_EQ(StatusOf(auth_->Authenticate(WithCookie(result.cookie_value))), 200) << step;
  }
  now_ += minutes(20);  // 12 hours after sign-in
  EXPECT_EQ(StatusOf(auth_->Authenticate(WithCookie(result.cookie_value))), 401);
}

TEST_F(AuthenticatorTest, DisablingOrANewPasswordEndsSessionsAtTheNextRequest) {
  Authenticator::SignInResult first = SignInAlice();
  Authenticator::SignInResult second = SignInAlice();
  storage::StoredAccount alice = Stored("alice");
  alice.account.compartments = {"c2"};
  Update(alice);
  auto checked = auth_->Authenticate(WithCookie(first.cookie_value));
  ASSERT_EQ(StatusOf(checked), 200);
  EXPECT_EQ(std::get<Authenticator::Identity>(checked).principal->compartments,
            std::vector<std::string>{"c2"});
  alice.account.disabled = true;
  Update(alice);
  EXPECT_EQ(StatusOf(auth_->Authenticate(WithCookie(first.cookie_value))), 401);
  alice.account.disabled = false;
  Update(alice);
  // Enabled again: the disable ended every session of the account, used since or not.
  EXPECT_EQ(StatusOf(auth_->Authenticate(WithCookie(first.cookie_value))), 401);
  EXPECT_EQ(StatusOf(auth_->Authenticate(WithCookie(second.cookie_value))), 401);
  Authenticator::SignInResult third = SignInAlice();
  ASSERT_EQ(StatusOf(auth_->Authenticate(WithCookie(third.cookie_value))), 200);
  alice.password_hash = analytics::HashPassword("another long password").value();
  Update(alice);
  EXPECT_EQ(StatusOf(auth_->Authenticate(WithCookie(third.cookie_value))), 401);
}

TEST_F(AuthenticatorTest, ATokenWorksUntilRevokedOrItsAccountIsDisabled) {
  const std::string token = analytics::NewSecretToken().value();
  {
    std::lock_guard lock(mutex_);
    ASSERT_TRUE(store_.AddApiToken({Sha256Hex(token), "alice", "ci", "2026", false}).has_value());
  }
  HttpRequest request;
  request.method = HttpMethod::kPost;  // a token needs no CSRF token
  request.authorization = "Bearer " + token;
  auto checked = auth_->Authenticate(request);
  ASSERT_EQ(StatusOf(checked), 200);
  EXPECT_EQ(std::get<Authenticator::Identity>(checked).principal->account, "alice");
  EXPECT_EQ(std::get<Authenticator::Identity>(checked).principal->via, "token");
  request.authorization = "bearer  " + token + " ";
  EXPECT_EQ(StatusOf(auth_->Authenticate(request)), 200);
  request.authorization = "Bearer " + token + "x";
  EXPECT_EQ(StatusOf(auth_->Authenticate(request)), 401);
  request.authorization = "Basic " + token;
  EXPECT_EQ(StatusOf(auth_->Authenticate(request)), 401);
  request.authorization = "Bearer " + token;
  storage::StoredAccount alice = Stored("alice");
  alice.account.disabled = true;
  Update(alice);
  EXPECT_EQ(StatusOf(auth_->Authenticate(request)), 401);
  alice.account.disabled = false;
  Update(alice);
  EXPECT_EQ(StatusOf(auth_->Authenticate(request)), 200);
  {
    std::lock_guard lock(mutex_);
    ASSERT_TRUE(store_.RevokeApiToken(Sha256Hex(token)).has_value());
  }
  EXPECT_EQ(StatusOf(auth_->Authenticate(request)), 401);
}

TEST_F(AuthenticatorTest, FiveFailuresLockTheAccountForFifteenMinutes) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    EXPECT_FALSE(auth_->SignIn("alice", "wrong password", "::1").identity.has_value());
  }
  Authenticator::SignInResult locked = SignInAlice();
  EXPECT_FALSE(locked.identity.has_value());
  EXPECT_EQ(locked.refusal, "locked");
  now_ += minutes(15);
  EXPECT_TRUE(SignInAlice().identity.has_value());
  EXPECT_EQ(Stored("alice").locked_until, "");
}

TEST_F(AuthenticatorTest, TheSignInLinkWorksOnceAndNotLate) {
  const std::string token = auth_->CreateSignInLink().value();
  Authenticator::SignInResult first = auth_->ExchangeSignInLink(token, "127.0.0.1");
  ASSERT_TRUE(first.identity.has_value());
  const Principal& admin = *first.identity->principal;
  EXPECT_EQ(admin.account, "local-admin");
  EXPECT_EQ(admin.role, Role::kAdmin);
  EXPECT_TRUE(admin.every_compartment);
  EXPECT_EQ(StatusOf(auth_->Authenticate(WithCookie(first.cookie_value))), 200);
  EXPECT_FALSE(auth_->ExchangeSignInLink(token, "127.0.0.1").identity.has_value());
  const std::string late = auth_->CreateSignInLink().value();
  now_ += minutes(15);
  EXPECT_FALSE(auth_->ExchangeSignInLink(late, "127.0.0.1").identity.has_value());
}

TEST_F(AuthenticatorTest, SigningOutEndsTheSession) {
  Authenticator::SignInResult result = SignInAlice();
  EXPECT_TRUE(auth_->SignOut(WithCookie(result.cookie_value)));
  EXPECT_FALSE(auth_->SignOut(WithCookie(result.cookie_value)));
  EXPECT_EQ(StatusOf(auth_->Authenticate(WithCookie(result.cookie_value))), 401);
}

TEST_F(AuthenticatorTest, CookiesAreHttpOnlyStrictAndSecureUnderTls) {
  EXPECT_EQ(auth_->SessionCookie("ordo_x"), "ordo_session=ordo_x; Path=/; HttpOnly; SameSite=Strict");
  EXPECT_EQ(auth_->ClearedCookie(), "ordo_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
  AuthOptions tls;
  tls.secure_cookies = true;
  Authenticator secure({}, tls);
  EXPECT_EQ(secure.SessionCookie("ordo_x"),
            "ordo_session=ordo_x; Path=/; HttpOnly; SameSite=Strict; Secure");
}

TEST_F(AuthenticatorTest, EachCredentialHasItsOwnRate) {
  AuthOptions limited;
  limited.rate_per_second = 0.01;  // one more every 100 s: none during the test
  limited.rate_burst = 3;
  Authenticator auth(
      [this]() -> Result<std::unique_ptr<storage::AccountStore>> {
        return std::unique_ptr<storage::AccountStore>(
            std::make_unique<SharedAccounts>(store_, mutex_));
      },
      limited);
  const std::string first = auth.SignIn("alice", kPassword, "::1").cookie_value;
  const std::string second = auth.SignIn("alice", kPassword, "::1").cookie_value;
  for (int request = 0; request < 3; ++request) {
    ASSERT_EQ(StatusOf(auth.Authenticate(WithCookie(first))), 200);
  }
  auto refused = auth.Authenticate(WithCookie(first));
  ASSERT_EQ(StatusOf(refused), 429);
  const auto& headers = std::get<HttpResponse>(refused).headers;
  EXPECT_NE(std::find(headers.begin(), headers.end(),
                      std::pair<std::string, std::string>("Retry-After", "100")),
            headers.end());
  EXPECT_EQ(StatusOf(auth.Authenticate(WithCookie(second))), 200);
}

// Sessions live in the account store: a restarted server and a second server on the same store
// take the cookie and its CSRF token, and a sign-out on one is seen by the other.
TEST_F(AuthenticatorTest, SessionsOutliveARestartAndAreSharedBetweenServers) {
  Authenticator::SignInResult result = SignInAlice();
  ASSERT_TRUE(result.identity.has_value()) << result.refusal;
  const std::string csrf = result.identity->csrf_token;
  auth_.reset();  // the server stops; its memory is gone
  std::unique_ptr<Authenticator> restarted = AnotherServer();
  std::unique_ptr<Authenticator> second = AnotherServer();
  auto checked = restarted->Authenticate(WithCookie(result.cookie_value, HttpMethod::kPost, csrf));
  ASSERT_EQ(StatusOf(checked), 200);
  EXPECT_EQ(std::get<Authenticator::Identity>(checked).principal->account, "alice");
  EXPECT_EQ(std::get<Authenticator::Identity>(checked).csrf_token, csrf);
  EXPECT_EQ(StatusOf(second->Authenticate(WithCookie(result.cookie_value, HttpMethod::kPost))), 403);
  EXPECT_EQ(StatusOf(second->Authenticate(WithCookie(result.cookie_value, HttpMethod::kPost, csrf))),
            200);
  // Only the SHA-256 of the cookie is kept.
  {
    std::lock_guard lock(mutex_);
    EXPECT_FALSE(store_.FindSession(result.cookie_value).value().has_value());
    EXPECT_TRUE(store_.FindSession(Sha256Hex(result.cookie_value)).value().has_value());
  }
  EXPECT_TRUE(second->SignOut(WithCookie(result.cookie_value)));
  EXPECT_EQ(StatusOf(restarted->Authenticate(WithCookie(result.cookie_value))), 401);
}

// The last use is written once a minute, not on every request; the idle timeout still holds, and
// an idle session found by a sign-in's sweep is deleted.
TEST_F(AuthenticatorTest, TheLastUseIsWrittenAtMostOnceAMinute) {
  Authenticator::SignInResult result = SignInAlice();
  const int before = SharedAccounts::touches;
  for (int second = 0; second < 120; second += 5) {
    now_ += std::chrono::seconds(5);
    ASSERT_EQ(StatusOf(auth_->Authenticate(WithCookie(result.cookie_value))), 200);
  }
  EXPECT_EQ(SharedAccounts::touches - before, 2);  // at 60 s and at 120 s
  now_ += minutes(30);
  Authenticator::SignInResult other = SignInAlice();  // sweeps the idle one
  {
    std::lock_guard lock(mutex_);
    EXPECT_FALSE(store_.FindSession(Sha256Hex(result.cookie_value)).value().has_value());
    EXPECT_TRUE(store_.FindSession(Sha256Hex(other.cookie_value)).value().has_value());
  }
}

// Two servers take turns with wrong passwords: the store counts every one, and the fifth locks.
TEST_F(AuthenticatorTest, TwoServersCountFailuresTogether) {
  std::unique_ptr<Authenticator> second = AnotherServer();
  for (int attempt = 1; attempt <= 4; ++attempt) {
    Authenticator& server = attempt % 2 == 1 ? *auth_ : *second;
    EXPECT_EQ(server.SignIn("alice", "wrong password", "::1").refusal, "wrong password");
    EXPECT_EQ(Stored("alice").failed_logins, attempt);
  }
  EXPECT_EQ(second->SignIn("alice", "wrong password", "::1").refusal, "wrong password");
  EXPECT_EQ(Stored("alice").failed_logins, 0);
  EXPECT_NE(Stored("alice").locked_until, "");
  EXPECT_EQ(auth_->SignIn("alice", kPassword, "::1").refusal, "locked");
  EXPECT_EQ(second->SignIn("alice", kPassword, "::1").refusal, "locked");
}

TEST(CookieValueTest, FindsTheNamedCookie) {
  EXPECT_EQ(CookieValue("a=1; ordo_session=xyz; b=2", "ordo_session"), "xyz");
  EXPECT_EQ(CookieValue("ordo_session=xyz", "ordo_session"), "xyz");
  EXPECT_EQ(CookieValue("xordo_session=xyz", "ordo_session"), "");
  EXPECT_EQ(CookieValue("", "ordo_session"), "");
  EXPECT_EQ(CookieValue("a=1;ordo_session=v ", "ordo_session"), "v");
}

}  // namespace
}  // namespace ordo::api
