#include "api/response_cache.h"

#include <gtest/gtest.h>

namespace ordo::api {
namespace {

HttpResponse Body(std::size_t size) {
  HttpResponse response;
  response.body = std::make_shared<const std::string>(size, 'x');
  return response;
}

TEST(ResponseCacheTest, StoredAnswerIsFoundWithItsBodyShared) {
  ResponseCache cache(1 << 20);
  HttpResponse answer = Body(100);
  cache.Insert("/api/v1/health?", answer);

  auto found = cache.Find("/api/v1/health?");

  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->body.get(), answer.body.get());
  EXPECT_FALSE(cache.Find("/api/v1/summary?").has_value());
}

TEST(ResponseCacheTest, LeastRecentlyUsedGoesFirstWhenTheBudgetIsExceeded) {
  ResponseCache cache(1 << 20, /*max_entries=*/2);
  cache.Insert("a", Body(10));
  cache.Insert("b", Body(10));
  ASSERT_TRUE(cache.Find("a").has_value());  // now b is the least recently used

  cache.Insert("c", Body(10));

  EXPECT_TRUE(cache.Find("a").has_value());
  EXPECT_FALSE(cache.Find("b").has_value());
  EXPECT_TRUE(cache.Find("c").has_value());
  EXPECT_EQ(cache.entry_count(), 2u);
}

TEST(ResponseCacheTest, ByteBudgetBoundsTheTotal) {
  ResponseCache cache(40 * 1024);
  for (int index = 0; index < 100; ++index) cache.Insert(std::to_string(index), Body(1000));

  EXPECT_LE(cache.byte_count(), 40u * 1024);
  EXPECT_TRUE(cache.Find("99").has_value());
  EXPECT_FALSE(cache.Find("0").has_value());
}

TEST(ResponseCacheTest, AnswersLargerThanAQuarterOfTheBudgetAreNotKept) {
  ResponseCache cache(4000);
  cache.Insert("big", Body(2000));

  EXPECT_FALSE(cache.Find("big").has_value());
}

TEST(ResponseCacheTest, ReplacingAnEntryKeepsTheCountRight) {
  ResponseCache cache(1 << 20);
  cache.Insert("a", Body(10));
  cache.Insert("a", Body(20));

  EXPECT_EQ(cache.entry_count(), 1u);
  EXPECT_EQ(cache.Find("a")->body->size(), 20u);
}

}  // namespace
}  // namespace ordo::api
