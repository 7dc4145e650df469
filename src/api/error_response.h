#pragma once
// Errors as HTTP answers: RFC 9457 `application/problem+json` documents. This is the only place
// that maps an ErrorCode to an HTTP status; routes and analytics never name a status themselves.

#include <string_view>

#include "api/http_types.h"
#include "core/error.h"

namespace ordo::api {

// kInvalidArgument 400, kNotFound 404, kAlreadyExists and kFailedPrecondition 409,
// kUnavailable 503, kInternal 500.
int HttpStatusFor(ErrorCode code);

// The standard reason phrase ("Not Found"); "Error" for a status it does not know.
std::string_view StatusTitle(int status);

// {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": <message>,
//  "parameter": <parameter>} with the status from HttpStatusFor; "parameter" only when one
// request parameter is to blame.
HttpResponse ErrorResponse(const Error& error, std::string_view parameter = {});

// The same document for answers that come from HTTP itself rather than from an ErrorCode:
// 400 (malformed request), 401 (not signed in; with "WWW-Authenticate: Bearer realm="ordo""),
// 403 (a missing or wrong CSRF token), 405 (method), 413 (body too large), 415 (body not JSON), 429 (too
// many jobs), 431 (header too large). A 405 also carries "Allow: `allow`".
HttpResponse ProtocolErrorResponse(int status, std::string_view detail,
                                   std::string_view allow = "GET, HEAD");

}  // namespace ordo::api
