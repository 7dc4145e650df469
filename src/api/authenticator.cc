#include "api/authenticator.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "analytics/password_hash.h"
#include "api/error_response.h"
#include "core/audit_record.h"
#include "core/sha256.h"

namespace ordo::api {
namespace {

// One answer for every kind of bad or missing credential, so that it tells nothing.
HttpResponse NotSignedIn() {
  return ProtocolErrorResponse(401, "sign in first: no valid session or API token");
}

HttpResponse CsrfRefused() {
  return ProtocolErrorResponse(403,
                               "a request that changes something on a signed-in session needs the "
                               "session's CSRF token in the X-CSRF-Token header");
}

bool SameSecret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && !a.empty() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

// The token of "Bearer TOKEN" (scheme in any letter case), or "".
std::string BearerToken(const std::string& header) {
  constexpr std::string_view kScheme = "bearer ";
  if (header.size() <= kScheme.size()) return "";
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(header[i])) != kScheme[i]) return "";
  }
  std::string token = header.substr(kScheme.size());
  while (!token.empty() && token.front() == ' ') token.erase(token.begin());
  while (!token.empty() && token.back() == ' ') token.pop_back();
  return token;
}

bool ChangesSomething(const HttpRequest& request) {
  return request.method != HttpMethod::kGet && request.method != HttpMethod::kHead;
}

}  // namespace

std::string CookieValue(const std::string& header, const std::string& name) {
  std::size_t begin = 0;
  while (begin < header.size()) {
    std::size_t end = header.find(';', begin);
    if (end == std::string::npos) end = header.size();
    std::string_view pair = std::string_view(header).substr(begin, end - begin);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const std::size_t equals = pair.find('=');
    if (equals != std::string_view::npos && pair.substr(0, equals) == name) {
      std::string_view value = pair.substr(equals + 1);
      while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
      return std::string(value);
    }
    begin = end + 1;
  }
  return "";
}

// A borrowed account-store connection, returned on destruction unless it failed.
class Authenticator::StoreLease {
 public:
  StoreLease(Authenticator& owner, std::unique_ptr<storage::AccountStore> store)
      : owner_(owner), store_(std::move(store)) {}
  ~StoreLease() {
    if (store_ && !failed_) owner_.Return(std::move(store_));
  }
  StoreLease(const StoreLease&) = delete;
  StoreLease& operator=(const StoreLease&) = delete;
  storage::AccountStore& operator*() { return *store_; }
  storage::AccountStore* operator->() { return store_.get(); }
  // A connection that returned an error is closed rather than reused.
  void Failed() { failed_ = true; }

 private:
  Authenticator& owner_;
  std::unique_ptr<storage::AccountStore> store_;
  bool failed_ = false;
};

Authenticator::Authenticator(AccountStoreOpener open_accounts, AuthOptions options)
    : open_accounts_(std::move(open_accounts)), options_(std::move(options)) {}

std::chrono::system_clock::time_point Authenticator::Now() const {
  return options_.now ? options_.now() : std::chrono::system_clock::now();
}

Result<std::unique_ptr<storage::AccountStore>> Authenticator::Borrow() {
  {
    std::lock_guard lock(stores_mutex_);
    if (!idle_stores_.empty()) {
      std::unique_ptr<storage::AccountStore> store = std::move(idle_stores_.back());
      idle_stores_.pop_back();
      return store;
    }
  }
  if (!open_accounts_) return FailedPrecondition("this server keeps no accounts");
  return open_accounts_();
}

void Authenticator::Return(std::unique_ptr<storage::AccountStore> store) {
  std::lock_guard lock(stores_mutex_);
  if (idle_stores_.size() < options_.idle_stores) idle_stores_.push_back(std::move(store));
}

bool Authenticator::HasCredentials(const HttpRequest& request) {
  return !BearerToken(request.authorization).empty() ||
         !CookieValue(request.cookie, kSessionCookie).empty();
}

