#pragma once
// Authenticator: who is asking (docs/accounts.md, "Signing in over HTTP"). A request proves it with
// a session cookie (made by signing in with a password, or by the one-time sign-in link of a server
// without accounts) or with an API token (`Authorization: Bearer ordo_...`). Sessions of accounts
// live in the account store (AccountStore::AddSession), keyed by the SHA-256 of their id, with idle
// and absolute timeouts, so they survive a restart and every server on one database shares them;
// a session's last use is written at most once per `session_refresh`. Sessions of the one-time
// sign-in link's local administrator, who is no account, live in this process's memory only. Every
// check re-reads the account (and the token) from the store, so an `ordo user disable`, a revoked
// token or a password change made by any process counts from the next request on; a session also
// ends when its account's password changes. A request with a cookie session that changes
// something (anything but GET and HEAD) must carry the session's CSRF token in X-CSRF-Token: a
// SHA-256 of the cookie's value, so any server can check it and the database never holds it.

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "analytics/sign_in.h"
#include "api/http_types.h"
#include "api/principal.h"
#include "core/result.h"
#include "storage/account_store.h"

namespace ordo::api {

using AccountStoreOpener = std::function<Result<std::unique_ptr<storage::AccountStore>>()>;
using WallClock = std::function<std::chrono::system_clock::time_point()>;

struct AuthOptions {
  std::chrono::seconds session_idle{30 * 60};      // a session unused this long ends
  std::chrono::seconds session_max{12 * 60 * 60};  // and any session ends this long after sign-in
  std::chrono::seconds link_lifetime{15 * 60};     // the one-time sign-in link, unless used first
  analytics::LockoutPolicy lockout;
  bool secure_cookies = false;         // served over TLS: the cookie says Secure
  // A session's last use is written to the store at most this often (and whenever less than
  // this is left of its idle time), not on every request: the idle timeout counts from the last
  // write, so it may end up to this much earlier than `session_idle` after the last request.
  std::chrono::seconds session_refresh{60};
  // Sessions past their timeouts are deleted from the store at a sign-in, at most this often.
  std::chrono::seconds session_sweep{60};
  // Local administrator sessions (memory) beyond it: the least recently used one ends.
  std::size_t max_sessions = 100'000;
  std::size_t idle_stores = 4;         // account-store connections kept open between checks
  // Requests per second one session or one token may make on average, with bursts of
  // rate_burst; beyond that, 429 with Retry-After. 0 turns the limit off.
  double rate_per_second = 50;
  double rate_burst = 200;
  WallClock now;                       // empty: the system clock; tests pass their own
};

// The session cookie's name.
inline constexpr char kSessionCookie[] = "ordo_session";

// Thread-safe.
class Authenticator {
 public:
  Authenticator(AccountStoreOpener open_accounts, AuthOptions options);

  // A request's credentials, checked.
  struct Identity {
    std::shared_ptr<const Principal> principal;  // never null
    bool via_session = false;                    // a cookie, not a token
    std::string csrf_token;                      // the session's; empty for a token
    std::chrono::system_clock::time_point expires_at;  // of the session: the earlier timeout
  };

  // The identity a request proves, or the answer refusing it: 401 without credentials, or with
  // an unknown, expired, revoked or disabled one (one answer for all), 403 for a cookie-signed
  // request that changes something without its session's CSRF token, 429 (with Retry-After) for
  // a session or token over its rate, 503 when the account store cannot be read. `require_csrf` false skips the CSRF check (signing out of a session that
  // already ended must still clear the cookie).
  std::variant<Identity, HttpResponse> Authenticate(const HttpRequest& request,
                                                    bool require_csrf = true);

  // Whether the request carries credentials at all (a Bearer header or the session cookie).
  static bool HasCredentials(const HttpRequest& request);

