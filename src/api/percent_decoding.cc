#include "api/percent_decoding.h"

namespace ordo::api {
namespace {

int HexValue(char digit) {
  if (digit >= '0' && digit <= '9') return digit - '0';
  if (digit >= 'a' && digit <= 'f') return digit - 'a' + 10;
  if (digit >= 'A' && digit <= 'F') return digit - 'A' + 10;
  return -1;
}

// The number of bytes of the well-formed UTF-8 sequence at text[at], or 0 (Unicode table 3-7).
std::size_t SequenceLength(std::string_view text, std::size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // past U+10FFFF
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  for (std::size_t offset = 1; offset < length; ++offset) {
    const auto byte = static_cast<unsigned char>(text[at + offset]);
    const unsigned char min = offset == 1 ? low : 0x80;
    const unsigned char max = offset == 1 ? high : 0xBF;
    if (byte < min || byte > max) return 0;
  }
  return length;
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t length = SequenceLength(text, at);
    if (length == 0) return false;
    at += length;
  }
  return true;
}

Result<std::string> PercentDecode(std::string_view text, PlusSign plus) {
  std::string decoded;
  decoded.reserve(text.size());
  for (std::size_t at = 0; at < text.size(); ++at) {
    char c = text[at];
    if (c == '+' && plus == PlusSign::kSpace) {
      c = ' ';
    } else if (c == '%') {
      const int high = at + 1 < text.size() ? HexValue(text[at + 1]) : -1;
      const int low = at + 2 < text.size() ? HexValue(text[at + 2]) : -1;
      if (high < 0 || low < 0) {
        return InvalidArgument("'%' must be followed by two hexadecimal digits");
      }
      c = static_cast<char>(high * 16 + low);
      at += 2;
    }
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      return InvalidArgument("control characters (such as %00) are not allowed");
    }
    decoded.push_back(c);
  }
  if (!IsValidUtf8(decoded)) return InvalidArgument("not valid UTF-8");
  return decoded;
}

}  // namespace ordo::api
