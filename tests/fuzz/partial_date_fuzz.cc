// Fuzz target: PartialDate::Parse. Whatever it accepts must print back exactly as written, cover
// at least one day, and compare consistently with itself and with the day it starts on.
// Built with libFuzzer by scripts/fuzz.sh; replayed on tests/fuzz/corpus/partial_date and
// crashes/partial_date by ctest.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/partial_date.h"
#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using ordo::fuzz::Require;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = ordo::PartialDate::Parse(text);
  if (!parsed) {
    Require(!parsed.error().message().empty(), "a rejection without a message");
    return 0;
  }
  const ordo::PartialDate& date = *parsed;
  Require(date.ToString() == text, "an accepted date prints differently");
  Require(date.FirstDay() <= date.LastDay(), "a date that ends before it starts");
  Require(date.year() >= 1000 && date.year() <= 9999, "a year outside 1000-9999");
  // A day is not before itself; a month or a year may be (some of its days are before others).
  Require(ordo::IsBefore(date, date) != ordo::Certainty::kYes, "a date certainly before itself");
  if (date.precision() == ordo::DatePrecision::kDay) {
    Require(ordo::IsBefore(date, date) == ordo::Certainty::kNo, "a day before itself");
  }
  const auto first = ordo::PartialDate::FromParts(date.year(), date.month() == 0 ? 1 : date.month(),
                                                  date.day() == 0 ? 1 : date.day());
  Require(first.has_value(), "the first day of an accepted date does not exist");
  Require(first->FirstDay() == date.FirstDay(), "the first day differs");
  Require(ordo::IsAfter(*first, date) != ordo::Certainty::kYes, "its first day after the date");
  return 0;
}
