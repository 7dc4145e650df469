#include "ingest/internal/field_parsers.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <system_error>
#include <type_traits>

namespace ordo::ingest::internal {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

bool HasOuterSpace(std::string_view text) {
  return !text.empty() && (IsAsciiSpace(text.front()) || IsAsciiSpace(text.back()));
}

std::string Quoted(std::string_view text) {
  std::string quoted = "'";
  quoted += text;
  quoted += '\'';
  return quoted;
}

std::string NumberText(double value) {
  std::string text = std::to_string(value);
  // std::to_string prints six decimals; trim the zeros it adds.
  while (text.find('.') != std::string::npos && (text.back() == '0' || text.back() == '.')) {
    const bool was_dot = text.back() == '.';
    text.pop_back();
    if (was_dot) break;
  }
  return text;
}

template <typename T>
Error OutOfRange(std::string_view text, T min, T max, std::string_view kind) {
  std::string message = Quoted(text);
  if (min == 0 && text.starts_with('-')) {
    return InvalidArgument(message + " is negative; expected a non-negative " + std::string(kind));
  }
  message += kind == "integer" ? " is out of range; expected an " : " is out of range; expected a ";
  message += kind;
  // A maximum at a type's limit is not a domain rule, so it is not shown.
  const bool unbounded = std::is_integral_v<T> ? max >= std::numeric_limits<int>::max()
                                               : max == std::numeric_limits<T>::max();
  if (unbounded) {
    if constexpr (std::is_integral_v<T>) {
      message += " of at least " + std::to_string(min);
    } else {
      message += " of at least " + NumberText(min);
    }
  } else if constexpr (std::is_integral_v<T>) {
    message += " from " + std::to_string(min) + " to " + std::to_string(max);
  } else {
    message += " from " + NumberText(min) + " to " + NumberText(max);
  }
  return InvalidArgument(std::move(message));
}

}  // namespace

Result<std::int64_t> ParseInteger(std::string_view text, std::int64_t min, std::int64_t max) {
  if (HasOuterSpace(text)) return InvalidArgument(Quoted(text) + " has leading or trailing spaces");
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec == std::errc::result_out_of_range) return OutOfRange(text, min, max, "integer");
  if (ec != std::errc() || ptr != end) return InvalidArgument(Quoted(text) + " is not an integer");
  if (value < min || value > max) return OutOfRange(text, min, max, "integer");
  return value;
}

Result<double> ParseNumber(std::string_view text, double min, double max) {
  if (HasOuterSpace(text)) return InvalidArgument(Quoted(text) + " has leading or trailing spaces");
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value, std::chars_format::general);
  if (ec == std::errc::result_out_of_range) return OutOfRange(text, min, max, "number");
  if (ec != std::errc() || ptr != end) return InvalidArgument(Quoted(text) + " is not a number");
  if (!std::isfinite(value)) return InvalidArgument(Quoted(text) + " is not a finite number");
  if (value < min || value > max) return OutOfRange(text, min, max, "number");
  return value == 0 ? 0.0 : value;  // no negative zero
}

Result<CountryCode> ParseKnownCountry(std::string_view text, const KnownCountries& known) {
  auto code = CountryCode::Parse(text);
  if (!code.has_value()) return code.error();
  if (known.count(*code) == 0) {
    return InvalidArgument("unknown ISO 3166-1 alpha-3 code " + Quoted(text));
  }
  return code;
}

Status CheckUrl(std::string_view text) {
  if (!text.starts_with("http://") && !text.starts_with("https://")) {
    return InvalidArgument(Quoted(text) + " is not an http:// or https:// URL");
  }
  for (char c : text) {
    if (IsAsciiSpace(c)) return InvalidArgument(Quoted(text) + " contains a space");
  }
  return OkStatus();
}

}  // namespace ordo::ingest::internal
