#pragma once
// How both SQL stores word their errors: a problem of the database names it (its path, or the
// PostgreSQL URI without the password), while an answer about what the caller passed (a duplicate,
// a bad row, an unknown account) comes back as it is.

#include <optional>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "core/result.h"

namespace ordo::storage::sql {

// Names the database in errors that are about it, not about the rows a caller passed.
inline Error AboutDatabase(const std::string& database, const Error& error) {
  if (error.code() == ErrorCode::kAlreadyExists || error.code() == ErrorCode::kInvalidArgument) {
    return error;
  }
  return Error(error.code(), fmt::format("{}: {}", database, error.message()));
}

template <typename T>
Result<T> AboutDatabase(const std::string& database, Result<T> result) {
  if (!result) return AboutDatabase(database, result.error());
  return result;
}

// The account side's kNotFound (no such account or token) is the contract's answer about what the
// caller named, not a problem of the database, so it does not name the database either.
inline Status AboutAccounts(const std::string& database, Status status) {
  if (!status && status.error().code() == ErrorCode::kNotFound) return status;
  return AboutDatabase(database, std::move(status));
}

// Runs a row walk `walk(visitor)` that hands each row to `visit`: the visitor's own error comes
// back as it is, the store's errors name the database.
template <typename Row, typename Walk, typename Visit>
Status WalkRows(const std::string& database, Walk walk, const Visit& visit) {
  std::optional<Error> visitor_error;
  Status walked = walk([&](const Row& row) {
    Status visited = visit(row);
    if (!visited) visitor_error = visited.error();
    return visited;
  });
  if (visitor_error) return *visitor_error;
  return AboutDatabase(database, std::move(walked));
}

}  // namespace ordo::storage::sql
