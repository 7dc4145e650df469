#pragma once
// Entity and link types as files from other tools spell them: Ordo's own names in any letter
// case ("Person", "PHONE") and the FollowTheMoney schema names (Company -> organization,
// Ownership -> ownership, Trip -> travel, UnknownLink -> unknown). Used by `import graphml` and
// `import links`.

#include <optional>
#include <string>
#include <string_view>

#include "core/entity.h"

namespace ordo::analytics::internal {

std::optional<EntityType> LenientEntityType(std::string_view text);
std::optional<LinkType> LenientLinkType(std::string_view text);

// "person, organization, ..." for messages.
std::string EntityTypeList();
std::string LinkTypeList();

}  // namespace ordo::analytics::internal
