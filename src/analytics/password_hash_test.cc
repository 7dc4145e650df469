#include "analytics/password_hash.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace ordo::analytics {
namespace {

TEST(PasswordHashTest, AHashVerifiesItsPasswordOnly) {
  Result<std::string> hash = HashPassword("correct horse battery");
  ASSERT_TRUE(hash.has_value()) << hash.error().ToString();
  EXPECT_EQ(hash->rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << *hash;
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horse batterY"));
  EXPECT_FALSE(VerifyPassword(*hash, ""));
}

TEST(PasswordHashTest, SaltsDiffer) {
  EXPECT_NE(HashPassword("correct horse battery").value(),
            HashPassword("correct horse battery").value());
}

TEST(PasswordHashTest, NoOrMalformedHashNeverVerifies) {
  EXPECT_FALSE(VerifyPassword("", "anything at all"));
  EXPECT_FALSE(VerifyPassword("$argon2id$broken", "anything at all"));
  EXPECT_FALSE(VerifyPassword("plain text password", "plain text password"));
  EXPECT_FALSE(VerifyPassword(DecoyPasswordHash(), ""));
}

TEST(PasswordHashTest, NewPasswordRules) {
  EXPECT_TRUE(CheckNewPassword("twelve chars"));
  EXPECT_TRUE(CheckNewPassword("Өмүрбек-Садыр"));  // 13 characters, more bytes
  EXPECT_EQ(CheckNewPassword("short").error().message(), "password is shorter than 12 characters");
  EXPECT_FALSE(CheckNewPassword("Өмүрбек"));  // 7 characters in 14 bytes
  EXPECT_EQ(CheckNewPassword(std::string(1025, 'x')).error().message(),
            "password is longer than 1024 bytes");
}

TEST(PasswordHashTest, SecretTokensAreLongRandomAndUrlSafe) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    std::string token = NewSecretToken().value();
    ASSERT_EQ(token.size(), 5u + 43u) << token;
    EXPECT_EQ(token.rfind("ordo_", 0), 0u);
    EXPECT_EQ(token.find_first_not_of(
                  "ordo_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-", 0),
              std::string::npos)
        << token;
    seen.insert(token);
  }
  EXPECT_EQ(seen.size(), 50u);
}

}  // namespace
}  // namespace ordo::analytics
