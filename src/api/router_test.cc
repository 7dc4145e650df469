#include "api/router.h"

#include <gtest/gtest.h>

namespace ordo::api {
namespace {

HttpResponse Named(std::string name) {
  HttpResponse response;
  response.body = std::make_shared<const std::string>(std::move(name));
  return response;
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add({"/api/v1/countries", {}, [](const RouteRequest&) { return Named("list"); }});
    router_.Add({"/api/v1/countries/{code}", {}, [](const RouteRequest&) { return Named("one"); }});
    router_.Add(
        {"/api/v1/trade/balance", {}, [](const RouteRequest&) { return Named("balance"); }});
  }

  Router router_;
};

TEST_F(RouterTest, LiteralPathFindsItsRoute) {
  auto match = router_.Match("/api/v1/countries");

  ASSERT_TRUE(match.has_value());
  EXPECT_EQ(match->route->pattern, "/api/v1/countries");
  EXPECT_TRUE(match->path_args.empty());
}

TEST_F(RouterTest, VariableSegmentIsPassedDecoded) {
  auto match = router_.Match("/api/v1/countries/%D0%A2%D1%83%D1%80%D1%86%D0%B8%D1%8F");

  ASSERT_TRUE(match.has_value());
  EXPECT_EQ(match->route->pattern, "/api/v1/countries/{code}");
  EXPECT_EQ(match->path_args, std::vector<std::string>{"Турция"});
}

TEST_F(RouterTest, UnknownPathsAreNotFound) {
  for (const char* path : {"/api/v1/nothing", "/api/v1/countries/", "/api/v1/countries/TUR/x",
                           "/api/v1//countries", "/api/v2/countries", "/api"}) {
    auto match = router_.Match(path);
    ASSERT_FALSE(match.has_value()) << path;
    EXPECT_EQ(match.error().code(), ErrorCode::kNotFound) << path;
  }
}

TEST_F(RouterTest, MalformedEscapesInThePathAreInvalid) {
  for (const char* path : {"/api/v1/countries/%zz", "/api/v1/countries/T%00R"}) {
    auto match = router_.Match(path);
    ASSERT_FALSE(match.has_value()) << path;
    EXPECT_EQ(match.error().code(), ErrorCode::kInvalidArgument) << path;
  }
}

TEST_F(RouterTest, RoutesAreListedInTheOrderAdded) {
  ASSERT_EQ(router_.routes().size(), 3u);
  EXPECT_EQ(router_.routes()[2].pattern, "/api/v1/trade/balance");
}

}  // namespace
}  // namespace ordo::api
