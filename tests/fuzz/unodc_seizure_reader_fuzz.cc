// Fuzz target: the UNODC individual-seizure CSV reader (ReadUnodcSeizures), with a resolver over
// the ISO 3166-1 codes and English names, a tablet mass, a fixed today and a source.
// Built with libFuzzer by scripts/fuzz.sh; replayed on tests/fuzz/corpus/unodc_seizure_reader and
// crashes/unodc_seizure_reader by ctest.

#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz_checks.h"
#include "fuzz_countries.h"
#include "ingest/unodc_seizure_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  ordo::ingest::UnodcReadOptions options;
  options.tablet_mass_mg = 250.0;
  options.today = ordo::PartialDate::Parse("2026-12-01").value();
  options.source = "fuzz";
  int last_line = 0;
  const auto problems = ordo::ingest::ReadUnodcSeizures(
      in, "fuzz.csv", ordo::fuzz::ResolveCountry, options,
      [&](ordo::Seizure&& seizure, int line) {
        ordo::fuzz::Require(line > last_line, "rows handed on out of order");
        ordo::fuzz::Require(!seizure.seizure_id.empty(), "a seizure without an id");
        last_line = line;
      });
  ordo::fuzz::CheckProblems(problems);
  return 0;
}
