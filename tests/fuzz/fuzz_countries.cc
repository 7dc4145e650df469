#include "fuzz_countries.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include "ingest/reference_readers.h"

namespace ordo::fuzz {
namespace {

std::string LowerAscii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

const std::vector<Country>& Countries() {
  static const std::vector<Country>* countries = [] {
    auto outcome = ingest::ReadIsoCodesCountries(std::string(ORDO_FUZZ_ISO_CODES_JSON));
    if (!outcome.ok() || outcome.rows.empty()) {
      std::fprintf(stderr, "fuzz: cannot read %s\n", ORDO_FUZZ_ISO_CODES_JSON);
      std::abort();
    }
    return new std::vector<Country>(std::move(outcome.rows));
  }();
  return *countries;
}

}  // namespace

const ingest::KnownCountries& KnownCountries() {
  static const ingest::KnownCountries* known =
      new ingest::KnownCountries(ingest::KnownCountriesOf(Countries()));
  return *known;
}

Result<CountryCode> ResolveCountry(std::string_view text) {
  static const std::map<std::string, CountryCode>* by_name = [] {
    auto* names = new std::map<std::string, CountryCode>();
    for (const Country& country : Countries()) {
      (*names)[LowerAscii(country.name_en)] = country.iso3;
      (*names)[LowerAscii(country.iso3.str())] = country.iso3;
    }
    return names;
  }();
  const auto found = by_name->find(LowerAscii(text));
  if (found == by_name->end()) return NotFound("unknown country '" + std::string(text) + "'");
  return found->second;
}

}  // namespace ordo::fuzz
