#include "graph/internal/raw_array.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <utility>

namespace ordo::graph::internal {
namespace {

TEST(RawArrayTest, HoldsWhatIsWrittenSmallAndHuge) {
  for (std::size_t size : {std::size_t{1}, std::size_t{1000}, std::size_t{3} << 20}) {
    RawArray<std::uint32_t> array(size);
    ASSERT_EQ(array.size(), size);
    for (std::size_t i = 0; i < size; ++i) array[i] = static_cast<std::uint32_t>(i * 7);
    for (std::size_t i = 0; i < size; i += 997) ASSERT_EQ(array[i], i * 7) << "size " << size;
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(array.data()) % 64, 0u);
  }
}

TEST(RawArrayTest, TruncateLowersTheSizeInPlaceAndNeverRaisesIt) {
  RawArray<float> array(100);
  for (std::size_t i = 0; i < 100; ++i) array[i] = static_cast<float>(i);
  const float* before = array.data();
  array.Truncate(40);
  EXPECT_EQ(array.size(), 40u);
  EXPECT_EQ(array.data(), before);
  EXPECT_EQ(array[39], 39.0f);
  array.Truncate(60);
  EXPECT_EQ(array.size(), 40u);
  array.Truncate(0);
  EXPECT_TRUE(array.empty());
}

TEST(RawArrayTest, MovingHandsOverTheElements) {
  RawArray<std::uint32_t> from(10);
  from[9] = 42;
  RawArray<std::uint32_t> to(std::move(from));
  EXPECT_TRUE(from.empty());  // NOLINT(bugprone-use-after-move): a moved-from array is empty
  EXPECT_EQ(from.data(), nullptr);
  EXPECT_EQ(to.size(), 10u);
  EXPECT_EQ(to[9], 42u);
  RawArray<std::uint32_t> other(3);
  other = std::move(to);
  EXPECT_EQ(other.size(), 10u);
  EXPECT_EQ(other[9], 42u);
}

}  // namespace
}  // namespace ordo::graph::internal
