#pragma once
// The HTTP request and response as the API sees them, free of any HTTP library: the server
// (http_server.cc) turns Beast messages into these and back, so routing, parameters, errors and
// static files can be written and tested without sockets.

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ordo::api {

struct Principal;  // api/principal.h

enum class HttpMethod { kGet, kHead, kPost, kDelete, kOther };

struct HttpRequest {
  HttpMethod method = HttpMethod::kGet;
  std::string method_name;  // as sent ("GET", "DELETE"), for error messages
  std::string target;       // origin-form request target: path and optional "?query"
  std::string content_type = {};  // the Content-Type header as sent; empty when absent
  std::string body = {};          // at most HttpServerOptions::max_body_bytes
  // The credentials as sent, for the Authenticator (api/authenticator.h): the Authorization,
  // Cookie and X-CSRF-Token headers; empty when absent.
  std::string authorization = {};
  std::string cookie = {};
  std::string csrf_token = {};
  // The peer's IP address ("127.0.0.1", "::1"), filled by the server.
  std::string remote_address = {};
  // Who is asking, filled before the routes run (RequestHandler::Handle); null when nobody signed
  // in or for the public routes.
  std::shared_ptr<const Principal> principal = {};
};

struct HttpResponse {
  int status = 200;
  std::string content_type;
  // Shared so that a cached response is sent without a copy; never null.
  std::shared_ptr<const std::string> body = std::make_shared<const std::string>();
  // Extra headers ("Allow", "Cache-Control"); Content-Type and Content-Length come from above.
  std::vector<std::pair<std::string, std::string>> headers;
  // For the audit log only, never sent: what the route wants recorded beside the request (the
  // account name a sign-in was tried with and why it failed).
  std::string audit_note = {};
  // For the audit log only: the actor when nobody is signed in yet (the account name a sign-in
  // was tried with, as typed).
  std::string audit_actor = {};
};

inline constexpr char kJsonContentType[] = "application/json";
inline constexpr char kProblemContentType[] = "application/problem+json";

}  // namespace ordo::api
