#include "analytics/reference_countries.h"

#include <algorithm>
#include <map>

#include "ingest/reference_readers.h"

namespace ordo::analytics {
namespace {

constexpr char kCatalogSource[] = "Debian iso-codes gettext catalog (iso_3166-1 domain)";

// The catalogs translate each English form; try the most specific first.
std::string Translate(const std::map<std::string, std::string>& catalog, const Country& country) {
  for (const std::string* english : {&country.name_en, &country.common_name_en}) {
    auto it = catalog.find(*english);
    if (!english->empty() && it != catalog.end()) return it->second;
  }
  return "";
}

template <typename Row>
void Collect(ingest::ReadOutcome<Row>& outcome, std::vector<ingest::Diagnostic>& problems) {
  problems.insert(problems.end(), outcome.problems.begin(), outcome.problems.end());
}

}  // namespace

Result<ReferenceCountries> BuildReferenceCountries(const ReferenceSources& sources) {
  ReferenceCountries result;
  auto iso = ingest::ReadIsoCodesCountries(sources.iso_codes_json);
  Collect(iso, result.problems);
  result.countries = std::move(iso.rows);
  ORDO_TRY(ru, ingest::LoadGettextCatalog(sources.ru_catalog));
  ORDO_TRY(ky, ingest::LoadGettextCatalog(sources.ky_catalog));

  ingest::KnownCountries known;
  std::map<CountryCode, Country*> by_code;
  for (Country& country : result.countries) {
    known.insert(country.iso3);
    by_code[country.iso3] = &country;
    country.name_ru = Translate(ru, country);
    country.name_ky = Translate(ky, country);
    if (!country.name_ru.empty()) country.name_ru_source = kCatalogSource;
    if (!country.name_ky.empty()) country.name_ky_source = kCatalogSource;
    if (!country.common_name_en.empty()) country.aliases.push_back(country.common_name_en);
  }

  const std::string& dir = sources.reference_dir;
  auto overrides = ingest::ReadCountryNameOverrides(dir + "/country_name_overrides.csv", known);
  Collect(overrides, result.problems);
  for (const ingest::CountryNameOverride& row : overrides.rows) {
    Country& country = *by_code.at(row.iso3);
    // An override fills a gap, or corrects a catalog name it names in `replaces` (while the
    // catalog still has that name); otherwise the catalog wins.
    std::string& name = row.language == Language::kRussian ? country.name_ru : country.name_ky;
    std::string& source =
        row.language == Language::kRussian ? country.name_ru_source : country.name_ky_source;
    if (name.empty() || (!row.replaces.empty() && name == row.replaces)) {
      name = row.name;
      source = row.source_url;
    }
  }

  auto regions = ingest::ReadM49Regions(dir + "/m49_regions.csv", known);
  Collect(regions, result.problems);
  for (const ingest::M49Region& row : regions.rows) {
    Country& country = *by_code.at(row.iso3);
    country.region = row.region;
    country.subregion = row.subregion;
    country.intermediate_region = row.intermediate_region;
  }

  auto members = ingest::ReadUnMembers(dir + "/un_members.csv", known);
  Collect(members, result.problems);
  for (const ingest::UnMember& row : members.rows) by_code.at(row.iso3)->un_member = true;

  auto aliases = ingest::ReadCountryAliases(dir + "/country_aliases.csv", known);
  Collect(aliases, result.problems);
  for (const ingest::CountryAlias& row : aliases.rows) {
    std::vector<std::string>& list = by_code.at(row.iso3)->aliases;
    if (std::find(list.begin(), list.end(), row.alias) == list.end()) list.push_back(row.alias);
  }

  // One row per ordered pair, so each country gets its own side of each border, in file order.
  auto borders = ingest::ReadLandBorders(dir + "/land_borders.csv", known);
  Collect(borders, result.problems);
  for (const ingest::LandBorder& row : borders.rows) {
    by_code.at(row.iso3)->land_neighbours.push_back(row.neighbour);
  }

  for (const Country& country : result.countries) {
    if (country.name_ru.empty()) result.name_gaps.push_back(country.iso3.str() + " ru");
    if (country.name_ky.empty()) result.name_gaps.push_back(country.iso3.str() + " ky");
  }
  return result;
}

}  // namespace ordo::analytics
