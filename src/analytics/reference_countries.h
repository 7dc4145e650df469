#pragma once
// Builds the country reference table: every ISO 3166-1 entry from Debian's iso-codes, its Russian and
// Kyrgyz names from the iso-codes gettext catalogs (with sourced overrides where the catalogs lag),
// UN M49 regions, UN membership, former/common names and land neighbours, all from files named in
// ReferenceSources.

#include <string>
#include <vector>

#include "core/country.h"
#include "ingest/diagnostic.h"

namespace ordo::analytics {

struct ReferenceSources {
  std::string iso_codes_json;  // .../iso-codes/json/iso_3166-1.json
  std::string ru_catalog;      // .../locale/ru/LC_MESSAGES/iso_3166-1.mo
  std::string ky_catalog;      // .../locale/ky/LC_MESSAGES/iso_3166-1.mo
  std::string reference_dir;   // data/reference (m49_regions.csv, land_borders.csv, ...)
};

struct ReferenceCountries {
  std::vector<Country> countries;  // in iso-codes order
  // Countries still without a Russian or Kyrgyz name after the overrides, as "TUR ky".
  std::vector<std::string> name_gaps;
  std::vector<ingest::Diagnostic> problems;  // any problem means the table must not be stored
};

// Reads every source; problems in any of them are collected, not thrown. Errors: kNotFound or
// kInvalidArgument for an unreadable gettext catalog.
Result<ReferenceCountries> BuildReferenceCountries(const ReferenceSources& sources);

}  // namespace ordo::analytics
