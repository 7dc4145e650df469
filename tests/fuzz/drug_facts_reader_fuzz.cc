// Fuzz target: the drug facts CSV reader (ReadDrugFacts).
// Built with libFuzzer by scripts/fuzz.sh; replayed on tests/fuzz/corpus/drug_facts_reader and crashes/drug_facts_reader by ctest.

#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz_checks.h"
#include "fuzz_countries.h"
#include "ingest/registry_readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  const auto outcome = ordo::ingest::ReadDrugFacts(in, "fuzz.csv");
  ordo::fuzz::CheckOutcome(outcome);
  return 0;
}
