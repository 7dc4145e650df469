#include "core/ids.h"

#include <gtest/gtest.h>

namespace ordo {
namespace {

TEST(CountryCodeTest, UpperCasesThreeLetters) { EXPECT_EQ(CountryCode::Parse("tur")->str(), "TUR"); }

TEST(CountryCodeTest, RejectsAnythingButThreeLetters) {
  for (std::string_view text : {"", "TR", "TURK", "T1R", "ТУР"}) {
    EXPECT_FALSE(CountryCode::Parse(text).has_value()) << text;
  }
}

}  // namespace
}  // namespace ordo
