#pragma once
// Writes and reads accounts, their compartments and API tokens
// (schema/0002_audit_and_accounts.sql) for PostgresStore's AccountStore side. Callers hold a write transaction around the writes.

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/account_store.h"
#include "storage/postgres/internal/pg_handle.h"

namespace ordo::storage::pg_internal {

// `account` is canonical (CanonicalAccount). kAlreadyExists / kNotFound as the contract says.
Status InsertAccount(Connection& connection, const StoredAccount& account);
Status ReplaceAccount(Connection& connection, const StoredAccount& account);
Result<std::optional<StoredAccount>> SelectAccount(Connection& connection, const std::string& name);
Result<std::vector<Account>> SelectAccounts(Connection& connection);

Status InsertApiToken(Connection& connection, const ApiToken& token);
Result<std::optional<ApiToken>> SelectApiToken(Connection& connection,
                                               const std::string& token_hash);
Result<std::vector<ApiToken>> SelectApiTokens(Connection& connection, const std::string& account);
Status MarkApiTokenRevoked(Connection& connection, const std::string& token_hash);

}  // namespace ordo::storage::pg_internal