std::variant<Authenticator::Identity, HttpResponse> Authenticator::Authenticate(
    const HttpRequest& request, bool require_csrf) {
  const std::string token = BearerToken(request.authorization);
  if (!token.empty()) return FromToken(token, request.remote_address);
  const std::string cookie = CookieValue(request.cookie, kSessionCookie);
  if (!cookie.empty()) return FromSession(request, cookie, require_csrf);
  return NotSignedIn();
}

namespace {

std::shared_ptr<Principal> PrincipalOf(const Account& account, const std::string& remote,
                                       const char* via) {
  auto principal = std::make_shared<Principal>();
  principal->account = account.name;
  principal->role = account.role;
  principal->compartments = account.compartments;
  principal->remote_address = remote;
  principal->via = via;
  return principal;
}

std::shared_ptr<Principal> LocalAdmin(const std::string& remote) {
  auto principal = std::make_shared<Principal>();
  principal->account = kLocalAdminAccount;
  principal->role = Role::kAdmin;
  principal->every_compartment = true;
  principal->remote_address = remote;
  principal->via = "session";
  return principal;
}

HttpResponse StoreUnavailable(const Error& error) {
  return ErrorResponse(Unavailable("cannot read the accounts: " + error.message()));
}

}  // namespace

std::optional<HttpResponse> Authenticator::OverRate(const std::string& key) {
  if (options_.rate_per_second <= 0) return std::nullopt;
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(rate_mutex_);
  if (buckets_.size() > 4 * options_.max_sessions) {
    // Forget buckets that have refilled completely: they hold nothing a new one would not.
    std::erase_if(buckets_, [&](const auto& item) {
      const std::chrono::duration<double> idle = now - item.second.refilled;
      return item.second.tokens + idle.count() * options_.rate_per_second >= options_.rate_burst;
    });
  }
  auto found = buckets_.try_emplace(key, Bucket{options_.rate_burst, now}).first;
  Bucket& bucket = found->second;
  const std::chrono::duration<double> elapsed = now - bucket.refilled;
  bucket.tokens =
      std::min(options_.rate_burst, bucket.tokens + elapsed.count() * options_.rate_per_second);
  bucket.refilled = now;
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return std::nullopt;
  }
  const double wait = (1 - bucket.tokens) / options_.rate_per_second;
  HttpResponse response = ProtocolErrorResponse(
      429, "too many requests on this session or token; try again after Retry-After seconds");
  response.headers.emplace_back("Retry-After",
                                std::to_string(static_cast<long long>(std::ceil(wait))));
  return response;
}

std::variant<Authenticator::Identity, HttpResponse> Authenticator::FromToken(
    const std::string& token, const std::string& remote_address) {
  const std::string key = Sha256Hex(token);
  auto borrowed = Borrow();
  if (!borrowed) return StoreUnavailable(borrowed.error());
  StoreLease store(*this, std::move(*borrowed));
  auto found = store->FindApiToken(key);
  if (!found) {
    store.Failed();
    return StoreUnavailable(found.error());
  }
  if (!*found || (*found)->revoked) return NotSignedIn();
  auto account = store->FindAccount((*found)->account);
  if (!account) {
    store.Failed();
    return StoreUnavailable(account.error());
  }
  if (!*account || (*account)->account.disabled) return NotSignedIn();
  if (auto refusal = OverRate("t" + key)) return std::move(*refusal);
  Identity identity;
  identity.principal = PrincipalOf((*account)->account, remote_address, "token");
  return identity;
}

