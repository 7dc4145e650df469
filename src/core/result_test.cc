#include "core/result.h"

#include <gtest/gtest.h>

#include <string>

namespace ordo {
namespace {

Result<int> Half(int value) {
  if (value % 2 != 0) return InvalidArgument("odd: " + std::to_string(value));
  return value / 2;
}

Result<int> Quarter(int value) {
  ORDO_TRY(half, Half(value));
  return Half(half);
}

TEST(ResultTest, HoldsAValue) {
  Result<int> result = Half(8);

  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(*result, 4);
}

TEST(ResultTest, HoldsAnError) {
  Result<int> result = Half(3);

  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(result.error().ToString(), "invalid_argument: odd: 3");
}

TEST(ResultTest, TryPropagatesTheFirstError) {
  EXPECT_EQ(*Quarter(8), 2);
  EXPECT_EQ(Quarter(6).error().message(), "odd: 3");
}

TEST(ResultTest, StatusIsOkByDefault) {
  Status status = OkStatus();
  Status failed = NotFound("gone");

  EXPECT_TRUE(status.has_value());
  EXPECT_EQ(failed.error().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace ordo
