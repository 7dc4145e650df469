#pragma once
// Result<T> holds a T or an Error; Status is Result<void>. Member names mirror std::expected
// (has_value, value, error, operator*, operator->) so a later move to C++23 is an alias.

#include <optional>
#include <utility>
#include <variant>

#include "core/assert.h"
#include "core/error.h"

namespace ordo {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit on purpose
  Result(Error error) : data_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool has_value() const { return data_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  // Precondition: has_value().
  T& value() & {
    ORDO_ASSERT(has_value(), "value() on an error Result");
    return std::get<0>(data_);
  }
  const T& value() const& {
    ORDO_ASSERT(has_value(), "value() on an error Result");
    return std::get<0>(data_);
  }
  T&& value() && {
    ORDO_ASSERT(has_value(), "value() on an error Result");
    return std::get<0>(std::move(data_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // Precondition: !has_value().
  const Error& error() const {
    ORDO_ASSERT(!has_value(), "error() on a value Result");
    return std::get<1>(data_);
  }

 private:
  std::variant<T, Error> data_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT: implicit on purpose

  bool has_value() const { return !error_.has_value(); }
  explicit operator bool() const { return has_value(); }
  const Error& error() const {
    ORDO_ASSERT(error_.has_value(), "error() on an ok Status");
    return *error_;
  }

 private:
  std::optional<Error> error_;
};

using Status = Result<void>;

inline Status OkStatus() { return Status(); }

}  // namespace ordo

// ORDO_TRY(var, expr): evaluates expr (a Result<T>), returns its error from the enclosing function,
// or moves the value into a new variable `var`.
#define ORDO_TRY(var, expr)                                \
  auto var##_result_ = (expr);                             \
  if (!var##_result_.has_value()) return var##_result_.error(); \
  auto var = std::move(var##_result_).value()

// ORDO_RETURN_IF_ERROR(expr): returns the error of a Status-valued expression.
#define ORDO_RETURN_IF_ERROR(expr)                       \
  do {                                                   \
    auto ordo_status_ = (expr);                          \
    if (!ordo_status_.has_value()) return ordo_status_.error(); \
  } while (false)
