#pragma once
// AccountStore: the storage interface of a multi-user server's accounts (core/account.h), their
// password hashes and login-failure state, and their API tokens (issue #6). Backends:
// memory/memory_account_store.h and sqlite/sqlite_store.h; storage/conformance/
// account_store_conformance.h holds them to this contract. Hashing and the lockout policy are
// analytics' work (analytics/password_hash.h): the store keeps what it is given.

#include <optional>
#include <string>
#include <vector>

#include "core/account.h"
#include "core/result.h"

namespace ordo::storage {

struct StoredAccount {
  Account account;
  std::string password_hash;  // an argon2id encoded hash; "" when no password is set
  int failed_logins = 0;      // consecutive failures since the last success
  std::string locked_until;   // UTC timestamp while locked out, "" otherwise

  friend bool operator==(const StoredAccount&, const StoredAccount&) = default;
};

// A token for scripts. Only its SHA-256 is stored; the token itself is shown once when made.
struct ApiToken {
  std::string token_hash;  // 64 lowercase hex digits
  std::string account;
  std::string label;
  std::string created_at;
  bool revoked = false;

  friend bool operator==(const ApiToken&, const ApiToken&) = default;
};

// The contract (every backend, same codes and messages):
//   AddAccount: CheckAccountName and CheckCompartmentName of each compartment (kInvalidArgument),
//     then kAlreadyExists "account 'NAME' already exists". Compartments are stored sorted,
//     without repeats.
//   UpdateAccount replaces everything stored for account.name: kNotFound "no account 'NAME'";
//     the same checks as AddAccount.
//   AddApiToken: kInvalidArgument "token hash must be 64 lowercase hex digits";
//     kNotFound "no account 'NAME'"; kAlreadyExists "token already exists".
//   RevokeApiToken: kNotFound "no such token".
//   Lists are ordered by account name (tokens: by created_at, then hash).
//
// Thread-safety: a store instance is used by one thread at a time.
class AccountStore {
 public:
  virtual ~AccountStore() = default;

  virtual Status AddAccount(const StoredAccount& account) = 0;
  virtual Status UpdateAccount(const StoredAccount& account) = 0;
  virtual Result<std::optional<StoredAccount>> FindAccount(const std::string& name) = 0;
  virtual Result<std::vector<Account>> ListAccounts() = 0;

  virtual Status AddApiToken(const ApiToken& token) = 0;
  virtual Result<std::optional<ApiToken>> FindApiToken(const std::string& token_hash) = 0;
  virtual Result<std::vector<ApiToken>> ListApiTokens(const std::string& account) = 0;
  virtual Status RevokeApiToken(const std::string& token_hash) = 0;
};

// The checks AddAccount and UpdateAccount share, and the canonical compartment list (sorted, no
// repeats) every backend stores. Backends call it first.
Result<StoredAccount> CanonicalAccount(const StoredAccount& account);

}  // namespace ordo::storage
