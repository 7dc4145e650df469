#include "analytics/internal/type_names.h"

#include <cctype>

namespace ordo::analytics::internal {
namespace {

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

constexpr EntityType kEntityTypes[] = {
    EntityType::kPerson,  EntityType::kOrganization, EntityType::kPhone,
    EntityType::kVehicle, EntityType::kAddress,      EntityType::kAccount,
    EntityType::kPlace,   EntityType::kEmail,        EntityType::kIdentifier};

constexpr LinkType kLinkTypes[] = {
    LinkType::kCall,       LinkType::kOwnership,  LinkType::kDirectorship,
    LinkType::kFamily,     LinkType::kAssociate,  LinkType::kTravel,
    LinkType::kPayment,    LinkType::kMembership, LinkType::kEmployment,
    LinkType::kSeizureInvolvement, LinkType::kHolds, LinkType::kUnknown};

}  // namespace

std::optional<EntityType> LenientEntityType(std::string_view text) {
  const std::string lower = Lower(text);
  if (lower == "company") return EntityType::kOrganization;
  for (EntityType type : kEntityTypes) {
    if (EntityTypeName(type) == lower) return type;
  }
  return std::nullopt;
}

std::optional<LinkType> LenientLinkType(std::string_view text) {
  const std::string lower = Lower(text);
  if (lower == "trip") return LinkType::kTravel;
  if (lower == "unknownlink") return LinkType::kUnknown;
  if (lower == "seizureinvolvement") return LinkType::kSeizureInvolvement;
  for (LinkType type : kLinkTypes) {
    if (LinkTypeName(type) == lower) return type;
  }
  return std::nullopt;
}

std::string EntityTypeList() {
  std::string list;
  for (EntityType type : kEntityTypes) {
    if (!list.empty()) list += ", ";
    list += EntityTypeName(type);
  }
  return list;
}

std::string LinkTypeList() {
  std::string list;
  for (LinkType type : kLinkTypes) {
    if (!list.empty()) list += ", ";
    list += LinkTypeName(type);
  }
  return list;
}

}  // namespace ordo::analytics::internal
