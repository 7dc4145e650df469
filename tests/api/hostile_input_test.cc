// Hostile and malformed requests get a 4xx answer (a problem+json document under /api), never a
// 5xx, and the server keeps serving.

#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "http_client.h"
#include "ordo_server.h"

namespace ordo::testing {
namespace {

using Json = nlohmann::json;

class HostileInputTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new OrdoServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void TearDown() override {
    ASSERT_TRUE(server_->Running()) << server_->Stderr();
    EXPECT_EQ(Fetch(server_->port(), "/api/v1/health").status, 200);
  }

  // Expects a problem document with `status` and, when given, the parameter it names.
  static Json ExpectProblem(const HttpReply& reply, int status, const std::string& parameter = "") {
    EXPECT_EQ(reply.status, status) << reply.body;
    EXPECT_EQ(reply.Header("content-type"), "application/problem+json");
    Json problem = Json::parse(reply.body, nullptr, /*allow_exceptions=*/false);
    EXPECT_FALSE(problem.is_discarded()) << reply.body;
    if (problem.is_discarded()) return problem;
    EXPECT_EQ(problem["status"], status);
    EXPECT_EQ(problem["type"], "about:blank");
    EXPECT_TRUE(problem["detail"].is_string());
    if (!parameter.empty()) {
      EXPECT_EQ(problem["parameter"], parameter) << reply.body;
    }
    return problem;
  }

  static HttpReply Get(const std::string& target) { return Fetch(server_->port(), target); }

  static OrdoServer* server_;
};

OrdoServer* HostileInputTest::server_ = nullptr;

TEST_F(HostileInputTest, HugeAndMalformedNumbersAreBadRequests) {
  ExpectProblem(Get("/api/v1/trade?year=99999999999999999999999999"), 400, "year");
  ExpectProblem(Get("/api/v1/trade?year=-9223372036854775809"), 400, "year");
  ExpectProblem(Get("/api/v1/trade?year=2019.5"), 400, "year");
  ExpectProblem(Get("/api/v1/relations?page=0"), 400, "page");
  ExpectProblem(Get("/api/v1/relations?page_size=501"), 400, "page_size");
  ExpectProblem(Get("/api/v1/relations?page_size=-1"), 400, "page_size");
}

TEST_F(HostileInputTest, DatesThatDoNotExistAreBadRequests) {
  Json problem = ExpectProblem(Get("/api/v1/relations?before=1992-02-30"), 400, "before");
  EXPECT_NE(problem["detail"].get<std::string>().find("1992-02"), std::string::npos);
  ExpectProblem(Get("/api/v1/relations?after=1991-02-29"), 400, "after");
  ExpectProblem(Get("/api/v1/relations?after=19920101"), 400, "after");
}

TEST_F(HostileInputTest, NulAndInvalidEscapesAreBadRequests) {
  ExpectProblem(Get("/api/v1/countries?q=a%00b"), 400, "q");
  ExpectProblem(Get("/api/v1/countries?q=%zz"), 400, "q");
  ExpectProblem(Get("/api/v1/countries?q=%FF%FE"), 400, "q");
  ExpectProblem(Get("/api/v1/countries/%zz"), 400);
  ExpectProblem(Get("/api/v1/countries/T%00R"), 400);
}

TEST_F(HostileInputTest, OverlongValuesAreBadRequests) {
  ExpectProblem(Get("/api/v1/countries?q=" + std::string(10 * 1024, 'a')), 400, "q");
}

TEST_F(HostileInputTest, UnknownAndRepeatedParametersAreNamed) {
  ExpectProblem(Get("/api/v1/countries?colour=red"), 400, "colour");
  ExpectProblem(Get("/api/v1/health?page=1"), 400, "page");
  ExpectProblem(Get("/api/v1/relations?page=1&page=2"), 400, "page");
  ExpectProblem(Get("/api/v1/countries?lang=de"), 400, "lang");
  ExpectProblem(Get("/api/v1/trade/balance?flow=transit"), 400, "flow");
  ExpectProblem(Get("/api/v1/relations?certain_only=maybe"), 400, "certain_only");
}

TEST_F(HostileInputTest, BadNarcoticsFiltersAreNamed) {
  for (const char* route : {"seizures", "stats", "trends", "hotspots"}) {
    const std::string base = std::string("/api/v1/narcotics/") + route + "?";
    SCOPED_TRACE(base);
    Json problem = ExpectProblem(Get(base + "drug=unobtainium"), 400, "drug");
    EXPECT_NE(problem["detail"].get<std::string>().find("heroin"), std::string::npos);
    ExpectProblem(Get(base + "country=Atlantis"), 400, "country");
    ExpectProblem(Get(base + "country=%FF"), 400, "country");
    ExpectProblem(Get(base + "from=2024-02-30"), 400, "from");
    ExpectProblem(Get(base + "to=last+week"), 400, "to");
    ExpectProblem(Get(base + "synthetic=perhaps"), 400, "synthetic");
    ExpectProblem(Get(base + "colour=red"), 400, "colour");
    ExpectProblem(Get(base + "drug=heroin&drug=opium"), 400, "drug");
    ExpectProblem(Get(base + "drug=" + std::string(2000, 'h')), 400, "drug");
  }
}

TEST_F(HostileInputTest, BadNarcoticsOptionsAreNamed) {
  ExpectProblem(Get("/api/v1/narcotics/seizures?page=0"), 400, "page");
  ExpectProblem(Get("/api/v1/narcotics/seizures?page_size=501"), 400, "page_size");
  ExpectProblem(Get("/api/v1/narcotics/stats?page=1"), 400, "page");
  ExpectProblem(Get("/api/v1/narcotics/trends?by=colour"), 400, "by");
  for (const char* value : {"0", "-10", "0.1", "abc", "1e3", "nan", "inf", "10km", "100000"}) {
    ExpectProblem(Get(std::string("/api/v1/narcotics/hotspots?cell_km=") + value), 400, "cell_km");
  }
  ExpectProblem(Get("/api/v1/narcotics/hotspots?band_km=99999"), 400, "band_km");
  ExpectProblem(Get("/api/v1/narcotics/hotspots?cell_km=1&band_km=500"), 400, "band_km");
  ExpectProblem(Get("/api/v1/narcotics/hotspots?weight=tonnes"), 400, "weight");
  ExpectProblem(Get("/api/v1/narcotics/hotspots?top=0"), 400, "top");
  ExpectProblem(Get("/api/v1/narcotics/hotspots?top=10001"), 400, "top");
  ExpectProblem(Get("/api/v1/narcotics/hotspots?top=99999999999999999999"), 400, "top");
}

TEST_F(HostileInputTest, NarcoticsRoutesAnswerOnADatabaseWithoutSeizures) {
  for (const char* target : {"/api/v1/narcotics/seizures", "/api/v1/narcotics/stats",
                             "/api/v1/narcotics/trends", "/api/v1/narcotics/hotspots"}) {
    EXPECT_EQ(Get(target).status, 200) << target;
  }
}

TEST_F(HostileInputTest, UnknownIdsAndRoutesAreNotFound) {
  ExpectProblem(Get("/api/v1/countries/Atlantis"), 404);
  ExpectProblem(Get("/api/v1/countries/" + std::string(8000, 'x')), 404);
  ExpectProblem(Get("/api/v1/organizations/NOPE"), 404);
  ExpectProblem(Get("/api/v1/trade?partner=Atlantis"), 404, "partner");
  ExpectProblem(Get("/api/v1/nothing"), 404);
  ExpectProblem(Get("/api/v2/countries"), 404);
  ExpectProblem(Get("/api/v1/../../etc/passwd"), 404);
}

TEST_F(HostileInputTest, PathTraversalNeverLeavesTheWebRoot) {
  for (const char* target : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                             "/..%2f..%2fetc%2fpasswd", "/assets/../../../etc/passwd",
                             "/%2E%2E%5C%2E%2E%5Cetc%5Cpasswd", "/.%2e/.%2e/etc/passwd"}) {
    HttpReply reply = Get(target);
    EXPECT_GE(reply.status, 400) << target;
    EXPECT_LT(reply.status, 500) << target;
    EXPECT_EQ(reply.body.find("root:"), std::string::npos) << target;
  }
}

