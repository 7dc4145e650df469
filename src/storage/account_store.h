#pragma once
// AccountStore: the storage interface of a multi-user server's accounts (core/account.h), their
// password hashes and login-failure state, and their API tokens (issue #6). Backends:
// memory/memory_account_store.h, sqlite/sqlite_store.h and postgres/postgres_store.h;
// storage/conformance/account_store_conformance.h holds them to this contract. The HTTP server's
// sessions live here too, so that they survive a restart and every server on one database shares
// them. Hashing and the lockout policy are analytics' work (analytics/password_hash.h): the store
// keeps what it is given.

#include <cstddef>
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

// A signed-in browser session (docs/accounts.md, "Signing in over HTTP"). Only the SHA-256 of the
// cookie's value is stored, never the value. Times are AuditTimestamp's form (which sorts as the
// time it names). Sessions are not case data: writing them leaves the data version alone.
struct StoredSession {
  std::string token_hash;  // 64 lowercase hex digits
  std::string account;
  // SHA-256 (hex) of the account's password hash when the session was opened: a session outlives
  // no password change, even one made while it was being opened.
  std::string password_fingerprint;
  std::string created_at;
  std::string last_seen_at;  // refreshed by TouchSession
  std::string expires_at;    // the absolute timeout, fixed at sign-in

  friend bool operator==(const StoredSession&, const StoredSession&) = default;
};

// The failure state after RecordLoginFailure counted one.
struct LoginFailures {
  int failed_logins = 0;     // 0 again when this failure locked the account
  std::string locked_until;  // set when this failure reached the limit, else as it was ("")

  friend bool operator==(const LoginFailures&, const LoginFailures&) = default;
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
//   UpdateAccount also ends (deletes) the account's sessions when it leaves the account disabled,
//     and those whose password_fingerprint is not the SHA-256 of its new password hash.
//   AddSession: kInvalidArgument "session hash must be 64 lowercase hex digits"; kNotFound
//     "no account 'NAME'"; kFailedPrecondition "account 'NAME' is disabled"; kAlreadyExists
//     "session already exists".
//   TouchSession sets last_seen_at to `seen_at` when that is later; no such session: nothing.
//   EndSession deletes one session: true when there was one.
//   EndExpiredSessions deletes every session with expires_at <= now or last_seen_at <=
//     idle_since and says how many.
//   RecordLoginFailure counts one wrong password in one atomic step (two servers counting at once
//     lose none): failed_logins + 1, or, when that reaches max_failures, 0 with locked_until =
//     lock_until. It counts nothing and returns nullopt for an unknown or disabled account, or
//     one locked at `now` (locked_until > now).
//   ClearLoginFailures sets failed_logins 0 and locked_until "": kNotFound "no account 'NAME'".
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

  virtual Status AddSession(const StoredSession& session) = 0;
  virtual Result<std::optional<StoredSession>> FindSession(const std::string& token_hash) = 0;
  virtual Status TouchSession(const std::string& token_hash, const std::string& seen_at) = 0;
  virtual Result<bool> EndSession(const std::string& token_hash) = 0;
  virtual Result<std::size_t> EndExpiredSessions(const std::string& now,
                                                 const std::string& idle_since) = 0;

  virtual Result<std::optional<LoginFailures>> RecordLoginFailure(const std::string& name,
                                                                  const std::string& now,
                                                                  int max_failures,
                                                                  const std::string& lock_until) = 0;
  virtual Status ClearLoginFailures(const std::string& name) = 0;
};

// The checks AddAccount and UpdateAccount share, and the canonical compartment list (sorted, no
// repeats) every backend stores. Backends call it first.
Result<StoredAccount> CanonicalAccount(const StoredAccount& account);

}  // namespace ordo::storage
