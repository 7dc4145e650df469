#pragma once
// Query-string parameters of an API request, parsed and validated against what the route declares
// (ParamSpec), so a route only ever sees well-formed values. Anything else is a QueryProblem that
// names the parameter: unknown names, repeated names, bad escapes or %00, values over 1 KiB,
// integers or numbers that are malformed or out of range, dates PartialDate::Parse rejects, a language other
// than en/ru/ky, a boolean other than true/false/1/0, a value outside a closed list.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/country.h"
#include "core/partial_date.h"

namespace ordo::api {

enum class ParamKind {
  kText,      // any text (percent-decoded, UTF-8, no control characters)
  kInteger,   // a decimal integer in [min, max]
  kDate,      // YYYY, YYYY-MM or YYYY-MM-DD, a date that exists
  kBoolean,   // true, false, 1 or 0
  kLanguage,  // en, ru or ky
  kChoice,    // one of `choices`
  kNumber,    // a plain decimal number ("12", "0.5", "-3.25") in [number_min, number_max]
};

struct ParamSpec {
  std::string name;
  ParamKind kind = ParamKind::kText;
  std::int64_t min = 0;  // kInteger only, inclusive
  std::int64_t max = 0;
  std::vector<std::string> choices;  // kChoice only
  std::string description;           // for error messages and the route listing
  double number_min = 0;             // kNumber only, inclusive
  double number_max = 0;
  // May be given several times (up to kMaxParamRepeats), each value checked alone; All() has them
  // in the order given. Otherwise a second one is a QueryProblem.
  bool repeatable = false;
};

// The longest value accepted, after decoding.
inline constexpr std::size_t kMaxParamValueBytes = 1024;
// The most values a repeatable parameter takes.
inline constexpr std::size_t kMaxParamRepeats = 100;

struct QueryProblem {
  std::string parameter;  // the name as sent (decoded), or empty when it cannot be shown
  std::string message;
};

// Immutable once parsed; safe to read from several threads.
class QueryParams {
 public:
  // Parses `raw_query` (the text after '?', possibly empty): pieces separated by '&', each
  // "name=value" with percent-escapes and '+' for space. A piece without '=' and a value that is
  // empty both count as absent. Returns the first problem in the order of the query string.
  static std::variant<QueryParams, QueryProblem> Parse(std::string_view raw_query,
                                                       const std::vector<ParamSpec>& specs);

  bool Has(std::string_view name) const { return values_.count(std::string(name)) > 0; }
  // The decoded value; empty when absent. For a repeatable parameter, the first value.
  const std::string& Text(std::string_view name) const;
  // Every value of a repeatable parameter in the order given (one for any other parameter
  // present); empty when absent.
  std::vector<std::string> All(std::string_view name) const;
  // kInteger values; `fallback` when absent.
  std::int64_t Integer(std::string_view name, std::int64_t fallback) const;
  std::optional<std::int64_t> OptionalInteger(std::string_view name) const;
  // kNumber values; `fallback` when absent.
  double Number(std::string_view name, double fallback) const;
  // kDate values.
  std::optional<PartialDate> Date(std::string_view name) const;
  // kBoolean values; false when absent.
  bool Flag(std::string_view name) const;
  // The kLanguage parameter `name`; English when absent.
  Language Lang(std::string_view name) const;

  // Every present parameter as "name=value", sorted by name, joined unambiguously: the query part
  // of a cache key, equal for "?b=2&a=1" and "?a=1&b=2".
  std::string Normalized() const;

 private:
  std::map<std::string, std::string, std::less<>> values_;
  // The second and later values of repeatable parameters.
  std::map<std::string, std::vector<std::string>, std::less<>> more_values_;
};

}  // namespace ordo::api
