#pragma once
// CountryDirectory: looks countries up by ISO code or by any of their names (English, Russian,
// Kyrgyz, official, common, former), so "TUR", "Turkey", "Türkiye", "Турция" and "Kirghizia" all
// find their country. Built once from the stored countries; immutable afterwards.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/country.h"
#include "core/result.h"

namespace ordo::analytics {

class CountryDirectory {
 public:
  explicit CountryDirectory(std::vector<Country> countries);

  // Exact ISO 3166-1 alpha-3 lookup; nullptr when unknown. The pointer lives as long as this object.
  const Country* Find(const CountryCode& iso3) const;

  // Resolves a user's text: an alpha-3 or alpha-2 code, or a name in any language, compared without
  // case and Latin diacritics ("turkiye" finds Türkiye). Returns kNotFound when nothing matches and
  // kInvalidArgument naming the candidates when the text is ambiguous.
  Result<const Country*> Resolve(std::string_view text) const;

  // Name in `language` for a code, or the code itself when the country is unknown.
  std::string NameOf(const CountryCode& iso3, Language language) const;

  const std::vector<Country>& countries() const { return countries_; }

 private:
  std::vector<Country> countries_;
  std::unordered_map<std::string, std::size_t> by_iso3_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_key_;
};

// Folds text for matching: lower case (ASCII, Latin-1, Cyrillic including Kyrgyz Ү Ө Ң), Latin
// diacritics removed (ü -> u, ç -> c), punctuation and runs of spaces turned into one space.
std::string FoldForMatching(std::string_view text);

}  // namespace ordo::analytics
