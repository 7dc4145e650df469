#pragma once
// Error values for expected failures (bad input, missing rows, unavailable storage). Bugs are
// assertions (ORDO_ASSERT), never Errors. The codes are few on purpose; each says what a caller does.

#include <string>
#include <string_view>

namespace ordo {

enum class ErrorCode {
  // The caller passed something malformed: a bad date, an unknown ISO code in a file, a bad flag.
  // Fix the input; retrying the same call fails the same way.
  kInvalidArgument,
  // The thing asked for does not exist (a country, an organization, a database file).
  kNotFound,
  // A write would duplicate a row that must be unique (a second relation for one country).
  kAlreadyExists,
  // The system is not in a state for this call (schema from a newer Ordo, database not initialised).
  kFailedPrecondition,
  // A dependency failed transiently or could not be reached (disk, database locked or unreadable).
  // Retrying later may succeed.
  kUnavailable,
  // An invariant broke inside Ordo or a library. Report it; the input was probably fine.
  kInternal,
};

// Returns a stable lower-case name for `code`, e.g. "invalid_argument".
std::string_view ErrorCodeName(ErrorCode code);

// An error code with a message meant for the person who sees it.
class Error {
 public:
  Error(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "not_found: no country matches 'Atlantis'".
  std::string ToString() const;

 private:
  ErrorCode code_;
  std::string message_;
};

inline Error InvalidArgument(std::string message) {
  return Error(ErrorCode::kInvalidArgument, std::move(message));
}
inline Error NotFound(std::string message) {
  return Error(ErrorCode::kNotFound, std::move(message));
}
inline Error AlreadyExists(std::string message) {
  return Error(ErrorCode::kAlreadyExists, std::move(message));
}
inline Error FailedPrecondition(std::string message) {
  return Error(ErrorCode::kFailedPrecondition, std::move(message));
}
inline Error Unavailable(std::string message) {
  return Error(ErrorCode::kUnavailable, std::move(message));
}
inline Error Internal(std::string message) {
  return Error(ErrorCode::kInternal, std::move(message));
}

}  // namespace ordo
