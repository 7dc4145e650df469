#include "api/percent_decoding.h"

#include <gtest/gtest.h>

namespace ordo::api {
namespace {

TEST(PercentDecodingTest, DecodesEscapesOfEitherCase) {
  auto text = PercentDecode("%D0%A2%d1%83%D1%80%D1%86%D0%B8%D1%8F%20x", PlusSign::kLiteral);

  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(*text, "Турция x");
}

TEST(PercentDecodingTest, PlusIsASpaceOnlyInQueries) {
  EXPECT_EQ(PercentDecode("a+b", PlusSign::kSpace).value(), "a b");
  EXPECT_EQ(PercentDecode("a+b", PlusSign::kLiteral).value(), "a+b");
}

TEST(PercentDecodingTest, MalformedEscapesAreRejected) {
  for (const char* text : {"%zz", "%4", "%", "abc%g1"}) {
    auto decoded = PercentDecode(text, PlusSign::kSpace);
    ASSERT_FALSE(decoded.has_value()) << text;
    EXPECT_EQ(decoded.error().code(), ErrorCode::kInvalidArgument);
  }
}

TEST(PercentDecodingTest, NulAndOtherControlCharactersAreRejected) {
  EXPECT_FALSE(PercentDecode("a%00b", PlusSign::kSpace).has_value());
  EXPECT_FALSE(PercentDecode("a%0Ab", PlusSign::kSpace).has_value());
  EXPECT_FALSE(PercentDecode("a%7F", PlusSign::kSpace).has_value());
}

TEST(PercentDecodingTest, InvalidUtf8IsRejected) {
  EXPECT_FALSE(PercentDecode("%FF", PlusSign::kSpace).has_value());
  EXPECT_FALSE(PercentDecode("%C0%AF", PlusSign::kSpace).has_value());     // overlong '/'
  EXPECT_FALSE(PercentDecode("%ED%A0%80", PlusSign::kSpace).has_value());  // surrogate
  EXPECT_FALSE(PercentDecode("%D0", PlusSign::kSpace).has_value());        // cut short
}

TEST(PercentDecodingTest, Utf8CheckAcceptsEveryPlane) {
  EXPECT_TRUE(IsValidUtf8("Кыргызстан Ү Ө Ң 🇰🇬"));
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // past U+10FFFF
}

}  // namespace
}  // namespace ordo::api
