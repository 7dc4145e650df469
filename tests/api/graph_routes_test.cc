// The entity-graph routes (/api/v1/graph/...) against the real server over a socket, on a real
// SQLite database filled by `ordo import ftm`: the answers agree with `ordo graph` on the same case,
// bad parameters are named, unknown ids are 404, and a new import is served without a restart.

#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "http_client.h"
#include "ordo_runner.h"
#include "ordo_server.h"

namespace ordo::testing {
namespace {

using Json = nlohmann::json;

const std::string kCase = ORDO_SOURCE_DIR "/tests/integration/ftm/case.ftm";

class GraphRoutesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new OrdoServer({}, [](const std::string& db) {
      RunResult imported = RunOrdo({"--db", db, "import", "ftm", kCase, "--source",
                                    "made-up test case", "--case", "CASE-7"});
      ASSERT_EQ(imported.exit_code, 0) << imported.err;
    }, OrdoServer::Accounts::kTester, /*serve_database=*/"", "graph_routes_case_7");
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static HttpReply Raw(const std::string& target) { return Fetch(server_->port(), target); }

  static Json Get(const std::string& target) {
    HttpReply reply = Raw(target);
    EXPECT_EQ(reply.status, 200) << target << ": " << reply.body;
    EXPECT_EQ(reply.Header("content-type"), "application/json") << target;
    return Json::parse(reply.body, nullptr, /*allow_exceptions=*/false);
  }

  static void ExpectProblem(const std::string& target, int status, const std::string& parameter) {
    HttpReply reply = Raw(target);
    EXPECT_EQ(reply.status, status) << target << ": " << reply.body;
    EXPECT_EQ(reply.Header("content-type"), "application/problem+json") << target;
    Json problem = Json::parse(reply.body, nullptr, /*allow_exceptions=*/false);
    EXPECT_EQ(problem.value("parameter", ""), parameter) << target << ": " << reply.body;
  }

  static std::vector<std::string> Ids(const Json& list) {
    std::vector<std::string> ids;
    for (const Json& item : list) ids.push_back(item.is_string() ? item : item["id"]);
    return ids;
  }

