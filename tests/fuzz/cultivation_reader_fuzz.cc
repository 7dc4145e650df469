// Fuzz target: the cultivation and eradication CSV reader (ReadCultivation).
// Built with libFuzzer by scripts/fuzz.sh; replayed on tests/fuzz/corpus/cultivation_reader and crashes/cultivation_reader by ctest.

#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz_checks.h"
#include "fuzz_countries.h"
#include "ingest/cultivation_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  const auto outcome = ordo::ingest::ReadCultivation(in, "fuzz.csv", ordo::fuzz::KnownCountries(), {.current_year = 2026});
  ordo::fuzz::CheckOutcome(outcome);
  return 0;
}
