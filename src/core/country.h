#pragma once
// Country: one ISO 3166-1 entry with its names in English, Russian and Kyrgyz, its UN M49 region and
// whether it is a UN member state. Every name in another language keeps where it came from.

#include <optional>
#include <string>
#include <vector>

#include "core/ids.h"

namespace ordo {

// Languages Ordo speaks; names and the interface come in these three.
enum class Language { kEnglish, kRussian, kKyrgyz };

// Parses "en", "ru" or "ky".
Result<Language> ParseLanguage(std::string_view text);
std::string_view LanguageTag(Language language);

struct Country {
  CountryCode iso3;
  std::string iso2;
  std::string numeric;        // ISO 3166-1 numeric, also the M49 country code ("417")
  std::string name_en;        // iso-codes "name" ("Türkiye")
  std::string official_name_en;
  std::string common_name_en;
  std::string name_ru;        // empty when no source gives one
  std::string name_ky;
  std::string name_ru_source;  // "iso-codes 4.15 ru catalog" or the override's source URL
  std::string name_ky_source;
  // UN M49 (empty for Antarctica and a few territories that M49 leaves out).
  std::string region;          // "Asia"
  std::string subregion;       // "Central Asia"
  std::string intermediate_region;
  bool un_member = false;
  // Former and common names that should find this country ("Turkey", "Kirghizia").
  std::vector<std::string> aliases;
  // States sharing a land border, from data/reference/land_borders.csv (empty when none or unknown).
  std::vector<CountryCode> land_neighbours;

  // The name in `language`, falling back to English when that language has none.
  const std::string& Name(Language language) const;
};

}  // namespace ordo