namespace {

// AuditTimestamp's form ("2026-12-01T14:40:05.123Z") back to a time; nullopt when it is not.
std::optional<std::chrono::system_clock::time_point> FromTimestamp(const std::string& text) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
  char zulu = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%3d%c", &year, &month, &day, &hour,
                  &minute, &second, &millis, &zulu) != 8 ||
      zulu != 'Z') {
    return std::nullopt;
  }
  std::tm utc{};
  utc.tm_year = year - 1900;
  utc.tm_mon = month - 1;
  utc.tm_mday = day;
  utc.tm_hour = hour;
  utc.tm_min = minute;
  utc.tm_sec = second;
  return std::chrono::system_clock::from_time_t(timegm(&utc)) + std::chrono::milliseconds(millis);
}

}  // namespace

std::string Authenticator::CsrfTokenFor(const std::string& cookie_value) {
  // Bound to the session (only its cookie gives it) yet stored nowhere: any server can check it,
  // and the database, which keeps only the cookie's own SHA-256, cannot give it away.
  return Sha256Hex("ordo-csrf-v1:" + cookie_value);
}

std::variant<Authenticator::Identity, HttpResponse> Authenticator::FromLocalSession(
    const HttpRequest& request, const std::string& cookie_value, bool require_csrf) {
  const std::string key = Sha256Hex(cookie_value);
  const auto now = Now();
  SessionEntry entry;
  {
    std::lock_guard lock(sessions_mutex_);
    auto found = local_sessions_.find(key);
    if (found == local_sessions_.end()) return NotSignedIn();
    if (now - found->second.last_seen >= options_.session_idle ||
        now - found->second.created >= options_.session_max) {
      local_sessions_.erase(found);
      return NotSignedIn();
    }
    entry = found->second;
  }
  const std::string csrf = CsrfTokenFor(cookie_value);
  if (require_csrf && ChangesSomething(request) && !SameSecret(request.csrf_token, csrf)) {
    return CsrfRefused();
  }
  if (auto refusal = OverRate("s" + key)) return std::move(*refusal);
  {
    std::lock_guard lock(sessions_mutex_);
    auto found = local_sessions_.find(key);
    if (found == local_sessions_.end()) return NotSignedIn();  // signed out meanwhile
    found->second.last_seen = std::max(found->second.last_seen, now);
  }
  Identity identity;
  identity.via_session = true;
  identity.csrf_token = csrf;
  identity.principal = LocalAdmin(request.remote_address);
  identity.expires_at = std::min(now + options_.session_idle, entry.created + options_.session_max);
  return identity;
}

std::variant<Authenticator::Identity, HttpResponse> Authenticator::FromSession(
    const HttpRequest& request, const std::string& cookie_value, bool require_csrf) {
  const std::string key = Sha256Hex(cookie_value);
  bool local = false;
  {
    std::lock_guard lock(sessions_mutex_);
    local = local_sessions_.count(key) != 0;
  }
  if (local) return FromLocalSession(request, cookie_value, require_csrf);
  const auto now = Now();
  auto borrowed = Borrow();
  if (!borrowed) return StoreUnavailable(borrowed.error());
  StoreLease store(*this, std::move(*borrowed));
  auto found = store->FindSession(key);
  if (!found) {
    store.Failed();
    return StoreUnavailable(found.error());
  }
  if (!*found) return NotSignedIn();
  const storage::StoredSession& session = **found;
  const auto last_seen = FromTimestamp(session.last_seen_at);
  const auto expires = FromTimestamp(session.expires_at);
  // One that cannot be read is as good as expired.
  if (!last_seen || !expires || now >= *expires || now - *last_seen >= options_.session_idle) {
    (void)store->EndSession(key);
    return NotSignedIn();
  }
  const std::string csrf = CsrfTokenFor(cookie_value);
  if (require_csrf && ChangesSomething(request) && !SameSecret(request.csrf_token, csrf)) {
    return CsrfRefused();
  }
  if (auto refusal = OverRate("s" + key)) return std::move(*refusal);
  auto account = store->FindAccount(session.account);
  if (!account) {
    store.Failed();
    return StoreUnavailable(account.error());
  }
  if (!*account || (*account)->account.disabled ||
      Sha256Hex((*account)->password_hash) != session.password_fingerprint) {
    (void)store->EndSession(key);
    return NotSignedIn();
  }
  // The last use is written once per session_refresh, not on every request.
  auto seen = *last_seen;
  if (now - *last_seen >= std::min(options_.session_refresh, options_.session_idle / 2)) {
    if (Status touched = store->TouchSession(key, AuditTimestamp(now)); !touched) {
      store.Failed();
      return StoreUnavailable(touched.error());
    }
    seen = now;
  }
  Identity identity;
  identity.via_session = true;
  identity.csrf_token = csrf;
  identity.principal = PrincipalOf((*account)->account, request.remote_address, "session");
  identity.expires_at = std::min(seen + options_.session_idle, *expires);
  return identity;
}

