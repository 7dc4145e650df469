#pragma once
// Helpers shared by the ingest unit tests: a KnownCountries from a few codes, problems as the
// strings a user sees, and where the bundled data and the Debian iso-codes files are.

#include <cstdlib>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.h"
#include "ingest/diagnostic.h"
#include "ingest/known_countries.h"

namespace ordo::ingest::internal {

inline KnownCountries Known(std::initializer_list<std::string_view> codes) {
  KnownCountries known;
  for (std::string_view code : codes) known.insert(*CountryCode::Parse(code));
  return known;
}

// "file:line:column: message" for each problem.
inline std::vector<std::string> ProblemTexts(const std::vector<Diagnostic>& problems) {
  std::vector<std::string> texts;
  for (const Diagnostic& problem : problems) texts.push_back(problem.ToString());
  return texts;
}

// The bundled data directory: ORDO_TEST_DATA_DIR (set by ctest), else the configured one.
inline std::string TestDataDir() {
  if (const char* dir = std::getenv("ORDO_TEST_DATA_DIR"); dir != nullptr && *dir != '\0') {
    return dir;
  }
  return ORDO_INGEST_DEFAULT_DATA_DIR;
}

inline std::string IsoCodesJsonPath() {
  return std::string(ORDO_INGEST_ISO_CODES_DIR) + "/iso_3166-1.json";
}

inline std::string GettextCatalogPath(std::string_view language) {
  return std::string(ORDO_INGEST_LOCALE_DIR) + "/" + std::string(language) +
         "/LC_MESSAGES/iso_3166-1.mo";
}

}  // namespace ordo::ingest::internal
