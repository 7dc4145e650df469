#pragma once
// The compartments a request sees (docs/compartments.md): every one for an admin (core/account.h:
// "admin: everything") and for the local administrator of a server without accounts
// (Principal::every_compartment); those granted to it for an analyst or a viewer. A request
// without a principal (the public routes, handler tests without an Authenticator) sees every
// compartment; case-data routes of a server with an Authenticator never run without one.

#include "api/principal.h"
#include "core/visibility.h"

namespace ordo::api {

inline Visibility VisibilityOf(const Principal* principal) {
  if (principal == nullptr || principal->every_compartment || principal->role == Role::kAdmin) {
    return Visibility::Every();
  }
  return Visibility::Only(principal->compartments);
}

}  // namespace ordo::api
