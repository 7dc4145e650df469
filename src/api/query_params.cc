#include "api/query_params.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <sstream>

#include "api/percent_decoding.h"

namespace ordo::api {
namespace {

const std::string kEmpty;

std::optional<std::int64_t> ParseInteger(std::string_view text) {
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  auto [stop, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc() || stop != end) return std::nullopt;
  return value;
}

// Digits with at most one '.', optionally after a '-': no exponent, no "inf" or "nan", no hex.
std::optional<double> ParseNumber(std::string_view text) {
  const std::size_t sign = !text.empty() && text.front() == '-' ? 1 : 0;
  const std::string_view digits = text.substr(sign);
  if (digits.empty() || digits.front() == '.' || digits.back() == '.' ||
      std::count(digits.begin(), digits.end(), '.') > 1 ||
      !std::all_of(digits.begin(), digits.end(),
                   [](char c) { return c == '.' || (c >= '0' && c <= '9'); })) {
    return std::nullopt;
  }
  double value = 0;
  const char* end = text.data() + text.size();
  auto [stop, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc() || stop != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string NumberText(double value) {
  std::ostringstream text;
  text << value;
  return text.str();
}

std::string Known(const std::vector<ParamSpec>& specs) {
  std::string names;
  for (const ParamSpec& spec : specs) names += (names.empty() ? "" : ", ") + spec.name;
  return names.empty() ? "none" : names;
}

// Checks a decoded, non-empty value against its spec; returns the complaint or nothing.
std::optional<std::string> CheckValue(const ParamSpec& spec, const std::string& value) {
  if (value.size() > kMaxParamValueBytes) {
    return "longer than " + std::to_string(kMaxParamValueBytes) + " bytes";
  }
  switch (spec.kind) {
    case ParamKind::kText:
      return std::nullopt;
    case ParamKind::kInteger: {
      const bool digits = std::all_of(value.begin() + (value[0] == '-' ? 1 : 0), value.end(),
                                      [](char c) { return c >= '0' && c <= '9'; });
      const std::string range = std::to_string(spec.min) + " to " + std::to_string(spec.max);
      if (!digits || value == "-") return "'" + value + "' is not an integer (" + range + ")";
      const std::optional<std::int64_t> number = ParseInteger(value);
      if (!number || *number < spec.min || *number > spec.max) {
        return "'" + value + "' is out of range (" + range + ")";
      }
      return std::nullopt;
    }
    case ParamKind::kNumber: {
      const std::string range = NumberText(spec.number_min) + " to " + NumberText(spec.number_max);
      const std::optional<double> number = ParseNumber(value);
      if (!number) return "'" + value + "' is not a decimal number (" + range + ")";
      if (*number < spec.number_min || *number > spec.number_max) {
        return "'" + value + "' is out of range (" + range + ")";
      }
      return std::nullopt;
    }
    case ParamKind::kDate: {
      auto date = PartialDate::Parse(value);
      if (!date) return date.error().message();
      return std::nullopt;
    }
    case ParamKind::kBoolean:
      if (value == "true" || value == "false" || value == "1" || value == "0") return std::nullopt;
      return "'" + value + "' is not a boolean (true, false, 1 or 0)";
    case ParamKind::kLanguage:
      if (ParseLanguage(value).has_value()) return std::nullopt;
      return "'" + value + "' is not a language Ordo speaks (en, ru or ky)";
    case ParamKind::kChoice: {
      if (std::find(spec.choices.begin(), spec.choices.end(), value) != spec.choices.end()) {
        return std::nullopt;
      }
      std::string list;
      for (const std::string& choice : spec.choices) list += (list.empty() ? "" : ", ") + choice;
      return "'" + value + "' is not one of: " + list;
    }
  }
  return std::nullopt;
}

}  // namespace

std::variant<QueryParams, QueryProblem> QueryParams::Parse(std::string_view raw_query,
                                                           const std::vector<ParamSpec>& specs) {
  QueryParams params;
  std::set<std::string, std::less<>> seen;  // names given, also with empty values
  while (!raw_query.empty()) {
    const std::size_t amp = raw_query.find('&');
    const std::string_view piece = raw_query.substr(0, amp);
    raw_query = amp == std::string_view::npos ? std::string_view() : raw_query.substr(amp + 1);
    if (piece.empty()) continue;
    const std::size_t equals = piece.find('=');
    auto name = PercentDecode(piece.substr(0, equals), PlusSign::kSpace);
    if (!name) return QueryProblem{"", "malformed parameter name: " + name.error().message()};
    auto spec = std::find_if(specs.begin(), specs.end(),
                             [&](const ParamSpec& candidate) { return candidate.name == *name; });
    if (spec == specs.end()) {
      std::string shown = name->size() > 64 ? "" : *name;
      return QueryProblem{shown, "unknown parameter; this route takes: " + Known(specs)};
    }
    const std::string_view raw_value =
        equals == std::string_view::npos ? std::string_view() : piece.substr(equals + 1);
    auto value = PercentDecode(raw_value, PlusSign::kSpace);
    if (!value) return QueryProblem{*name, value.error().message()};
    const bool again = !seen.insert(*name).second;
    if (again && !spec->repeatable) return QueryProblem{*name, "given more than once"};
    if (value->empty()) continue;
    if (auto complaint = CheckValue(*spec, *value)) return QueryProblem{*name, *complaint};
    if (params.values_.count(*name) == 0) {
      params.values_.emplace(std::move(*name), std::move(*value));
      continue;
    }
    std::vector<std::string>& more = params.more_values_[*name];
    if (more.size() + 1 >= kMaxParamRepeats) {
      return QueryProblem{*name, "given more than " + std::to_string(kMaxParamRepeats) + " times"};
    }
    more.push_back(std::move(*value));
  }
  return params;
}

const std::string& QueryParams::Text(std::string_view name) const {
  auto it = values_.find(name);
  return it == values_.end() ? kEmpty : it->second;
}

std::vector<std::string> QueryParams::All(std::string_view name) const {
  std::vector<std::string> all;
  auto it = values_.find(name);
  if (it == values_.end()) return all;
  all.push_back(it->second);
  if (auto more = more_values_.find(name); more != more_values_.end()) {
    all.insert(all.end(), more->second.begin(), more->second.end());
  }
  return all;
}

std::optional<std::int64_t> QueryParams::OptionalInteger(std::string_view name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  std::optional<std::int64_t> value = ParseInteger(it->second);
  ORDO_ASSERT(value.has_value(), "an integer parameter passed validation but does not parse");
  return value;
}

std::int64_t QueryParams::Integer(std::string_view name, std::int64_t fallback) const {
  return OptionalInteger(name).value_or(fallback);
}

double QueryParams::Number(std::string_view name, double fallback) const {
  auto it = values_.find(name);
  if (it == values_.end()) return fallback;
  std::optional<double> value = ParseNumber(it->second);
  ORDO_ASSERT(value.has_value(), "a number parameter passed validation but does not parse");
  return *value;
}

std::optional<PartialDate> QueryParams::Date(std::string_view name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return PartialDate::Parse(it->second).value();
}

bool QueryParams::Flag(std::string_view name) const {
  const std::string& value = Text(name);
  return value == "true" || value == "1";
}

Language QueryParams::Lang(std::string_view name) const {
  auto it = values_.find(name);
  return it == values_.end() ? Language::kEnglish : ParseLanguage(it->second).value();
}

std::string QueryParams::Normalized() const {
  // Decoded values never hold control characters, so these separators cannot be forged.
  std::string key;
  for (const auto& [name, value] : values_) {
    key += name + '\x1f' + value;
    if (auto more = more_values_.find(name); more != more_values_.end()) {
      for (const std::string& next : more->second) key += '\x1f' + next;
    }
    key += '\x1e';
  }
  return key;
}

}  // namespace ordo::api
