#pragma once
// NextCodePoint: one step through UTF-8 text, for the name and identifier keys. ICU's U8_NEXT
// macro, wrapped so that its narrowing inside does not trip -Wconversion in our files.

#include <unicode/utf8.h>

#include <cstdint>
#include <string_view>

namespace ordo::analytics::internal {

// The code point at `*offset` of `text`, advancing `*offset` past it; negative for a byte that
// does not start valid UTF-8 (the offset still advances).
inline std::int32_t NextCodePoint(std::string_view text, std::int32_t* offset) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wold-style-cast"
#pragma GCC diagnostic ignored "-Wsign-conversion"
  UChar32 c = 0;
  const auto length = static_cast<std::int32_t>(text.size());
  U8_NEXT(text.data(), *offset, length, c);
  return c;
#pragma GCC diagnostic pop
}

}  // namespace ordo::analytics::internal
