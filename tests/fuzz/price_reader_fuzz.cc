// Fuzz target: the drug price and purity CSV reader (ReadPrices).
// Built with libFuzzer by scripts/fuzz.sh; replayed on tests/fuzz/corpus/price_reader and crashes/price_reader by ctest.

#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz_checks.h"
#include "fuzz_countries.h"
#include "ingest/price_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  const auto outcome = ordo::ingest::ReadPrices(in, "fuzz.csv", ordo::fuzz::KnownCountries(), {.today = ordo::PartialDate::Parse("2026-12-01").value()});
  ordo::fuzz::CheckOutcome(outcome);
  return 0;
}