TEST_F(HostileInputTest, AHundredKilobyteHeaderIsRefused) {
  HttpConnection connection(server_->port());
  std::optional<HttpReply> reply =
      connection.Raw("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " +
                     std::string(100 * 1024, 'a') + "\r\n\r\n");

  ASSERT_TRUE(reply.has_value());
  ExpectProblem(*reply, 431);
  EXPECT_TRUE(connection.ClosedByServer());
}

TEST_F(HostileInputTest, AHundredKilobyteTargetIsRefused) {
  HttpConnection connection(server_->port());
  std::optional<HttpReply> reply =
      connection.Request("GET", "/api/v1/countries?q=" + std::string(100 * 1024, 'a'));

  ASSERT_TRUE(reply.has_value());
  ExpectProblem(*reply, 431);
}

TEST_F(HostileInputTest, ABodyOverTheLimitIsRefused) {
  HttpConnection connection(server_->port());
  std::optional<HttpReply> reply =
      connection.Request("POST", "/api/v1/health", {}, std::string(100 * 1024, 'b'));

  ASSERT_TRUE(reply.has_value());
  ExpectProblem(*reply, 413);
}

TEST_F(HostileInputTest, MethodsOtherThanGetAndHeadAreNotAllowed) {
  for (const char* method : {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "BREW"}) {
    HttpConnection connection(server_->port());
    std::optional<HttpReply> reply = connection.Request(method, "/api/v1/health");
    ASSERT_TRUE(reply.has_value()) << method;
    ExpectProblem(*reply, 405);
    EXPECT_EQ(reply->Header("allow"), "GET, HEAD") << method;
  }
  EXPECT_EQ(Fetch(server_->port(), "/", "DELETE").status, 405);
}

TEST_F(HostileInputTest, MalformedRequestLinesAreBadRequests) {
  for (const char* raw :
       {"GARBAGE\r\n\r\n", "GET /api/v1/health HTTP/9.9\r\n\r\n",
        "GET /api/v1/health HTTP/1.1\r\nBad Header\r\n\r\n", "GET api/v1/health HTTP/1.1\r\n\r\n",
        "GET http://example.org/ HTTP/1.1\r\n\r\n"}) {
    HttpConnection connection(server_->port());
    std::optional<HttpReply> reply = connection.Raw(raw);
    ASSERT_TRUE(reply.has_value()) << raw;
    EXPECT_GE(reply->status, 400) << raw;
    EXPECT_LT(reply->status, 500) << raw;
  }
}

TEST_F(HostileInputTest, AClientThatHangsUpMidRequestDoesNotHurt) {
  {
    HttpConnection connection(server_->port());
    connection.Send("GET /api/v1/summ");  // and goes away
  }
  EXPECT_EQ(Get("/api/v1/summary").status, 200);
}

}  // namespace
}  // namespace ordo::testing
