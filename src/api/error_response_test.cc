#include "api/error_response.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace ordo::api {
namespace {

TEST(ErrorResponseTest, EveryErrorCodeHasItsStatus) {
  EXPECT_EQ(HttpStatusFor(ErrorCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kNotFound), 404);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kAlreadyExists), 409);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kFailedPrecondition), 409);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kUnavailable), 503);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kInternal), 500);
}

TEST(ErrorResponseTest, ProblemDocumentFollowsRfc9457) {
  HttpResponse response = ErrorResponse(InvalidArgument("day 30 does not exist"), "before");

  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.content_type, "application/problem+json");
  auto problem = nlohmann::json::parse(*response.body);
  EXPECT_EQ(problem["type"], "about:blank");
  EXPECT_EQ(problem["title"], "Bad Request");
  EXPECT_EQ(problem["status"], 400);
  EXPECT_EQ(problem["detail"], "day 30 does not exist");
  EXPECT_EQ(problem["parameter"], "before");
}

TEST(ErrorResponseTest, ParameterIsLeftOutWhenNoneIsToBlame) {
  HttpResponse response = ErrorResponse(NotFound("no country matches 'Atlantis'"));

  EXPECT_EQ(response.status, 404);
  EXPECT_FALSE(nlohmann::json::parse(*response.body).contains("parameter"));
}

TEST(ErrorResponseTest, InvalidUtf8InADetailDoesNotThrow) {
  HttpResponse response = ErrorResponse(InvalidArgument("bad \xFF byte"));

  EXPECT_EQ(response.status, 400);
  EXPECT_NO_THROW(nlohmann::json::parse(*response.body));
}

TEST(ErrorResponseTest, MethodNotAllowedSaysWhichAreAllowed) {
  HttpResponse response = ProtocolErrorResponse(405, "method DELETE is not allowed");

  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(nlohmann::json::parse(*response.body)["title"], "Method Not Allowed");
  ASSERT_FALSE(response.headers.empty());
  bool has_allow = false;
  for (const auto& [name, value] : response.headers)
    has_allow |= name == "Allow" && value == "GET, HEAD";
  EXPECT_TRUE(has_allow);
}

}  // namespace
}  // namespace ordo::api
