#pragma once
// Vocabulary identifiers, declared once. CountryCode is an ISO 3166-1 alpha-3 code; it is the key
// that joins relations, trade, places and country names.

#include <compare>
#include <string>
#include <string_view>

#include "core/result.h"

namespace ordo {

class CountryCode {
 public:
  CountryCode() = default;

  // Accepts exactly three ASCII letters and upper-cases them ("tur" -> "TUR"). Whether the code is
  // assigned in ISO 3166-1 is checked against the reference data, not here.
  static Result<CountryCode> Parse(std::string_view text);

  const std::string& str() const { return code_; }
  bool empty() const { return code_.empty(); }

  friend auto operator<=>(const CountryCode&, const CountryCode&) = default;

 private:
  explicit CountryCode(std::string code) : code_(std::move(code)) {}
  std::string code_;
};

}  // namespace ordo
