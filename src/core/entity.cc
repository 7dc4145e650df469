#include "core/entity.h"

#include <fmt/format.h>

#include <array>

namespace ordo {
namespace {

constexpr std::array<std::string_view, 9> kEntityTypeNames = {
    "person",  "organization", "phone", "vehicle",   "address",
    "account", "place",        "email", "identifier"};

constexpr std::array<std::string_view, 12> kLinkTypeNames = {
    "call",       "ownership",  "directorship",        "family", "associate", "travel", "payment",
    "membership", "employment", "seizure_involvement", "holds", "unknown"};

template <std::size_t N>
std::string Listed(const std::array<std::string_view, N>& names) {
  std::string list;
  for (std::size_t i = 0; i < N; ++i) {
    if (i > 0) list += i + 1 == N ? " or " : ", ";
    list += names[i];
  }
  return list;
}

}  // namespace

std::string_view EntityTypeName(EntityType type) {
  return kEntityTypeNames[static_cast<std::size_t>(type)];
}

Result<EntityType> ParseEntityType(std::string_view text) {
  for (std::size_t index = 0; index < kEntityTypeNames.size(); ++index) {
    if (kEntityTypeNames[index] == text) return static_cast<EntityType>(index);
  }
  return InvalidArgument(
      fmt::format("unknown entity type '{}'; expected {}", text, Listed(kEntityTypeNames)));
}

std::string_view LinkTypeName(LinkType type) {
  return kLinkTypeNames[static_cast<std::size_t>(type)];
}

Result<LinkType> ParseLinkType(std::string_view text) {
  for (std::size_t index = 0; index < kLinkTypeNames.size(); ++index) {
    if (kLinkTypeNames[index] == text) return static_cast<LinkType>(index);
  }
  return InvalidArgument(
      fmt::format("unknown link type '{}'; expected {}", text, Listed(kLinkTypeNames)));
}

bool IsValidGrade(std::string_view grade) {
  if (grade.empty()) return true;
  return grade.size() == 2 && grade[0] >= 'A' && grade[0] <= 'F' && grade[1] >= '1' &&
         grade[1] <= '6';
}

Status CheckLink(const Link& link) {
  if (link.link_id.empty()) return InvalidArgument("link with an empty link_id");
  if (link.from_entity.empty() || link.to_entity.empty()) {
    return InvalidArgument(fmt::format("link '{}': both ends must name an entity", link.link_id));
  }
  if (link.start && link.end && link.end->LastDay() < link.start->FirstDay()) {
    return InvalidArgument(fmt::format("link '{}': ends {} before it starts {}", link.link_id,
                                       link.end->ToString(), link.start->ToString()));
  }
  if (!IsValidGrade(link.grade)) {
    return InvalidArgument(
        fmt::format("link '{}': grade '{}' is not an Admiralty code (A-F, then 1-6, e.g. B2)",
                    link.link_id, link.grade));
  }
  return OkStatus();
}

}  // namespace ordo
