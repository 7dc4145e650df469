#pragma once
// Writes and reads accounts, their compartments and API tokens (the accounts tables) for the
// AccountStore side of both SQL stores. Callers hold a write transaction around the writes.
// Shared by the SQLite and PostgreSQL stores: a template over either backend's handle
// (storage/sql/sql_dialect.h).

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/sha256.h"
#include "storage/account_store.h"
#include "storage/sql/sql_dialect.h"

namespace ordo::storage::sql {

// Runs a statement that returns no rows.
template <typename Statement>
Status RunToEnd(Statement& statement) {
  ORDO_TRY(has_row, statement.Step());
  if (has_row) return Internal("a write statement returned rows");
  return OkStatus();
}

template <typename Connection>
Status InsertCompartments(Connection& connection, const StoredAccount& account) {
  ORDO_TRY(insert, connection.Prepare(
                       "INSERT INTO account_compartments (account, compartment) VALUES (?, ?)"));
  for (const std::string& compartment : account.account.compartments) {
    insert.BindText(account.account.name);
    insert.BindText(compartment);
    ORDO_TRY(outcome, insert.Insert());
    if (outcome != InsertOutcome::kInserted) {
      return Internal("compartment '" + compartment + "' stored twice for '" +
                      account.account.name + "'");
    }
  }
  return OkStatus();
}

template <typename Connection>
Result<std::vector<std::string>> Compartments(Connection& connection, const std::string& name) {
  ORDO_TRY(select, connection.Prepare("SELECT compartment FROM account_compartments WHERE "
                                      "account = ? ORDER BY compartment"));
  select.BindText(name);
  std::vector<std::string> compartments;
  while (true) {
    ORDO_TRY(has_row, select.Step());
    if (!has_row) return compartments;
    compartments.push_back(select.ColumnText(0));
  }
}

inline Result<Role> StoredRole(const std::string& text) {
  auto role = ParseRole(text);
  if (!role) return FailedPrecondition("accounts: " + role.error().message());
  return *role;
}

template <typename Statement>
ApiToken TokenRow(const Statement& row) {
  ApiToken token;
  token.token_hash = row.ColumnText(0);
  token.account = row.ColumnText(1);
  token.label = row.ColumnText(2);
  token.created_at = row.ColumnText(3);
  token.revoked = row.ColumnInt(4) != 0;
  return token;
}

inline constexpr char kTokenColumns[] =
    "SELECT token_hash, account, label, created_at, revoked FROM api_tokens ";

// `account` is canonical (CanonicalAccount). kAlreadyExists / kNotFound as the contract says.
template <typename Connection>
Status InsertAccount(Connection& connection, const StoredAccount& account) {
  ORDO_TRY(insert, connection.Prepare(
                       "INSERT INTO accounts (name, role, disabled, created_at, password_hash, "
                       "failed_logins, locked_until) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  insert.BindText(account.account.name);
  insert.BindText(RoleName(account.account.role));
  insert.BindInt(account.account.disabled ? 1 : 0);
  insert.BindText(account.account.created_at);
  insert.BindText(account.password_hash);
  insert.BindInt(account.failed_logins);
  insert.BindText(account.locked_until);
  ORDO_TRY(outcome, insert.Insert());
  if (outcome == InsertOutcome::kUniqueViolation) {
    return AlreadyExists("account '" + account.account.name + "' already exists");
  }
  if (outcome != InsertOutcome::kInserted) {
    return Internal("account '" + account.account.name + "' could not be stored");
  }
  return InsertCompartments(connection, account);
}

template <typename Connection>
Status ReplaceAccount(Connection& connection, const StoredAccount& account) {
  ORDO_TRY(update, connection.Prepare(
                       "UPDATE accounts SET role = ?, disabled = ?, created_at = ?, "
                       "password_hash = ?, failed_logins = ?, locked_until = ? WHERE name = ? "
                       "RETURNING 1"));
  update.BindText(RoleName(account.account.role));
  update.BindInt(account.account.disabled ? 1 : 0);
  update.BindText(account.account.created_at);
  update.BindText(account.password_hash);
  update.BindInt(account.failed_logins);
  update.BindText(account.locked_until);
  update.BindText(account.account.name);
  ORDO_TRY(changed, update.Step());
  if (!changed) return NotFound("no account '" + account.account.name + "'");
  ORDO_TRY(remove, connection.Prepare("DELETE FROM account_compartments WHERE account = ?"));
  remove.BindText(account.account.name);
  ORDO_RETURN_IF_ERROR(RunToEnd(remove));
  ORDO_RETURN_IF_ERROR(InsertCompartments(connection, account));
  // A disabled account keeps no session; a new password ends those opened with another.
  ORDO_TRY(end_sessions,
           connection.Prepare(account.account.disabled
                                  ? "DELETE FROM sessions WHERE account = ?"
                                  : "DELETE FROM sessions WHERE account = ? AND "
                                    "password_fingerprint <> ?"));
  end_sessions.BindText(account.account.name);
  if (!account.account.disabled) end_sessions.BindText(Sha256Hex(account.password_hash));
  return RunToEnd(end_sessions);
}

template <typename Connection>
Result<std::optional<StoredAccount>> SelectAccount(Connection& connection,
                                                   const std::string& name) {
  ORDO_TRY(select, connection.Prepare(
                       "SELECT name, role, disabled, created_at, password_hash, failed_logins, "
                       "locked_until FROM accounts WHERE name = ?"));
  select.BindText(name);
  ORDO_TRY(has_row, select.Step());
  if (!has_row) return std::optional<StoredAccount>();
  StoredAccount stored;
  stored.account.name = select.ColumnText(0);
  ORDO_TRY(role, StoredRole(select.ColumnText(1)));
  stored.account.role = role;
  stored.account.disabled = select.ColumnInt(2) != 0;
  stored.account.created_at = select.ColumnText(3);
  stored.password_hash = select.ColumnText(4);
  stored.failed_logins = static_cast<int>(select.ColumnInt(5));
  stored.locked_until = select.ColumnText(6);
  ORDO_TRY(compartments, Compartments(connection, name));
  stored.account.compartments = std::move(compartments);
  return std::optional<StoredAccount>(std::move(stored));
}

template <typename Connection>
Result<std::vector<Account>> SelectAccounts(Connection& connection) {
  ORDO_TRY(select, connection.Prepare("SELECT name FROM accounts ORDER BY name"));
  std::vector<std::string> names;
  while (true) {
    ORDO_TRY(has_row, select.Step());
    if (!has_row) break;
    names.push_back(select.ColumnText(0));
  }
  std::vector<Account> accounts;
  for (const std::string& name : names) {
    ORDO_TRY(stored, SelectAccount(connection, name));
    if (stored) accounts.push_back(stored->account);
  }
  return accounts;
}

template <typename Connection>
Status InsertApiToken(Connection& connection, const ApiToken& token) {
  if (!IsSha256Hex(token.token_hash)) {
    return InvalidArgument("token hash must be 64 lowercase hex digits");
  }
  ORDO_TRY(owner, connection.Prepare("SELECT 1 FROM accounts WHERE name = ?"));
  owner.BindText(token.account);
  ORDO_TRY(has_owner, owner.Step());
  if (!has_owner) return NotFound("no account '" + token.account + "'");
  ORDO_TRY(insert, connection.Prepare("INSERT INTO api_tokens (token_hash, account, label, "
                                      "created_at, revoked) VALUES (?, ?, ?, ?, ?)"));
  insert.BindText(token.token_hash);
  insert.BindText(token.account);
  insert.BindText(token.label);
  insert.BindText(token.created_at);
  insert.BindInt(token.revoked ? 1 : 0);
  ORDO_TRY(outcome, insert.Insert());
  if (outcome == InsertOutcome::kUniqueViolation) return AlreadyExists("token already exists");
  if (outcome != InsertOutcome::kInserted) return Internal("token could not be stored");
  return OkStatus();
}

template <typename Connection>
Result<std::optional<ApiToken>> SelectApiToken(Connection& connection,
                                               const std::string& token_hash) {
  ORDO_TRY(select, connection.Prepare(std::string(kTokenColumns) + "WHERE token_hash = ?"));
  select.BindText(token_hash);
  ORDO_TRY(has_row, select.Step());
  if (!has_row) return std::optional<ApiToken>();
  return std::optional<ApiToken>(TokenRow(select));
}

template <typename Connection>
Result<std::vector<ApiToken>> SelectApiTokens(Connection& connection, const std::string& account) {
  ORDO_TRY(select, connection.Prepare(std::string(kTokenColumns) +
                                      "WHERE account = ? ORDER BY created_at, token_hash"));
  select.BindText(account);
  std::vector<ApiToken> tokens;
  while (true) {
    ORDO_TRY(has_row, select.Step());
    if (!has_row) return tokens;
    tokens.push_back(TokenRow(select));
  }
}

template <typename Connection>
Status MarkApiTokenRevoked(Connection& connection, const std::string& token_hash) {
  ORDO_TRY(update, connection.Prepare(
                       "UPDATE api_tokens SET revoked = 1 WHERE token_hash = ? RETURNING 1"));
  update.BindText(token_hash);
  ORDO_TRY(changed, update.Step());
  if (!changed) return NotFound("no such token");
  return OkStatus();
}

inline constexpr char kSessionColumns[] =
    "SELECT token_hash, account, password_fingerprint, created_at, last_seen_at, expires_at "
    "FROM sessions ";

// Callers hold a write transaction around it on SQLite; PostgreSQL runs it as it is, and the
// INSERT checks the account again in its own statement.
// The contract's refusals come back with `*refused` set, so that the caller passes them on as
// they are; the database's own errors without.
template <typename Connection>
Status InsertSession(Connection& connection, const StoredSession& session, bool* refused) {
  *refused = true;
  if (!IsSha256Hex(session.token_hash)) {
    return InvalidArgument("session hash must be 64 lowercase hex digits");
  }
  *refused = false;
  ORDO_TRY(owner, connection.Prepare("SELECT disabled FROM accounts WHERE name = ?"));
  owner.BindText(session.account);
  ORDO_TRY(has_owner, owner.Step());
  *refused = true;
  if (!has_owner) return NotFound("no account '" + session.account + "'");
  if (owner.ColumnInt(0) != 0) {
    return FailedPrecondition("account '" + session.account + "' is disabled");
  }
  *refused = false;
  // Inserted only while the account is still enabled. On PostgreSQL the account's row is locked
  // FOR SHARE, so a disable running at the same time either waits for this insert (and its
  // DELETE of the account's sessions then sees the new one) or commits first (and this SELECT,
  // re-checked on the new row, finds the account disabled and inserts nothing).
  ORDO_TRY(insert, connection.Prepare(
                       std::string("INSERT INTO sessions (token_hash, account, password_fingerprint, "
                                   "created_at, last_seen_at, expires_at) SELECT ?, name, ?, ?, ?, "
                                   "? FROM accounts WHERE name = ? AND disabled = 0") +
                       std::string(Connection::kForShare)));
  insert.BindText(session.token_hash);
  insert.BindText(session.password_fingerprint);
  insert.BindText(session.created_at);
  insert.BindText(session.last_seen_at);
  insert.BindText(session.expires_at);
  insert.BindText(session.account);
  ORDO_TRY(outcome, insert.Insert());
  *refused = outcome == InsertOutcome::kUniqueViolation;
  if (outcome == InsertOutcome::kUniqueViolation) return AlreadyExists("session already exists");
  if (outcome != InsertOutcome::kInserted) return Internal("session could not be stored");
  // Nothing inserted: the account was disabled in between.
  ORDO_TRY(stored, connection.Prepare("SELECT 1 FROM sessions WHERE token_hash = ?"));
  stored.BindText(session.token_hash);
  ORDO_TRY(has_row, stored.Step());
  *refused = !has_row;
  if (!has_row) return FailedPrecondition("account '" + session.account + "' is disabled");
  return OkStatus();
}

template <typename Connection>
Result<std::optional<StoredSession>> SelectSession(Connection& connection,
                                                   const std::string& token_hash) {
  ORDO_TRY(select, connection.Prepare(std::string(kSessionColumns) + "WHERE token_hash = ?"));
  select.BindText(token_hash);
  ORDO_TRY(has_row, select.Step());
  if (!has_row) return std::optional<StoredSession>();
  StoredSession session;
  session.token_hash = select.ColumnText(0);
  session.account = select.ColumnText(1);
  session.password_fingerprint = select.ColumnText(2);
  session.created_at = select.ColumnText(3);
  session.last_seen_at = select.ColumnText(4);
  session.expires_at = select.ColumnText(5);
  return std::optional<StoredSession>(std::move(session));
}

template <typename Connection>
Status UpdateSessionSeen(Connection& connection, const std::string& token_hash,
                         const std::string& seen_at) {
  ORDO_TRY(update, connection.Prepare(
                       "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ? AND "
                       "last_seen_at < ?"));
  update.BindText(seen_at);
  update.BindText(token_hash);
  update.BindText(seen_at);
  return RunToEnd(update);
}

template <typename Connection>
Result<bool> DeleteSession(Connection& connection, const std::string& token_hash) {
  ORDO_TRY(remove,
           connection.Prepare("DELETE FROM sessions WHERE token_hash = ? RETURNING 1"));
  remove.BindText(token_hash);
  return remove.Step();
}

template <typename Connection>
Result<std::size_t> DeleteExpiredSessions(Connection& connection, const std::string& now,
                                          const std::string& idle_since) {
  ORDO_TRY(remove, connection.Prepare("DELETE FROM sessions WHERE expires_at <= ? OR "
                                      "last_seen_at <= ? RETURNING 1"));
  remove.BindText(now);
  remove.BindText(idle_since);
  std::size_t removed = 0;
  while (true) {
    ORDO_TRY(has_row, remove.Step());
    if (!has_row) return removed;
    ++removed;
  }
}

// One statement: two servers counting failures of one account at once lose none.
template <typename Connection>
Result<std::optional<LoginFailures>> CountLoginFailure(Connection& connection,
                                                       const std::string& name,
                                                       const std::string& now, int max_failures,
                                                       const std::string& lock_until) {
  ORDO_TRY(update, connection.Prepare(
                       "UPDATE accounts SET "
                       "failed_logins = CASE WHEN failed_logins + 1 >= ? THEN 0 "
                       "ELSE failed_logins + 1 END, "
                       "locked_until = CASE WHEN failed_logins + 1 >= ? THEN ? "
                       "ELSE locked_until END "
                       "WHERE name = ? AND disabled = 0 AND locked_until <= ? "
                       "RETURNING failed_logins, locked_until"));
  update.BindInt(max_failures);
  update.BindInt(max_failures);
  update.BindText(lock_until);
  update.BindText(name);
  update.BindText(now);
  ORDO_TRY(counted, update.Step());
  if (!counted) return std::optional<LoginFailures>();
  LoginFailures failures{static_cast<int>(update.ColumnInt(0)), update.ColumnText(1)};
  // Read the statement to its end (SQLite finishes an UPDATE ... RETURNING on the last step).
  ORDO_TRY(more, update.Step());
  if (more) return Internal("account '" + name + "' is stored twice");
  return std::optional<LoginFailures>(std::move(failures));
}

template <typename Connection>
Status ResetLoginFailures(Connection& connection, const std::string& name) {
  ORDO_TRY(update, connection.Prepare("UPDATE accounts SET failed_logins = 0, locked_until = '' "
                                      "WHERE name = ? RETURNING 1"));
  update.BindText(name);
  ORDO_TRY(changed, update.Step());
  if (!changed) return NotFound("no account '" + name + "'");
  return OkStatus();
}

}  // namespace ordo::storage::sql