void Authenticator::MaybeSweep(storage::AccountStore& store,
                               std::chrono::system_clock::time_point now) {
  {
    std::lock_guard lock(sessions_mutex_);
    if (now - last_sweep_ < options_.session_sweep) return;
    last_sweep_ = now;
  }
  // A failed sweep is tried again at a later sign-in; the expired rows are refused meanwhile.
  (void)store.EndExpiredSessions(AuditTimestamp(now), AuditTimestamp(now - options_.session_idle));
}

void Authenticator::OpenSession(storage::AccountStore* store,
                                const storage::StoredAccount* account,
                                std::shared_ptr<Principal> principal, SignInResult& result) {
  auto id = analytics::NewSecretToken();
  if (!id) {
    result.failure = id.error();
    result.refusal = result.failure->message();
    return;
  }
  const auto now = Now();
  const std::string key = Sha256Hex(*id);
  if (account == nullptr) {
    std::lock_guard lock(sessions_mutex_);
    if (local_sessions_.size() >= options_.max_sessions) {
      std::erase_if(local_sessions_, [&](const auto& item) {
        return now - item.second.last_seen >= options_.session_idle ||
               now - item.second.created >= options_.session_max;
      });
    }
    if (local_sessions_.size() >= options_.max_sessions && !local_sessions_.empty()) {
      auto oldest = std::min_element(local_sessions_.begin(), local_sessions_.end(),
                                     [](const auto& a, const auto& b) {
                                       return a.second.last_seen < b.second.last_seen;
                                     });
      local_sessions_.erase(oldest);
    }
    local_sessions_.emplace(key, SessionEntry{now, now});
  } else {
    storage::StoredSession session;
    session.token_hash = key;
    session.account = account->account.name;
    session.password_fingerprint = Sha256Hex(account->password_hash);
    session.created_at = AuditTimestamp(now);
    session.last_seen_at = session.created_at;
    session.expires_at = AuditTimestamp(now + options_.session_max);
    if (Status added = store->AddSession(session); !added) {
      const ErrorCode code = added.error().code();
      if (code == ErrorCode::kNotFound || code == ErrorCode::kFailedPrecondition) {
        result.refusal = "changed during sign-in";  // disabled or gone meanwhile
      } else {
        result.failure = added.error();
        result.refusal = added.error().message();
      }
      return;
    }
    MaybeSweep(*store, now);
  }
  Identity identity;
  identity.principal = std::move(principal);
  identity.via_session = true;
  identity.csrf_token = CsrfTokenFor(*id);
  identity.expires_at = std::min(now + options_.session_idle, now + options_.session_max);
  result.identity = std::move(identity);
  result.cookie_value = *id;
}

