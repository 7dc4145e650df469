#include "core/account.h"

#include <fmt/format.h>

#include <array>

namespace ordo {
namespace {

constexpr std::array<std::string_view, 3> kRoleNames = {"admin", "analyst", "viewer"};

Status CheckName(std::string_view what, std::string_view name) {
  if (name.empty()) return InvalidArgument(fmt::format("{} name is empty", what));
  if (name.size() > 64) {
    return InvalidArgument(fmt::format("{} name is longer than 64 characters", what));
  }
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool alphanumeric = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alphanumeric) continue;
    if (i > 0 && (c == '.' || c == '_' || c == '-')) continue;
    return InvalidArgument(
        fmt::format("{} name '{}': only a-z, 0-9, '.', '_' and '-' (not first) are allowed", what,
                    name));
  }
  return OkStatus();
}

}  // namespace

std::string_view RoleName(Role role) { return kRoleNames[static_cast<std::size_t>(role)]; }

Result<Role> ParseRole(std::string_view text) {
  for (std::size_t index = 0; index < kRoleNames.size(); ++index) {
    if (kRoleNames[index] == text) return static_cast<Role>(index);
  }
  return InvalidArgument(
      fmt::format("unknown role '{}'; expected admin, analyst or viewer", text));
}

Status CheckAccountName(std::string_view name) { return CheckName("account", name); }

Status CheckCompartmentName(std::string_view name) { return CheckName("compartment", name); }

}  // namespace ordo
