// Fuzz target: the reader of Ordo's seizure CSV (ReadSeizures), with a tablet mass and a fixed today.
// Built with libFuzzer by scripts/fuzz.sh; replayed on tests/fuzz/corpus/seizure_reader and crashes/seizure_reader by ctest.

#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz_checks.h"
#include "fuzz_countries.h"
#include "ingest/seizure_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  const auto outcome = ordo::ingest::ReadSeizures(in, "fuzz.csv", ordo::fuzz::KnownCountries(), {.tablet_mass_mg = 250.0, .today = ordo::PartialDate::Parse("2026-12-01").value()});
  ordo::fuzz::CheckOutcome(outcome);
  return 0;
}
