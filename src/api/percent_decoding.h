#pragma once
// Percent-decoding (RFC 3986) of request paths and query strings, with the checks every decoded
// text must pass before Ordo looks at it: well-formed escapes, no NUL or other control characters,
// and valid UTF-8.

#include <string>
#include <string_view>

#include "core/result.h"

namespace ordo::api {

enum class PlusSign {
  kLiteral,  // paths: '+' is a plus sign
  kSpace,    // query strings (application/x-www-form-urlencoded): '+' is a space
};

// Decodes "%XX" escapes. Errors (kInvalidArgument, message says what is wrong): a '%' not followed
// by two hex digits ("%zz", "%4"), a decoded control character (%00-%1F, %7F), or bytes that are
// not well-formed UTF-8.
Result<std::string> PercentDecode(std::string_view text, PlusSign plus);

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or code points past
// U+10FFFF).
bool IsValidUtf8(std::string_view text);

}  // namespace ordo::api
