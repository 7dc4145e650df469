#include "analytics/internal/xml_text.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace ordo::analytics::internal {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// The length of the valid UTF-8 sequence at `text[at]`, or 0.
std::size_t SequenceLength(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  std::size_t length = 0;
  unsigned int code = 0;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    code = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code = lead & 0x07;
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(at + i) & 0x3F);
  }
  if ((length == 3 && code < 0x800) || (length == 4 && (code < 0x10000 || code > 0x10FFFF))) {
    return 0;
  }
  if (code >= 0xD800 && code <= 0xDFFF) return 0;  // surrogates
  if (code == 0xFFFE || code == 0xFFFF) return 0;  // not XML characters
  return length;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

std::string XmlEscape(std::string_view text, std::size_t* replaced) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    switch (c) {
      case '&': out += "&amp;"; ++i; continue;
      case '<': out += "&lt;"; ++i; continue;
      case '>': out += "&gt;"; ++i; continue;
      case '"': out += "&quot;"; ++i; continue;
      case '\'': out += "&apos;"; ++i; continue;
      case '\t': out += "&#9;"; ++i; continue;
      case '\n': out += "&#10;"; ++i; continue;
      case '\r': out += "&#13;"; ++i; continue;
      default: break;
    }
    const std::size_t length = SequenceLength(text, i);
    if (length == 0 || static_cast<unsigned char>(c) < 0x20) {
      out += kReplacement;
      if (replaced != nullptr) ++*replaced;
      i += length == 0 ? 1 : length;
      continue;
    }
    out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

std::string PropertiesJson(const std::vector<EntityProperty>& properties) {
  nlohmann::json list = nlohmann::json::array();
  for (const EntityProperty& property : properties) {
    list.push_back({property.name, property.value});
  }
  return list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string FirstDayText(const PartialDate& date) {
  return fmt::format("{:04}-{:02}-{:02}", date.year(), date.month() == 0 ? 1 : date.month(),
                     date.day() == 0 ? 1 : date.day());
}

std::string LastDayText(const PartialDate& date) {
  const int month = date.month() == 0 ? 12 : date.month();
  const int day = date.day() == 0 ? DaysInMonth(date.year(), month) : date.day();
  return fmt::format("{:04}-{:02}-{:02}", date.year(), month, day);
}

}  // namespace ordo::analytics::internal
