#include "api/router.h"

#include "api/percent_decoding.h"
#include "core/assert.h"

namespace ordo::api {
namespace {

constexpr std::string_view kVariable = "{}";

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> segments;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (true) {
    const std::size_t slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

}  // namespace

void Router::Add(Route route) {
  for (const Route& existing : routes_) {
    ORDO_ASSERT(existing.pattern != route.pattern, "a route pattern was added twice");
  }
  std::vector<std::string> segments;
  for (std::string_view segment : SplitPath(route.pattern)) {
    const bool variable = segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
    segments.emplace_back(variable ? kVariable : segment);
  }
  segments_.push_back(std::move(segments));
  routes_.push_back(std::move(route));
}

Result<RouteMatch> Router::Match(std::string_view path) const {
  std::vector<std::string> decoded;
  for (std::string_view segment : SplitPath(path)) {
    auto text = PercentDecode(segment, PlusSign::kLiteral);
    if (!text) return InvalidArgument("malformed path: " + text.error().message());
    decoded.push_back(std::move(*text));
  }
  for (std::size_t index = 0; index < routes_.size(); ++index) {
    const std::vector<std::string>& pattern = segments_[index];
    if (pattern.size() != decoded.size()) continue;
    RouteMatch match{&routes_[index], {}};
    bool matches = true;
    for (std::size_t at = 0; at < pattern.size() && matches; ++at) {
      if (pattern[at] == kVariable) {
        matches = !decoded[at].empty();
        match.path_args.push_back(decoded[at]);
      } else {
        matches = pattern[at] == decoded[at];
      }
    }
    if (matches) return match;
  }
  const std::string shown =
      path.size() > 200 ? std::string(path.substr(0, 200)) + "..." : std::string(path);
  return NotFound("no API route for " + shown + " (see /api/v1/openapi.json)");
}

}  // namespace ordo::api
