#include "analytics/identifier_keys.h"

#include <gtest/gtest.h>

namespace ordo::analytics {
namespace {

TEST(PhoneKeyTest, KyrgyzNumbersAgreeHoweverTheyAreWritten) {
  // Made-up numbers in the Kyrgyz mobile format.
  const std::string key = "+996555123456";
  EXPECT_EQ(PhoneKey("+996 (555) 12-34-56"), key);
  EXPECT_EQ(PhoneKey("+996555123456"), key);
  EXPECT_EQ(PhoneKey("0555 12 34 56"), key);
  EXPECT_EQ(PhoneKey("0555-123-456"), key);
  EXPECT_EQ(PhoneKey("00996 555 123456"), key);
  EXPECT_EQ(PhoneKey("555123456"), key);
  EXPECT_EQ(PhoneKey("996555123456"), "996555123456");  // 12 digits, no '+': kept as written
  EXPECT_EQ(PhoneKey("+7 701 123 45 67"), "+77011234567");
  EXPECT_EQ(PhoneKey("12-34"), "");
  EXPECT_EQ(PhoneKey("no number"), "");
}

TEST(IdentifierKeyTest, CyrillicLookAlikesAndSpacingDoNotMatter) {
  EXPECT_EQ(IdentifierKey("01 KG 123 ABC"), "01KG123ABC");
  EXPECT_EQ(IdentifierKey("01KG123АВС"), "01KG123ABC");  // А В С are Cyrillic
  EXPECT_EQ(IdentifierKey("01 kg 123 abc"), "01KG123ABC");
  EXPECT_EQ(IdentifierKey("В 123 ОР-01"), "B123OP01");
  EXPECT_EQ(IdentifierKey("ЕКМНТХУ"), "EKMHTXY");
  // Н is read by its look (H), not its sound (N).
  EXPECT_EQ(IdentifierKey("AH 1234567"), IdentifierKey("АН1234567"));
  EXPECT_NE(IdentifierKey("AN 1234567"), IdentifierKey("АН1234567"));
  EXPECT_EQ(IdentifierKey("ид 12"), "ИД12");  // no Latin look-alike: kept, upper-cased
  EXPECT_EQ(IdentifierKey(" - "), "");
}

}  // namespace
}  // namespace ordo::analytics
