#include "api/error_response.h"

#include <nlohmann/json.hpp>

namespace ordo::api {
namespace {

HttpResponse ProblemDocument(int status, std::string_view detail, std::string_view parameter) {
  nlohmann::json problem = {{"type", "about:blank"},
                            {"title", StatusTitle(status)},
                            {"status", status},
                            {"detail", detail}};
  if (!parameter.empty()) problem["parameter"] = parameter;
  HttpResponse response;
  response.status = status;
  response.content_type = kProblemContentType;
  // Invalid UTF-8 from a request (echoed in a detail) becomes U+FFFD instead of an exception.
  response.body = std::make_shared<const std::string>(
      problem.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

}  // namespace

int HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 400;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kAlreadyExists:
    case ErrorCode::kFailedPrecondition:
      return 409;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

std::string_view StatusTitle(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Error";
  }
}

HttpResponse ErrorResponse(const Error& error, std::string_view parameter) {
  return ProblemDocument(HttpStatusFor(error.code()), error.message(), parameter);
}

HttpResponse ProtocolErrorResponse(int status, std::string_view detail, std::string_view allow) {
  HttpResponse response = ProblemDocument(status, detail, {});
  if (status == 405) response.headers.emplace_back("Allow", std::string(allow));
  // RFC 9110: a 401 names the scheme that would be accepted; "Bearer" makes no browser ask for a
  // password of its own.
  if (status == 401) response.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"ordo\"");
  return response;
}

}  // namespace ordo::api
