// Fuzz target: ReadIsoCodesCountries on arbitrary text (Debian iso-codes' iso_3166-1.json). The
// JSON parser's exceptions must not escape, and every country returned has its codes.
// Built with libFuzzer by scripts/fuzz.sh; replayed on tests/fuzz/corpus/iso_codes_reader and
// crashes/iso_codes_reader by ctest.

#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz_checks.h"
#include "ingest/reference_readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  const auto outcome = ordo::ingest::ReadIsoCodesCountries(in, "fuzz.json");
  ordo::fuzz::Require(outcome.rows.size() == outcome.row_lines.size(), "rows and lines differ");
  for (const auto& country : outcome.rows) {
    ordo::fuzz::Require(country.iso3.str().size() == 3, "a country without an alpha-3 code");
  }
  return 0;
}
