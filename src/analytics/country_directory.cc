#include "analytics/country_directory.h"

#include <algorithm>

namespace ordo::analytics {
namespace {

// Decodes one UTF-8 sequence at text[pos]; advances pos. Invalid bytes decode as U+FFFD.
char32_t NextCodePoint(std::string_view text, std::size_t& pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  int length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || pos + static_cast<std::size_t>(length) > text.size()) {
    ++pos;
    return 0xFFFD;
  }
  char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
  for (int i = 1; i < length; ++i) cp = (cp << 6) | (byte(pos + static_cast<std::size_t>(i)) & 0x3F);
  pos += static_cast<std::size_t>(length);
  return cp;
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Latin-1 and Latin Extended-A letters that appear in country names, without their diacritics.
char32_t StripLatinDiacritic(char32_t cp) {
  static constexpr std::u32string_view kFrom = U"àáâãäåçèéêëìíîïñòóôõöøùúûüýÿāăąćčďđēęěğīıłńňōőřśşšţťūůűźżžș";
  static constexpr std::u32string_view kTo = U"aaaaaaceeeeiiiinoooooouuuuyyaaaccddeeegiilnnoorsssttuuuzzzs";
  const std::size_t at = kFrom.find(cp);
  return at == std::u32string_view::npos ? cp : kTo[at];
}

char32_t ToLower(char32_t cp) {
  if (cp >= U'A' && cp <= U'Z') return cp + 32;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;       // Latin-1 capitals
  // Latin Extended-A capital/small pairs: capitals are even up to U+0137 and from U+014A to
  // U+0177, odd in between and after.
  const bool even_capital = (cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177);
  const bool odd_capital = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
  if ((even_capital && cp % 2 == 0) || (odd_capital && cp % 2 == 1)) return cp + 1;
  if (cp == 0x130) return U'i';                                      // İ
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;                    // А-Я
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;                    // Ѐ-Џ (Ё)
  if (cp == 0x4AE || cp == 0x4E8 || cp == 0x4A2) return cp + 1;      // Ү Ө Ң
  return cp;
}

bool IsWordCharacter(char32_t cp) {
  return (cp >= U'a' && cp <= U'z') || (cp >= U'0' && cp <= U'9') || cp >= 0xC0;
}

}  // namespace

std::string FoldForMatching(std::string_view text) {
  std::string folded;
  bool pending_space = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = StripLatinDiacritic(ToLower(NextCodePoint(text, pos)));
    if (!IsWordCharacter(cp)) {
      pending_space = !folded.empty();
      continue;
    }
    if (pending_space) folded += ' ';
    pending_space = false;
    AppendUtf8(folded, cp == U'ё' ? U'е' : cp);
  }
  return folded;
}

CountryDirectory::CountryDirectory(std::vector<Country> countries)
    : countries_(std::move(countries)) {
  for (std::size_t i = 0; i < countries_.size(); ++i) {
    const Country& country = countries_[i];
    by_iso3_.emplace(country.iso3.str(), i);
    std::vector<std::string> keys = {country.iso2,           country.name_en,
                                     country.official_name_en, country.common_name_en,
                                     country.name_ru,        country.name_ky};
    keys.insert(keys.end(), country.aliases.begin(), country.aliases.end());
    for (const std::string& key : keys) {
      std::string folded = FoldForMatching(key);
      if (folded.empty()) continue;
      std::vector<std::size_t>& hits = by_key_[folded];
      if (std::find(hits.begin(), hits.end(), i) == hits.end()) hits.push_back(i);
    }
  }
}

const Country* CountryDirectory::Find(const CountryCode& iso3) const {
  auto it = by_iso3_.find(iso3.str());
  return it == by_iso3_.end() ? nullptr : &countries_[it->second];
}

Result<const Country*> CountryDirectory::Resolve(std::string_view text) const {
  if (auto code = CountryCode::Parse(text); code.has_value()) {
    if (const Country* country = Find(*code)) return country;
  }
  auto it = by_key_.find(FoldForMatching(text));
  if (it == by_key_.end()) {
    return NotFound("no country matches '" + std::string(text) +
                    "' (try an ISO 3166-1 code such as TUR, or an English, Russian or Kyrgyz name)");
  }
  if (it->second.size() > 1) {
    std::string names;
    for (std::size_t index : it->second) {
      names += names.empty() ? "" : ", ";
      names += countries_[index].iso3.str() + " (" + countries_[index].name_en + ")";
    }
    return InvalidArgument("'" + std::string(text) + "' matches several countries: " + names);
  }
  return &countries_[it->second.front()];
}

std::string CountryDirectory::NameOf(const CountryCode& iso3, Language language) const {
  const Country* country = Find(iso3);
  return country == nullptr ? iso3.str() : country->Name(language);
}

}  // namespace ordo::analytics
