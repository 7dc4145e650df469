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

}  // namespace ordo::storage
