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
  return InsertCompartments(connection, account);
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

}  // namespace ordo::storage::sql
