// Fuzz target: the six readers of data/reference/*.csv (M49 regions, UN members, country name
// overrides, country aliases, land borders, trade blocs), all on the same input: the header
// decides which of them gets past the column check, so one corpus reaches all six.
// Built with libFuzzer by scripts/fuzz.sh; replayed on tests/fuzz/corpus/reference_readers and
// crashes/reference_readers by ctest.

#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz_checks.h"
#include "fuzz_countries.h"
#include "ingest/reference_readers.h"

namespace {

template <typename Read>
void ReadWith(const std::string& bytes, Read read) {
  std::istringstream in(bytes);
  ordo::fuzz::CheckOutcome(read(in));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace ingest = ordo::ingest;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const auto& known = ordo::fuzz::KnownCountries();
  ReadWith(bytes, [&](std::istream& in) { return ingest::ReadM49Regions(in, "fuzz.csv", known); });
  ReadWith(bytes, [&](std::istream& in) { return ingest::ReadUnMembers(in, "fuzz.csv", known); });
  ReadWith(bytes, [&](std::istream& in) {
    return ingest::ReadCountryNameOverrides(in, "fuzz.csv", known);
  });
  ReadWith(bytes,
           [&](std::istream& in) { return ingest::ReadCountryAliases(in, "fuzz.csv", known); });
  ReadWith(bytes, [&](std::istream& in) { return ingest::ReadLandBorders(in, "fuzz.csv", known); });
  ReadWith(bytes, [&](std::istream& in) { return ingest::ReadTradeBlocs(in, "fuzz.csv", known); });
  return 0;
}