  struct SignInResult {
    std::optional<Identity> identity;  // set when signed in
    std::string cookie_value;          // the new session's id, for SessionCookie
    // Why it was refused, for the audit log only: SignInRefusalName's words, "bad link",
    // or a store error.
    std::string refusal;
    std::optional<Error> failure;  // the store could not be read or written (answer 503)
  };

  // Signs in with a password (analytics/sign_in.h's rule, one verification per call whatever the
  // outcome; calls are taken one at a time so failures count exactly).
  SignInResult SignIn(const std::string& account, const std::string& password,
                      const std::string& remote_address);

  // A new one-time sign-in link token for the local administrator; it works once, within
  // link_lifetime. kInternal when the RNG fails.
  Result<std::string> CreateSignInLink();
  // Exchanges a link token for a session of Principal{"local-admin", admin, every compartment}.
  SignInResult ExchangeSignInLink(const std::string& token, const std::string& remote_address);

  // Ends the session the request's cookie names, if any, for every server on the store. Returns
  // whether one ended (false too when the store could not be written).
  bool SignOut(const HttpRequest& request);

  // The CSRF token of the session whose cookie has `cookie_value`.
  static std::string CsrfTokenFor(const std::string& cookie_value);

  // Set-Cookie values: the session's cookie, and one that deletes it.
  std::string SessionCookie(const std::string& cookie_value) const;
  std::string ClearedCookie() const;

  // The account store's accounts, for `ordo serve`'s decision to print a sign-in link.
  Result<bool> HasAccounts();

  // Local administrator sessions held in this process.
  std::size_t session_count();
  const AuthOptions& options() const { return options_; }

 private:
  struct SessionEntry {  // a local administrator's session
    std::chrono::system_clock::time_point created;
    std::chrono::system_clock::time_point last_seen;
  };

  struct Bucket {
    double tokens = 0;
    std::chrono::steady_clock::time_point refilled;
  };

  class StoreLease;
  // nullopt when `key` (a session's or token's hash) may make one more request now; else 429.
  std::optional<HttpResponse> OverRate(const std::string& key);
  std::chrono::system_clock::time_point Now() const;
  Result<std::unique_ptr<storage::AccountStore>> Borrow();
  void Return(std::unique_ptr<storage::AccountStore> store);
  std::variant<Identity, HttpResponse> FromToken(const std::string& token,
                                                 const std::string& remote_address);
  std::variant<Identity, HttpResponse> FromSession(const HttpRequest& request,
                                                   const std::string& cookie_value,
                                                   bool require_csrf);
  std::variant<Identity, HttpResponse> FromLocalSession(const HttpRequest& request,
                                                        const std::string& cookie_value,
                                                        bool require_csrf);
  // Opens a session of `account` (nullptr: the local administrator) in the store or, for the
  // local administrator, in memory; fills result.identity and result.cookie_value, or
  // result.failure (result.refusal for an account disabled or gone meanwhile).
  void OpenSession(storage::AccountStore* store, const storage::StoredAccount* account,
                   std::shared_ptr<Principal> principal, SignInResult& result);
  // Deletes expired sessions from the store, at most once per session_sweep.
  void MaybeSweep(storage::AccountStore& store, std::chrono::system_clock::time_point now);

  const AccountStoreOpener open_accounts_;
  const AuthOptions options_;

  std::mutex stores_mutex_;
  std::vector<std::unique_ptr<storage::AccountStore>> idle_stores_;

  std::mutex sessions_mutex_;
  std::unordered_map<std::string, SessionEntry> local_sessions_;  // by SHA-256 of the cookie value
  std::chrono::system_clock::time_point last_sweep_{};
  std::unordered_map<std::string, std::chrono::system_clock::time_point> links_;  // by SHA-256

  std::mutex sign_in_mutex_;  // one password sign-in at a time

  std::mutex rate_mutex_;
  std::unordered_map<std::string, Bucket> buckets_;  // by credential hash
};

// The value of the cookie `name` in a Cookie header ("a=1; ordo_session=xyz"), or "".
std::string CookieValue(const std::string& header, const std::string& name);

}  // namespace ordo::api