Authenticator::SignInResult Authenticator::SignIn(const std::string& account,
                                                  const std::string& password,
                                                  const std::string& remote_address) {
  SignInResult result;
  std::lock_guard sign_in(sign_in_mutex_);
  auto borrowed = Borrow();
  if (!borrowed) {
    result.failure = borrowed.error();
    result.refusal = borrowed.error().message();
    return result;
  }
  StoreLease store(*this, std::move(*borrowed));
  auto fail = [&](const Error& error) {
    store.Failed();
    result.failure = error;
    result.refusal = error.message();
    return result;
  };
  // A name that cannot be an account is looked up all the same (and found missing), so that it
  // costs what any unknown name costs.
  auto found = store->FindAccount(account);
  if (!found) return fail(found.error());
  const auto now = Now();
  const analytics::SignInVerdict verdict =
      analytics::DecideSignIn(*found, password, now, options_.lockout);
  result.refusal = std::string(analytics::SignInRefusalName(verdict.refusal));
  if (verdict.refusal == analytics::SignInRefusal::kWrongPassword) {
    // Counted by the store in one step, so that servers sharing it lose no failure; it counts
    // nothing when the account was disabled or locked meanwhile.
    auto counted = store->RecordLoginFailure(account, AuditTimestamp(now),
                                             options_.lockout.max_failures,
                                             AuditTimestamp(now + options_.lockout.lock_for));
    if (!counted) return fail(counted.error());
    return result;
  }
  if (!verdict.accepted) return result;
  const storage::StoredAccount& current = **found;
  if (current.failed_logins != 0 || !current.locked_until.empty()) {
    if (Status cleared = store->ClearLoginFailures(current.account.name); !cleared) {
      if (cleared.error().code() != ErrorCode::kNotFound) return fail(cleared.error());
      result.refusal = "changed during sign-in";
      return result;
    }
  }
  OpenSession(&*store, &current, PrincipalOf(current.account, remote_address, "session"), result);
  if (result.failure) store.Failed();
  return result;
}

Result<std::string> Authenticator::CreateSignInLink() {
  ORDO_TRY(token, analytics::NewSecretToken());
  std::lock_guard lock(sessions_mutex_);
  links_.emplace(Sha256Hex(token), Now() + options_.link_lifetime);
  return token;
}

Authenticator::SignInResult Authenticator::ExchangeSignInLink(const std::string& token,
                                                              const std::string& remote_address) {
  SignInResult result;
  bool valid = false;
  {
    std::lock_guard lock(sessions_mutex_);
    auto found = links_.find(Sha256Hex(token));
    if (found != links_.end()) {
      valid = Now() < found->second;
      links_.erase(found);  // once only, even when it came too late
    }
  }
  if (!valid) {
    result.refusal = "bad sign-in link";
    return result;
  }
  OpenSession(nullptr, nullptr, LocalAdmin(remote_address), result);
  return result;
}

bool Authenticator::SignOut(const HttpRequest& request) {
  const std::string cookie = CookieValue(request.cookie, kSessionCookie);
  if (cookie.empty()) return false;
  const std::string key = Sha256Hex(cookie);
  {
    std::lock_guard lock(sessions_mutex_);
    if (local_sessions_.erase(key) > 0) return true;
  }
  auto borrowed = Borrow();
  if (!borrowed) return false;
  StoreLease store(*this, std::move(*borrowed));
  auto ended = store->EndSession(key);
  if (!ended) {
    store.Failed();
    return false;
  }
  return *ended;
}

std::string Authenticator::SessionCookie(const std::string& cookie_value) const {
  return std::string(kSessionCookie) + "=" + cookie_value + "; Path=/; HttpOnly; SameSite=Strict" +
         (options_.secure_cookies ? "; Secure" : "");
}

std::string Authenticator::ClearedCookie() const {
  return std::string(kSessionCookie) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" +
         (options_.secure_cookies ? "; Secure" : "");
}

Result<bool> Authenticator::HasAccounts() {
  ORDO_TRY(borrowed, Borrow());
  StoreLease store(*this, std::move(borrowed));
  auto accounts = store->ListAccounts();
  if (!accounts) {
    store.Failed();
    return accounts.error();
  }
  return !accounts->empty();
}

std::size_t Authenticator::session_count() {
  std::lock_guard lock(sessions_mutex_);
  return local_sessions_.size();
}

}  // namespace ordo::api
