// Fuzz target: ParseGettextCatalog on arbitrary bytes (the .mo files that give the Russian and
// Kyrgyz country names). An accepted catalog holds only valid UTF-8.
// Built with libFuzzer by scripts/fuzz.sh; replayed on tests/fuzz/corpus/gettext_catalog and
// crashes/gettext_catalog by ctest.

#include <cstdint>
#include <string_view>

#include "fuzz_checks.h"
#include "ingest/reference_readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto catalog = ordo::ingest::ParseGettextCatalog(
      std::string_view(reinterpret_cast<const char*>(data), size));
  if (!catalog) return 0;
  for (const auto& [id, text] : *catalog) {
    ordo::fuzz::Require(ordo::fuzz::IsValidUtf8(id) && ordo::fuzz::IsValidUtf8(text),
                        "a catalog entry that is not UTF-8");
  }
  return 0;
}
