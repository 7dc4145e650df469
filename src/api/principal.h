#pragma once
// Principal: who is asking, as the server established it for one request (a session cookie or an
// API token, docs/accounts.md), read from the account store on that same request so that a
// disable, a revoke or a password change counts from the next request on. Routes read it from
// RouteRequest::principal (and HttpRequest::principal); nullptr only for the public routes
// (health, the OpenAPI document, signing in) and in handler tests without an Authenticator.

#include <string>
#include <vector>

#include "core/account.h"

namespace ordo::api {

struct Principal {
  std::string account;             // account name; "local-admin" for the one-time link's holder
  Role role = Role::kViewer;       // core/account.h
  bool every_compartment = false;  // only the local administrator of a server without accounts
  std::vector<std::string> compartments;  // granted, sorted
  std::string remote_address;             // "127.0.0.1" / "::1", for the audit
  // How the request proved it: "session" (cookie), "token" (Authorization: Bearer).
  std::string via;
};

// The name the one-time sign-in link's holder acts under (and the audit log records). Its
// sessions never read the account store, so a stored account of the same name gains nothing.
inline constexpr char kLocalAdminAccount[] = "local-admin";

}  // namespace ordo::api
