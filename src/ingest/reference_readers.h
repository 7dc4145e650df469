#pragma once
// Readers for reference data: Debian iso-codes (JSON and gettext catalogs) and the small sourced
// files under data/reference/ (UN M49 regions, UN membership, name overrides, aliases).

#include <istream>
#include <map>
#include <string>
#include <string_view>

#include "core/country.h"
#include "ingest/known_countries.h"
#include "ingest/read_outcome.h"

namespace ordo::ingest {

// iso-codes iso_3166-1.json: {"3166-1": [{alpha_2, alpha_3, numeric, name, official_name?,
// common_name?}, ...]}. Fills iso3, iso2, numeric, name_en, official_name_en, common_name_en.
ReadOutcome<Country> ReadIsoCodesCountries(const std::string& json_path);

// A gettext .mo catalog as msgid -> msgstr (untranslated entries are left out). Fails with
// kNotFound when the file is missing and kInvalidArgument when it is not a .mo file.
Result<std::map<std::string, std::string>> LoadGettextCatalog(const std::string& mo_path);

struct M49Region {
  CountryCode iso3;
  std::string region;
  std::string subregion;
  std::string intermediate_region;
};
// reference/m49_regions.csv: iso3, region, subregion, intermediate_region, region_code,
// subregion_code, intermediate_region_code.
ReadOutcome<M49Region> ReadM49Regions(const std::string& path, const KnownCountries& known);

struct UnMember {
  CountryCode iso3;
  std::string name_en;
  std::string source_url;
};
// reference/un_members.csv: iso3, name_en, source_url, notes.
ReadOutcome<UnMember> ReadUnMembers(const std::string& path, const KnownCountries& known);

struct CountryNameOverride {
  CountryCode iso3;
  Language language = Language::kEnglish;
  std::string name;
  std::string source_url;
};
// reference/country_name_overrides.csv: iso3, lang (ru|ky), name, source_url, notes.
ReadOutcome<CountryNameOverride> ReadCountryNameOverrides(const std::string& path,
                                                          const KnownCountries& known);

struct CountryAlias {
  CountryCode iso3;
  std::string alias;
  std::string source_url;
};
// reference/country_aliases.csv: iso3, alias, lang, source_url, notes.
ReadOutcome<CountryAlias> ReadCountryAliases(const std::string& path, const KnownCountries& known);

}  // namespace ordo::ingest
