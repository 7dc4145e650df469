#include "core/account.h"

#include <gtest/gtest.h>

#include <string>

namespace ordo {
namespace {

TEST(AccountTest, RolesRoundTrip) {
  for (Role role : {Role::kAdmin, Role::kAnalyst, Role::kViewer}) {
    EXPECT_EQ(ParseRole(RoleName(role)).value(), role);
  }
  Result<Role> bad = ParseRole("Admin");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message(), "unknown role 'Admin'; expected admin, analyst or viewer");
}

TEST(AccountTest, Names) {
  EXPECT_TRUE(CheckAccountName("aidai.s"));
  EXPECT_TRUE(CheckAccountName("analyst-2_b"));
  EXPECT_TRUE(CheckAccountName(std::string(64, 'a')));
  EXPECT_FALSE(CheckAccountName(""));
  EXPECT_FALSE(CheckAccountName(std::string(65, 'a')));
  EXPECT_FALSE(CheckAccountName("Aidai"));  // one spelling per user
  EXPECT_FALSE(CheckAccountName("-aidai"));
  EXPECT_FALSE(CheckAccountName("ai dai"));
  EXPECT_FALSE(CheckAccountName("айдай"));
  EXPECT_EQ(CheckAccountName("ai/dai").error().message(),
            "account name 'ai/dai': only a-z, 0-9, '.', '_' and '-' (not first) are allowed");
  EXPECT_TRUE(CheckCompartmentName("case-2024-017"));
  EXPECT_EQ(CheckCompartmentName("").error().message(), "compartment name is empty");
}

}  // namespace
}  // namespace ordo
