#pragma once
// MemoryAccountStore: an AccountStore in process memory; the reference behaviour for the account
// store conformance suite.

#include <map>
#include <string>

#include "storage/account_store.h"

namespace ordo::storage {

// Implements the AccountStore contract exactly. Thread-safety: as AccountStore.
class MemoryAccountStore final : public AccountStore {
 public:
  MemoryAccountStore() = default;
  MemoryAccountStore(const MemoryAccountStore&) = delete;
  MemoryAccountStore& operator=(const MemoryAccountStore&) = delete;

  Status AddAccount(const StoredAccount& account) override;
  Status UpdateAccount(const StoredAccount& account) override;
  Result<std::optional<StoredAccount>> FindAccount(const std::string& name) override;
  Result<std::vector<Account>> ListAccounts() override;

  Status AddApiToken(const ApiToken& token) override;
  Result<std::optional<ApiToken>> FindApiToken(const std::string& token_hash) override;
  Result<std::vector<ApiToken>> ListApiTokens(const std::string& account) override;
  Status RevokeApiToken(const std::string& token_hash) override;

  Status AddSession(const StoredSession& session) override;
  Result<std::optional<StoredSession>> FindSession(const std::string& token_hash) override;
  Status TouchSession(const std::string& token_hash, const std::string& seen_at) override;
  Result<bool> EndSession(const std::string& token_hash) override;
  Result<std::size_t> EndExpiredSessions(const std::string& now,
                                         const std::string& idle_since) override;
  Result<std::optional<LoginFailures>> RecordLoginFailure(const std::string& name,
                                                          const std::string& now, int max_failures,
                                                          const std::string& lock_until) override;
  Status ClearLoginFailures(const std::string& name) override;

 private:
  std::map<std::string, StoredAccount> accounts_;  // by name
  std::map<std::string, ApiToken> tokens_;         // by hash
  std::map<std::string, StoredSession> sessions_;  // by hash
};

}  // namespace ordo::storage
