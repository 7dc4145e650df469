#include "analytics/identifier_keys.h"

#include <unicode/uchar.h>

#include <cctype>
#include <cstdint>

#include "analytics/internal/utf8_walk.h"

namespace ordo::analytics {
namespace {

// Cyrillic capitals that a plate or a passport shows with the Latin letter of the same shape.
char LatinLookAlike(UChar32 upper) {
  switch (upper) {
    case 0x0410: return 'A';  // А
    case 0x0412: return 'B';  // В
    case 0x0415: return 'E';  // Е
    case 0x041A: return 'K';  // К
    case 0x041C: return 'M';  // М
    case 0x041D: return 'H';  // Н
    case 0x041E: return 'O';  // О
    case 0x0420: return 'P';  // Р
    case 0x0421: return 'C';  // С
    case 0x0422: return 'T';  // Т
    case 0x0425: return 'X';  // Х
    case 0x0423: return 'Y';  // У
    default: return 0;
  }
}

// Appends code point `c` (valid, not a surrogate) to `out` as UTF-8.
void AppendUtf8(UChar32 c, std::string& out) {
  const auto code = static_cast<std::uint32_t>(c);
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

}  // namespace

std::string PhoneKey(std::string_view text) {
  std::string digits;
  bool plus = false;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
      digits += c;
    } else if (c == '+' && digits.empty()) {
      plus = true;
    }
  }
  if (!plus && digits.rfind("00", 0) == 0) {
    digits.erase(0, 2);
    plus = true;
  }
  if (!plus) {
    if (digits.size() == 10 && digits[0] == '0') {
      digits = "996" + digits.substr(1);  // Kyrgyz trunk prefix
      plus = true;
    } else if (digits.size() == 9) {
      digits = "996" + digits;  // a Kyrgyz number without any prefix
      plus = true;
    }
  }
  if (digits.size() < 6) return "";
  return plus ? "+" + digits : digits;
}

std::string IdentifierKey(std::string_view text) {
  std::string key;
  std::int32_t offset = 0;
  const auto length = static_cast<std::int32_t>(text.size());
  while (offset < length) {
    UChar32 c = 0;
    const std::int32_t start = offset;
    c = internal::NextCodePoint(text, &offset);
    if (c < 0) continue;
    if (c < 0x80) {
      if (std::isalnum(static_cast<int>(c)) != 0) {
        key += static_cast<char>(std::toupper(static_cast<int>(c)));
      }
      continue;
    }
    if (!u_isalnum(c)) continue;
    const UChar32 upper = u_toupper(c);
    if (const char latin = LatinLookAlike(upper); latin != 0) {
      key += latin;
    } else if (upper == c) {
      key.append(text.substr(static_cast<std::size_t>(start),
                             static_cast<std::size_t>(offset - start)));
    } else {
      AppendUtf8(upper, key);
    }
  }
  return key;
}

}  // namespace ordo::analytics
