#include "storage/memory/memory_account_store.h"

#include <algorithm>

#include "core/sha256.h"

namespace ordo::storage {

Status MemoryAccountStore::AddAccount(const StoredAccount& account) {
  ORDO_TRY(canonical, CanonicalAccount(account));
  const std::string& name = canonical.account.name;
  if (accounts_.count(name) != 0) return AlreadyExists("account '" + name + "' already exists");
  accounts_.emplace(name, std::move(canonical));
  return OkStatus();
}

Status MemoryAccountStore::UpdateAccount(const StoredAccount& account) {
  ORDO_TRY(canonical, CanonicalAccount(account));
  auto found = accounts_.find(canonical.account.name);
  if (found == accounts_.end()) return NotFound("no account '" + canonical.account.name + "'");
  found->second = std::move(canonical);
  const StoredAccount& stored = found->second;
  const std::string fingerprint = Sha256Hex(stored.password_hash);
  std::erase_if(sessions_, [&](const auto& item) {
    const StoredSession& session = item.second;
    return session.account == stored.account.name &&
           (stored.account.disabled || session.password_fingerprint != fingerprint);
  });
  return OkStatus();
}

Result<std::optional<StoredAccount>> MemoryAccountStore::FindAccount(const std::string& name) {
  auto found = accounts_.find(name);
  if (found == accounts_.end()) return std::optional<StoredAccount>();
  return std::optional<StoredAccount>(found->second);
}

Result<std::vector<Account>> MemoryAccountStore::ListAccounts() {
  std::vector<Account> accounts;
  for (const auto& [name, stored] : accounts_) accounts.push_back(stored.account);
  return accounts;
}

Status MemoryAccountStore::AddApiToken(const ApiToken& token) {
  if (!IsSha256Hex(token.token_hash)) {
    return InvalidArgument("token hash must be 64 lowercase hex digits");
  }
  if (accounts_.count(token.account) == 0) return NotFound("no account '" + token.account + "'");
  if (tokens_.count(token.token_hash) != 0) return AlreadyExists("token already exists");
  tokens_.emplace(token.token_hash, token);
  return OkStatus();
}

Result<std::optional<ApiToken>> MemoryAccountStore::FindApiToken(const std::string& token_hash) {
  auto found = tokens_.find(token_hash);
  if (found == tokens_.end()) return std::optional<ApiToken>();
  return std::optional<ApiToken>(found->second);
}

Result<std::vector<ApiToken>> MemoryAccountStore::ListApiTokens(const std::string& account) {
  std::vector<ApiToken> tokens;
  for (const auto& [hash, token] : tokens_) {
    if (token.account == account) tokens.push_back(token);
  }
  std::stable_sort(tokens.begin(), tokens.end(), [](const ApiToken& a, const ApiToken& b) {
    return a.created_at < b.created_at;
  });
  return tokens;
}

Status MemoryAccountStore::RevokeApiToken(const std::string& token_hash) {
  auto found = tokens_.find(token_hash);
  if (found == tokens_.end()) return NotFound("no such token");
  found->second.revoked = true;
  return OkStatus();
}

Status MemoryAccountStore::AddSession(const StoredSession& session) {
  if (!IsSha256Hex(session.token_hash)) {
    return InvalidArgument("session hash must be 64 lowercase hex digits");
  }
  auto account = accounts_.find(session.account);
  if (account == accounts_.end()) return NotFound("no account '" + session.account + "'");
  if (account->second.account.disabled) {
    return FailedPrecondition("account '" + session.account + "' is disabled");
  }
  if (!sessions_.emplace(session.token_hash, session).second) {
    return AlreadyExists("session already exists");
  }
  return OkStatus();
}

Result<std::optional<StoredSession>> MemoryAccountStore::FindSession(
    const std::string& token_hash) {
  auto found = sessions_.find(token_hash);
  if (found == sessions_.end()) return std::optional<StoredSession>();
  return std::optional<StoredSession>(found->second);
}

Status MemoryAccountStore::TouchSession(const std::string& token_hash,
                                        const std::string& seen_at) {
  auto found = sessions_.find(token_hash);
  if (found != sessions_.end() && found->second.last_seen_at < seen_at) {
    found->second.last_seen_at = seen_at;
  }
  return OkStatus();
}

Result<bool> MemoryAccountStore::EndSession(const std::string& token_hash) {
  return sessions_.erase(token_hash) > 0;
}

Result<std::size_t> MemoryAccountStore::EndExpiredSessions(const std::string& now,
                                                           const std::string& idle_since) {
  return static_cast<std::size_t>(std::erase_if(sessions_, [&](const auto& item) {
    return item.second.expires_at <= now || item.second.last_seen_at <= idle_since;
  }));
}

Result<std::optional<LoginFailures>> MemoryAccountStore::RecordLoginFailure(
    const std::string& name, const std::string& now, int max_failures,
    const std::string& lock_until) {
  auto found = accounts_.find(name);
  if (found == accounts_.end()) return std::optional<LoginFailures>();
  StoredAccount& stored = found->second;
  if (stored.account.disabled || stored.locked_until > now) return std::optional<LoginFailures>();
  if (stored.failed_logins + 1 >= max_failures) {
    stored.failed_logins = 0;
    stored.locked_until = lock_until;
  } else {
    stored.failed_logins += 1;
  }
  return std::optional<LoginFailures>(LoginFailures{stored.failed_logins, stored.locked_until});
}

Status MemoryAccountStore::ClearLoginFailures(const std::string& name) {
  auto found = accounts_.find(name);
  if (found == accounts_.end()) return NotFound("no account '" + name + "'");
  found->second.failed_logins = 0;
  found->second.locked_until.clear();
  return OkStatus();
}

}  // namespace ordo::storage
