#include "api/authenticator.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "analytics/password_hash.h"
#include "api/error_response.h"
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

std::variant<Authenticator::Identity, HttpResponse> Authenticator::FromSession(
    const HttpRequest& request, const std::string& cookie_value, bool require_csrf) {
  const std::string key = Sha256Hex(cookie_value);
  const auto now = Now();
  SessionEntry entry;
  {
    std::lock_guard lock(sessions_mutex_);
    auto found = sessions_.find(key);
    if (found == sessions_.end()) return NotSignedIn();
    if (now - found->second.last_seen >= options_.session_idle ||
        now - found->second.created >= options_.session_max) {
      sessions_.erase(found);
      return NotSignedIn();
    }
    entry = found->second;
  }
  if (require_csrf && ChangesSomething(request) && !SameSecret(request.csrf_token, entry.csrf_token)) {
    return CsrfRefused();
  }
  if (auto refusal = OverRate("s" + key)) return std::move(*refusal);
  Identity identity;
  identity.via_session = true;
  identity.csrf_token = entry.csrf_token;
  if (entry.local_admin) {
    identity.principal = LocalAdmin(request.remote_address);
  } else {
    auto borrowed = Borrow();
    if (!borrowed) return StoreUnavailable(borrowed.error());
    StoreLease store(*this, std::move(*borrowed));
    auto account = store->FindAccount(entry.account);
    if (!account) {
      store.Failed();
      return StoreUnavailable(account.error());
    }
    if (!*account || (*account)->account.disabled ||
        Sha256Hex((*account)->password_hash) != entry.password_fingerprint) {
      std::lock_guard lock(sessions_mutex_);
      sessions_.erase(key);
      return NotSignedIn();
    }
    identity.principal = PrincipalOf((*account)->account, request.remote_address, "session");
  }
  {
    std::lock_guard lock(sessions_mutex_);
    auto found = sessions_.find(key);
    if (found == sessions_.end()) return NotSignedIn();  // signed out meanwhile
    found->second.last_seen = std::max(found->second.last_seen, now);
  }
  identity.expires_at = std::min(now + options_.session_idle, entry.created + options_.session_max);
  return identity;
}

void Authenticator::OpenSession(SessionEntry entry, std::shared_ptr<Principal> principal,
                                SignInResult& result) {
  auto id = analytics::NewSecretToken();
  auto csrf = analytics::NewSecretToken();
  if (!id || !csrf) {
    result.failure = id ? csrf.error() : id.error();
    result.refusal = result.failure->message();
    return;
  }
  const auto now = Now();
  entry.csrf_token = *csrf;
  entry.created = now;
  entry.last_seen = now;
  {
    std::lock_guard lock(sessions_mutex_);
    if (sessions_.size() >= options_.max_sessions) {
      std::erase_if(sessions_, [&](const auto& item) {
        return now - item.second.last_seen >= options_.session_idle ||
               now - item.second.created >= options_.session_max;
      });
    }
    if (sessions_.size() >= options_.max_sessions && !sessions_.empty()) {
      auto oldest = std::min_element(sessions_.begin(), sessions_.end(),
                                     [](const auto& a, const auto& b) {
                                       return a.second.last_seen < b.second.last_seen;
                                     });
      sessions_.erase(oldest);
    }
    sessions_.emplace(Sha256Hex(*id), entry);
  }
  Identity identity;
  identity.principal = std::move(principal);
  identity.via_session = true;
  identity.csrf_token = *csrf;
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
  // A name that cannot be an account is looked up all the same (and found missing), so that it
  // costs what any unknown name costs.
  auto found = store->FindAccount(account);
  if (!found) {
    store.Failed();
    result.failure = found.error();
    result.refusal = found.error().message();
    return result;
  }
  const analytics::SignInVerdict verdict =
      analytics::DecideSignIn(*found, password, Now(), options_.lockout);
  result.refusal = std::string(analytics::SignInRefusalName(verdict.refusal));
  std::optional<storage::StoredAccount> current = *found;
  if (verdict.update) {
    // Re-read just before writing and change only the failure state, so that what another process
    // changed during the password check (a disable, a new password) is kept.
    auto fresh = store->FindAccount(account);
    if (!fresh) {
      store.Failed();
      result.failure = fresh.error();
      result.refusal = fresh.error().message();
      return result;
    }
    current = *fresh;
    if (!current || current->password_hash != (*found)->password_hash ||
        current->account.disabled) {
      result.refusal = "changed during sign-in";
      return result;
    }
    current->failed_logins = verdict.update->failed_logins;
    current->locked_until = verdict.update->locked_until;
    if (Status written = store->UpdateAccount(*current); !written.has_value()) {
      store.Failed();
      result.failure = written.error();
      result.refusal = written.error().message();
      return result;
    }
  }
  if (!verdict.accepted) return result;
  SessionEntry entry;
  entry.account = current->account.name;
  entry.password_fingerprint = Sha256Hex(current->password_hash);
  OpenSession(std::move(entry), PrincipalOf(current->account, remote_address, "session"), result);
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
  SessionEntry entry;
  entry.account = kLocalAdminAccount;
  entry.local_admin = true;
  OpenSession(std::move(entry), LocalAdmin(remote_address), result);
  return result;
}

bool Authenticator::SignOut(const HttpRequest& request) {
  const std::string cookie = CookieValue(request.cookie, kSessionCookie);
  if (cookie.empty()) return false;
  std::lock_guard lock(sessions_mutex_);
  return sessions_.erase(Sha256Hex(cookie)) > 0;
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
  return sessions_.size();
}

}  // namespace ordo::api
