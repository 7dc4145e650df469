// /api/v1/session: signing in (POST, with a password or the one-time sign-in link's token), who
// is signed in (GET) and signing out (DELETE). docs/accounts.md, "Signing in over HTTP".

#include <variant>

#include "api/authenticator.h"
#include "api/error_response.h"
#include "api/internal/route_support.h"
#include "api/routes.h"
#include "core/audit_record.h"

namespace ordo::api {
namespace {

using internal::Json;

constexpr std::size_t kMaxSessionField = 1024;

HttpResponse FieldProblem(const std::string& field, const std::string& message) {
  return ErrorResponse(InvalidArgument(field + ": " + message), field);
}

HttpResponse NoSignIn() {
  return ErrorResponse(FailedPrecondition("this server has no sign-in"));
}

Json IdentityJson(const Authenticator::Identity& identity) {
  const Principal& principal = *identity.principal;
  return {{"account", principal.account},
          {"role", std::string(RoleName(principal.role))},
          {"compartments", principal.compartments},
          {"every_compartment", principal.every_compartment},
          {"via", principal.via},
          {"csrf_token", identity.via_session ? Json(identity.csrf_token) : Json(nullptr)},
          {"expires_at",
           identity.via_session ? Json(AuditTimestamp(identity.expires_at)) : Json(nullptr)}};
}

// The same bytes for every refusal: unknown account, wrong password, disabled, locked, used or
// expired link.
HttpResponse SignInRefused(std::string audit_actor, std::string audit_note) {
  HttpResponse response =
      ProtocolErrorResponse(401, "the account name or password is wrong, or the account may not "
                                 "sign in now");
  response.audit_actor = std::move(audit_actor);
  response.audit_note = std::move(audit_note);
  return response;
}

HttpResponse SignedIn(const RouteRequest& request, const Authenticator::SignInResult& result) {
  HttpResponse response = internal::JsonResponse(IdentityJson(*result.identity));
  response.headers.emplace_back("Set-Cookie", request.auth->SessionCookie(result.cookie_value));
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

HttpResponse SignIn(const RouteRequest& request) {
  if (request.auth == nullptr) return NoSignIn();
  const Json body = Json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) return FieldProblem("body", "not valid JSON");
  if (!body.is_object()) return FieldProblem("body", "must be a JSON object");
  for (const auto& [name, value] : body.items()) {
    if (name != "account" && name != "password" && name != "signin") {
      return FieldProblem(name.substr(0, 64),
                          "unknown field; the body takes account and password, or signin");
    }
    if (!value.is_string()) return FieldProblem(name, "must be a string");
    if (value.get_ref<const std::string&>().size() > kMaxSessionField) {
      return FieldProblem(name, "longer than " + std::to_string(kMaxSessionField) + " bytes");
    }
  }
  const std::string& remote = request.http->remote_address;
  Authenticator::SignInResult result;
  std::string typed;
  if (body.contains("signin")) {
    if (body.contains("account") || body.contains("password")) {
      return FieldProblem("signin", "given with account or password; send one or the other");
    }
    typed = kLocalAdminAccount;
    result = request.auth->ExchangeSignInLink(body["signin"].get<std::string>(), remote);
  } else {
    if (!body.contains("account")) return FieldProblem("account", "required");
    if (!body.contains("password")) return FieldProblem("password", "required");
    typed = body["account"].get<std::string>();
    result = request.auth->SignIn(typed, body["password"].get<std::string>(), remote);
  }
  const std::string how = body.contains("signin") ? "one-time link" : "password";
  if (result.failure) {
    HttpResponse response =
        ErrorResponse(Unavailable("cannot sign in now: the accounts cannot be read"));
    response.audit_actor = typed;
    response.audit_note = how + ": " + result.refusal;
    return response;
  }
  if (!result.identity) return SignInRefused(typed, how + ": " + result.refusal);
  HttpResponse response = SignedIn(request, result);
  response.audit_actor = typed;
  response.audit_note = how;
  return response;
}

HttpResponse WhoAmI(const RouteRequest& request) {
  if (request.auth == nullptr) return NoSignIn();
  auto checked = request.auth->Authenticate(*request.http, /*require_csrf=*/false);
  if (auto* refusal = std::get_if<HttpResponse>(&checked)) return std::move(*refusal);
  HttpResponse response =
      internal::JsonResponse(IdentityJson(std::get<Authenticator::Identity>(checked)));
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

HttpResponse SignOut(const RouteRequest& request) {
  if (request.auth == nullptr) return NoSignIn();
  auto checked = request.auth->Authenticate(*request.http);
  // A live session without its CSRF token is refused (403); an ended one is simply cleared.
  if (auto* refusal = std::get_if<HttpResponse>(&checked); refusal && refusal->status == 403) {
    return std::move(*refusal);
  }
  const bool ended = request.auth->SignOut(*request.http);
  std::string actor;
  if (const auto* identity = std::get_if<Authenticator::Identity>(&checked)) {
    actor = identity->principal->account;
  }
  HttpResponse response = internal::JsonResponse({{"signed_out", ended}});
  response.headers.emplace_back("Set-Cookie", request.auth->ClearedCookie());
  response.audit_actor = actor;
  return response;
}

}  // namespace

void AddSessionRoutes(Router& router) {
  Route session{"/api/v1/session", internal::RouteParams({}, internal::Paging::kNone), WhoAmI,
                /*cacheable=*/false, SignIn, SignOut};
  session.is_public = true;
  router.Add(std::move(session));
}

}  // namespace ordo::api
