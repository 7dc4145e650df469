// Fuzz target: the bilateral trade CSV reader (ReadTradeFlows).
// Built with libFuzzer by scripts/fuzz.sh; replayed on tests/fuzz/corpus/trade_reader and crashes/trade_reader by ctest.

#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz_checks.h"
#include "fuzz_countries.h"
#include "ingest/registry_readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  const auto outcome = ordo::ingest::ReadTradeFlows(in, "fuzz.csv", ordo::fuzz::KnownCountries());
  ordo::fuzz::CheckOutcome(outcome);
  return 0;
}
