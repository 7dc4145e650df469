// Fuzz target: PercentDecode in both modes. Whatever it accepts must be valid UTF-8 without
// control characters, as its contract says, and plain ASCII text without '%' or '+' must decode
// to itself.
// Built with libFuzzer by scripts/fuzz.sh; replayed on tests/fuzz/corpus/percent_decoding and
// crashes/percent_decoding by ctest.

#include <cstdint>
#include <string>
#include <string_view>

#include "api/percent_decoding.h"
#include "fuzz_checks.h"

namespace {

void CheckDecoded(std::string_view text, ordo::api::PlusSign plus) {
  using ordo::fuzz::Require;
  const auto decoded = ordo::api::PercentDecode(text, plus);
  if (!decoded) {
    Require(!decoded.error().message().empty(), "a rejection without a message");
    return;
  }
  Require(decoded->size() <= text.size(), "decoding made the text longer");
  Require(ordo::fuzz::IsValidUtf8(*decoded), "decoded text that is not UTF-8");
  Require(ordo::api::IsValidUtf8(*decoded), "IsValidUtf8 rejects what PercentDecode returned");
  for (char c : *decoded) {
    const auto byte = static_cast<unsigned char>(c);
    Require(byte >= 0x20 && byte != 0x7F, "a control character after decoding");
  }
  if (text.find_first_of("%+") == std::string_view::npos) {
    Require(*decoded == text, "text without escapes changed");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  CheckDecoded(text, ordo::api::PlusSign::kLiteral);
  CheckDecoded(text, ordo::api::PlusSign::kSpace);
  // The two UTF-8 checks must agree on any bytes, not only on decoded ones.
  ordo::fuzz::Require(ordo::api::IsValidUtf8(text) == ordo::fuzz::IsValidUtf8(text),
                      "the two UTF-8 validators disagree");
  return 0;
}
