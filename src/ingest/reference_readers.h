#pragma once
// Readers for reference data: Debian iso-codes (JSON and gettext catalogs) and the small sourced
// files under data/reference/ (UN M49 regions, UN membership, name overrides, aliases, land
// borders, trade blocs).

#include <istream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/country.h"
#include "core/membership.h"
#include "ingest/known_countries.h"
#include "ingest/read_outcome.h"

namespace ordo::ingest {

// iso-codes iso_3166-1.json: {"3166-1": [{alpha_2, alpha_3, numeric, name, official_name?,
// common_name?}, ...]}. Fills iso3, iso2, numeric, name_en, official_name_en, common_name_en.
// Problems: a file that cannot be opened or is not JSON (file-level), an entry without a valid
// alpha_3, alpha_2, numeric or name, a repeated alpha_3. JSON gives no line numbers here, so
// row_lines and problem lines are 0.
ReadOutcome<Country> ReadIsoCodesCountries(const std::string& json_path);
ReadOutcome<Country> ReadIsoCodesCountries(std::istream& in, std::string_view file_name);

// The codes of `countries`, for the readers that check ISO codes.
KnownCountries KnownCountriesOf(const std::vector<Country>& countries);

// A gettext .mo catalog as msgid -> msgstr (untranslated entries are left out). Fails with
// kNotFound when the file is missing and kInvalidArgument when it is not a .mo file.
// Also kUnavailable when the file exists but cannot be read. The catalog header (empty msgid) is
// skipped; a plural entry maps its singular msgid to its first form; an entry with a message
// context keeps gettext's key, context + '\x04' + msgid. Strings must be valid UTF-8.
Result<std::map<std::string, std::string>> LoadGettextCatalog(const std::string& mo_path);
// The same from the bytes of a .mo file (for tests and fuzzing); fails with kInvalidArgument.
Result<std::map<std::string, std::string>> ParseGettextCatalog(std::string_view bytes);

struct M49Region {
  CountryCode iso3;
  std::string region;
  std::string subregion;
  std::string intermediate_region;
};
// reference/m49_regions.csv: iso3, region, subregion, intermediate_region, region_code,
// subregion_code, intermediate_region_code.
// The code columns must be empty or numeric. A repeated iso3 is a problem.
ReadOutcome<M49Region> ReadM49Regions(const std::string& path, const KnownCountries& known);
ReadOutcome<M49Region> ReadM49Regions(std::istream& in, std::string_view file_name,
                                      const KnownCountries& known);

struct UnMember {
  CountryCode iso3;
  std::string name_en;
  std::string source_url;
};
// reference/un_members.csv: iso3, name_en, source_url, notes.
// name_en and source_url are required; a repeated iso3 is a problem.
ReadOutcome<UnMember> ReadUnMembers(const std::string& path, const KnownCountries& known);
ReadOutcome<UnMember> ReadUnMembers(std::istream& in, std::string_view file_name,
                                    const KnownCountries& known);

struct CountryNameOverride {
  CountryCode iso3;
  Language language = Language::kEnglish;
  std::string name;
  std::string source_url;
  // Empty: the override fills a name the catalog lacks. Otherwise the catalog name it corrects; it
  // applies only while the catalog still says exactly that.
  std::string replaces;
};
// reference/country_name_overrides.csv: iso3, lang (ru|ky), name, source_url, notes, and an
// optional replaces column. name and source_url are required; a repeated (iso3, lang) pair is a
// problem.
ReadOutcome<CountryNameOverride> ReadCountryNameOverrides(const std::string& path,
                                                          const KnownCountries& known);
ReadOutcome<CountryNameOverride> ReadCountryNameOverrides(std::istream& in,
                                                          std::string_view file_name,
                                                          const KnownCountries& known);

struct CountryAlias {
  CountryCode iso3;
  std::string alias;
  std::string source_url;
};
// reference/country_aliases.csv: iso3, alias, lang, source_url, notes.
// alias and source_url are required, lang is free text; an alias that appears twice (ignoring ASCII
// case) is a problem, since a name must find one country.
ReadOutcome<CountryAlias> ReadCountryAliases(const std::string& path, const KnownCountries& known);
ReadOutcome<CountryAlias> ReadCountryAliases(std::istream& in, std::string_view file_name,
                                             const KnownCountries& known);

struct LandBorder {
  CountryCode iso3;
  CountryCode neighbour;
};
// reference/land_borders.csv: iso3, neighbour_iso3, source_url, notes. One row per ordered pair,
// so a border appears once from each side. source_url is required. Problems: a row whose two codes
// are the same, and a repeated (iso3, neighbour_iso3) pair. Symmetry is not checked here: a
// one-sided row is read as it is.
ReadOutcome<LandBorder> ReadLandBorders(const std::string& path, const KnownCountries& known);
ReadOutcome<LandBorder> ReadLandBorders(std::istream& in, std::string_view file_name,
                                        const KnownCountries& known);

// reference/trade_blocs.csv: bloc_id, bloc_name, iso3, source_url, notes. bloc_id is lower-case
// ASCII letters, digits and '_', starting with a letter ("central_asia"); bloc_name and source_url
// are required. Problems: a repeated (bloc_id, iso3) pair, and a bloc_name that differs from the
// one the bloc's first row gives.
ReadOutcome<TradeBlocMember> ReadTradeBlocs(const std::string& path, const KnownCountries& known);
ReadOutcome<TradeBlocMember> ReadTradeBlocs(std::istream& in, std::string_view file_name,
                                            const KnownCountries& known);

}  // namespace ordo::ingest