  static OrdoServer* server_;
};

OrdoServer* GraphRoutesTest::server_ = nullptr;

TEST_F(GraphRoutesTest, SummaryCountsTheImportedCase) {
  // 5 entities of the file and the shared phone and registration nodes; 2 links of the file and 3
  // holds links to the shared nodes.
  EXPECT_EQ(Get("/api/v1/graph/summary"), Json({{"entities", 7}, {"links", 5}, {"marking", "unmarked"}}));
}

TEST_F(GraphRoutesTest, SearchFindsLatinAndCyrillicNamesInAnyCase) {
  Json latin = Get("/api/v1/graph/search?q=SADYROV");
  ASSERT_EQ(Ids(latin["entities"]), std::vector<std::string>{"p1"});
  EXPECT_EQ(latin["entities"][0], Json({{"id", "p1"},
                                        {"name", "Asan Sadyrov"},
                                        {"type", "person"},
                                        {"degree", 2},
                                        {"synthetic", false},
                                        {"compartment", "general"},
                                        {"marking", "unmarked"}}));
  // "бакыт" finds "Бакыт Осмонов".
  EXPECT_EQ(Ids(Get("/api/v1/graph/search?q=%D0%B1%D0%B0%D0%BA%D1%8B%D1%82")["entities"]),
            std::vector<std::string>{"p2"});
  Json none = Get("/api/v1/graph/search?q=nobody");
  EXPECT_EQ(none["entities"], Json::array());
  EXPECT_EQ(none["total"], 0);
}

TEST_F(GraphRoutesTest, EntityHasItsImportedProperties) {
  Json p1 = Get("/api/v1/graph/entities/p1");
  EXPECT_EQ(p1["schema"], "Person");
  EXPECT_EQ(p1["properties"]["name"], Json::array({"Asan Sadyrov"}));
  EXPECT_EQ(p1["properties"]["phone"], Json::array({"+996 (555) 12-34-56"}));
  EXPECT_EQ(p1["source"], "made-up test case");
  EXPECT_EQ(p1["case"], "CASE-7");
  EXPECT_EQ(p1["synthetic"], false);

  // Ids with ':' and '+' are sent percent-encoded.
  Json phone = Get("/api/v1/graph/entities/phone:%2B996555123456");
  EXPECT_EQ(phone["type"], "phone");
  EXPECT_EQ(phone["degree"], 2);
  EXPECT_TRUE(phone["schema"].is_null());
}

TEST_F(GraphRoutesTest, ExpandAgreesWithTheCli) {
  Json found = Get("/api/v1/graph/expand?seed=p1");

  // The same entities and links, in the same order, as `ordo graph expand p1` (ftm_import_test).
  EXPECT_EQ(Ids(found["nodes"]),
            (std::vector<std::string>{"p1", "phone:+996555123456", "p2"}));
  EXPECT_EQ(Ids(found["links"]), (std::vector<std::string>{"p1~holds~phone:+996555123456", "f1"}));
  EXPECT_EQ(found["links"][1], Json({{"id", "f1"},
                                     {"type", "family"},
                                     {"from", "p1"},
                                     {"to", "p2"},
                                     {"start", nullptr},
                                     {"end", nullptr},
                                     {"compartment", "general"},
                                     {"marking", "unmarked"}}));
  EXPECT_TRUE(found["next_offset"].is_null());

  Json trip = Get("/api/v1/graph/expand?seed=a1&link_types=travel");
  ASSERT_EQ(trip["links"].size(), 1u);
  EXPECT_EQ(trip["links"][0]["start"], "2022-06-01");
  EXPECT_TRUE(trip["links"][0]["end"].is_null());
  EXPECT_EQ(Get("/api/v1/graph/expand?seed=a1&as_of=2021")["links"], Json::array());
}

TEST_F(GraphRoutesTest, PathAgreesWithTheCliAndIsEmptyWhenUnconnected) {
  Json through_phone = Get("/api/v1/graph/path?from=p1&to=p2&link_types=holds");
  ASSERT_EQ(through_phone["paths"].size(), 1u);
  EXPECT_EQ(through_phone["paths"][0]["nodes"],
            Json::array({"p1", "phone:+996555123456", "p2"}));
  EXPECT_EQ(through_phone["paths"][0]["links"],
            Json::array({"p1~holds~phone:+996555123456", "p2~holds~phone:+996555123456"}));
  EXPECT_EQ(through_phone["nodes"].size(), 3u);
  EXPECT_EQ(Get("/api/v1/graph/path?from=p1&to=p2")["paths"][0]["links"], Json::array({"f1"}));
  Json all = Get("/api/v1/graph/path?from=p1&to=p2&mode=all");
  EXPECT_EQ(all["total"], 1);

  Json none = Get("/api/v1/graph/path?from=p1&to=a1");
  EXPECT_EQ(none["paths"], Json::array());
}

TEST_F(GraphRoutesTest, CentralAgreesWithTheCli) {
  Json central = Get("/api/v1/graph/central?limit=1");

  EXPECT_EQ(Ids(central["entities"]), std::vector<std::string>{"p1"});
  EXPECT_EQ(central["entities"][0]["score"], 2);
}

TEST_F(GraphRoutesTest, BadParametersAreNamedAndUnknownEntitiesAreNotFound) {
  ExpectProblem("/api/v1/graph/search", 400, "q");
  ExpectProblem("/api/v1/graph/search?q=a&limit=501", 400, "limit");
  ExpectProblem("/api/v1/graph/expand?hops=2", 400, "seed");
  ExpectProblem("/api/v1/graph/expand?seed=p1&hops=0", 400, "hops");
  ExpectProblem("/api/v1/graph/expand?seed=p1&link_types=bribe", 400, "link_types");
  ExpectProblem("/api/v1/graph/expand?seed=p1&entity_types=alien", 400, "entity_types");
  ExpectProblem("/api/v1/graph/expand?seed=p1&as_of=2023-02-29", 400, "as_of");
  ExpectProblem("/api/v1/graph/expand?seed=p1&limit=5001", 400, "limit");
  ExpectProblem("/api/v1/graph/path?from=p1&to=p2&mode=shortest", 400, "mode");
  ExpectProblem("/api/v1/graph/central?measure=betweenness", 400, "measure");
  ExpectProblem("/api/v1/graph/entities/p99", 404, "id");
  ExpectProblem("/api/v1/graph/expand?seed=p99", 404, "seed");
  ExpectProblem("/api/v1/graph/path?from=p1&to=p99", 404, "to");
}

// Each test runs in a process of its own (gtest_discover_tests), so this one may change the database.
TEST_F(GraphRoutesTest, ANewImportIsServedWithoutARestart) {
  ASSERT_EQ(Get("/api/v1/graph/summary")["entities"], 7);
  const std::string file = server_->dir() + "/later.ftm";
  std::ofstream(file) << R"({"id":"p9","schema":"Person","properties":{"name":["Later Person"]}})"
                      << "\n";
  RunResult imported =
      RunOrdo({"--db", server_->db_path(), "import", "ftm", file, "--source", "made-up test"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;

  // The server looks at the file at most once a second.
  Json summary;
  for (int attempt = 0; attempt < 50; ++attempt) {
    summary = Get("/api/v1/graph/summary");
    if (summary["entities"] == 8) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(summary["entities"], 8);
  EXPECT_EQ(Get("/api/v1/graph/entities/p9")["name"], "Later Person");
}

}  // namespace
}  // namespace ordo::testing
