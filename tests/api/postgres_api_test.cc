// The same API on both backends (issue #6): one SQLite database filled by the real commands
// (registry, 300 simulated seizures, cultivation and prices, 3 synthetic cases of entities and
// links), served as it is and, copied by `ordo migrate-data`, from PostgreSQL (the throw-away test
// cluster, a schema of its own). Every read route, with the parameters that exercise it, must
// answer byte for byte alike: status, content type and body. Then a write by another process
// (`ordo import ftm` on the PostgreSQL database) is served by the running PostgreSQL server
// within its check interval, as a write to the SQLite file is.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "graph_rebuild_scenario.h"
#include "http_client.h"
#include "ordo_runner.h"
#include "ordo_server.h"
#include "storage/postgres/testing/test_cluster.h"

namespace ordo::testing {
namespace {

using Json = nlohmann::json;

constexpr char kCultivationFile[] =
    "year,country_iso3,region,crop,kind,hectares,synthetic,source,note\n"
    "2022,KGZ,Region A,cannabis,cultivated,120,true,API backend test fixture (made up),\n"
    "2022,TJK,,opium_poppy,eradicated,7.5,true,API backend test fixture (made up),a note\n";

// Fills the SQLite database the two servers answer from.
void Fill(const std::string& db) {
  RunResult seizures = RunOrdo({"--db", db, "simulate", "--out", db + ".seizures.csv", "--count",
                                "300", "--seed", "7", "--import", "--quiet"});
  ASSERT_EQ(seizures.exit_code, 0) << seizures.err;
  std::ofstream(db + ".cultivation.csv") << kCultivationFile;
  RunResult cultivation =
      RunOrdo({"--db", db, "narcotics", "import", "cultivation", db + ".cultivation.csv"});
  ASSERT_EQ(cultivation.exit_code, 0) << cultivation.err;
  RunResult cases = RunOrdo({"--db", db, "simulate", "--cases", "3", "--groups", "2", "--seed",
                             "1", "--truth", db + ".truth.json"});
  ASSERT_EQ(cases.exit_code, 0) << cases.err;
}

class PostgresApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::string> uri = storage::testing::NewTestSchemaUri();
    ASSERT_TRUE(uri.has_value()) << uri.error().ToString();
    uri_ = *uri;
  }
  std::string uri_;
};

TEST_F(PostgresApiTest, EveryReadRouteAnswersByteForByteAlike) {
  OrdoServer sqlite({}, Fill);
  OrdoServer postgres({}, Fill, OrdoServer::Accounts::kTester, uri_);
  ASSERT_NE(sqlite.port(), 0);
  ASSERT_NE(postgres.port(), 0);

  // Entities to ask about, from the SQLite server's own answers.
  Json central = Json::parse(Fetch(sqlite.port(), "/api/v1/graph/central?limit=2").body);
  ASSERT_GE(central["entities"].size(), 2u) << central.dump();
  const std::string first = central["entities"][0]["id"];
  const std::string second = central["entities"][1]["id"];

  const std::vector<std::string> targets = {
      "/api/v1/session",
      "/api/v1/summary",
      "/api/v1/countries",
      "/api/v1/countries/KAZ",
      "/api/v1/countries/XXX",
      "/api/v1/relations",
      "/api/v1/relations?page_size=7&page=3",
      "/api/v1/timeline",
      "/api/v1/coverage",
      "/api/v1/organizations",
      "/api/v1/organizations/CSTO",
      "/api/v1/trade",
      "/api/v1/trade/concentration",
      "/api/v1/trade/balance",
      "/api/v1/facts",
      "/api/v1/places",
      "/api/v1/narcotics/seizures",
      "/api/v1/narcotics/seizures?drug=heroin&page_size=5&page=2",
      "/api/v1/narcotics/stats",
      "/api/v1/narcotics/trends",
      "/api/v1/narcotics/hotspots",
      "/api/v1/narcotics/routes",
      "/api/v1/narcotics/interdiction",
      "/api/v1/narcotics/bulletin?period=2020",
      "/api/v1/graph/summary",
      "/api/v1/graph/search?q=" + first.substr(0, 3),
      "/api/v1/graph/entities/" + first,
      "/api/v1/graph/entities/no-such-entity",
      "/api/v1/graph/expand?seed=" + first + "&hops=2",
      "/api/v1/graph/path?from=" + first + "&to=" + second,
      "/api/v1/graph/central",
      "/api/v1/graph/central?measure=degree&limit=5",
      "/api/v1/graph/duplicates?min_score=0.3",
      "/api/v1/graph/merges",
      "/api/v1/relations?page_size=0",
  };
  for (const std::string& target : targets) {
    const HttpReply from_sqlite = Fetch(sqlite.port(), target);
    const HttpReply from_postgres = Fetch(postgres.port(), target);
    EXPECT_EQ(from_postgres.status, from_sqlite.status) << target;
    EXPECT_EQ(from_postgres.Header("content-type"), from_sqlite.Header("content-type")) << target;
    EXPECT_EQ(from_postgres.body, from_sqlite.body) << target;
    EXPECT_FALSE(from_sqlite.body.empty()) << target;
  }
}

TEST_F(PostgresApiTest, AnotherProcesssWriteIsServedWithoutARestart) {
  OrdoServer postgres({}, {}, OrdoServer::Accounts::kTester, uri_);
  ASSERT_NE(postgres.port(), 0);
  const Json before = Json::parse(Fetch(postgres.port(), "/api/v1/graph/summary").body);
  RunResult imported =
      RunOrdo({"--db", uri_, "import", "ftm", ORDO_SOURCE_DIR "/tests/integration/ftm/case.ftm",
               "--source", "made-up test case"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  // The server checks at most once a second; give it a few.
  Json after;
  for (int attempt = 0; attempt < 50; ++attempt) {
    after = Json::parse(Fetch(postgres.port(), "/api/v1/graph/summary").body);
    if (after != before) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  EXPECT_NE(after, before) << after.dump();
  EXPECT_GT(after.value("entities", 0), before.value("entities", 0)) << after.dump();
}

using Headers = std::vector<std::pair<std::string, std::string>>;

HttpReply Send(std::uint16_t port, const std::string& method, const std::string& target,
               const Headers& headers = {}, const std::string& body = "") {
  HttpConnection connection(port, Credentials::kNone);
  std::optional<HttpReply> reply = connection.Request(method, target, headers, body);
  EXPECT_TRUE(reply.has_value()) << method << " " << target;
  return reply.value_or(HttpReply{});
}

HttpReply SignIn(std::uint16_t port, const std::string& password) {
  const Json body = {{"account", "tester"}, {"password", password}};
  return Send(port, "POST", "/api/v1/session", {{"Content-Type", "application/json"}},
              body.dump());
}

std::string CookieOf(const HttpReply& reply) {
  const std::string set = reply.Header("set-cookie");
  return set.substr(0, set.find(';'));
}

// Two servers on one PostgreSQL database share sessions; a restart keeps them; a sign-out on one
// is seen by the other.
TEST_F(PostgresApiTest, TwoServersShareSessionsThatOutliveARestart) {
  auto first = std::make_unique<OrdoServer>(std::vector<std::string>{}, OrdoServer::Prepare{},
                                            OrdoServer::Accounts::kTester, uri_);
  ASSERT_NE(first->port(), 0);
  OrdoServer second(OrdoServer::Existing{}, uri_, first->token());
  ASSERT_NE(second.port(), 0);
  const HttpReply signed_in = SignIn(first->port(), kTesterPassword);
  ASSERT_EQ(signed_in.status, 200) << signed_in.body;
  const std::string csrf = Json::parse(signed_in.body)["csrf_token"];
  const Headers by_cookie = {{"Cookie", CookieOf(signed_in)}};
  EXPECT_EQ(Send(second.port(), "GET", "/api/v1/summary", by_cookie).status, 200);

  EXPECT_EQ(first->Terminate(), 0);
  first.reset();
  OrdoServer restarted(OrdoServer::Existing{}, uri_, second.token());
  ASSERT_NE(restarted.port(), 0);
  const HttpReply who = Send(restarted.port(), "GET", "/api/v1/session", by_cookie);
  ASSERT_EQ(who.status, 200) << who.body;
  EXPECT_EQ(Json::parse(who.body)["csrf_token"], csrf);

  Headers sign_out = by_cookie;
  sign_out.emplace_back("X-CSRF-Token", csrf);
  ASSERT_EQ(Send(restarted.port(), "DELETE", "/api/v1/session", sign_out).status, 200);
  EXPECT_EQ(Send(second.port(), "GET", "/api/v1/summary", by_cookie).status, 401);
  EXPECT_EQ(Send(restarted.port(), "GET", "/api/v1/summary", by_cookie).status, 401);
}

// A graph job on PostgreSQL: a second server on the database reads it as the first does, and after
// the first stops, the server started in its place answers it byte for byte as before.
TEST_F(PostgresApiTest, AGraphJobIsSharedByTwoServersAndOutlivesARestart) {
  auto first = std::make_unique<OrdoServer>(
      std::vector<std::string>{},
      [](const std::string& db) {
        RunResult cases = RunOrdo({"--db", db, "simulate", "--cases", "1", "--groups", "2",
                                   "--seed", "1", "--truth", db + ".truth.json"});
        ASSERT_EQ(cases.exit_code, 0) << cases.err;
      },
      OrdoServer::Accounts::kTester, uri_, "postgres_api_jobs_one_case");
  ASSERT_NE(first->port(), 0);
  OrdoServer second(OrdoServer::Existing{}, uri_, first->token());
  ASSERT_NE(second.port(), 0);
  const Headers as_tester = {{"Authorization", "Bearer " + first->token()},
                             {"Content-Type", "application/json"}};
  const HttpReply submitted =
      Send(first->port(), "POST", "/api/v1/graph/jobs", as_tester, R"({"kind":"pagerank"})");
  ASSERT_EQ(submitted.status, 202) << submitted.body;
  const std::string job =
      "/api/v1/graph/jobs/" + Json::parse(submitted.body)["id"].get<std::string>();
  HttpReply done;
  for (int i = 0; i < 3000; ++i) {
    done = Send(first->port(), "GET", job, as_tester);
    if (Json::parse(done.body, nullptr, false).value("state", "") == "done") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_EQ(Json::parse(done.body)["state"], "done") << done.body;
  const std::string top = Json::parse(done.body)["result"]["top"][0]["id"];
  const HttpReply values = Send(first->port(), "GET", job + "/values?ids=" + top, as_tester);
  ASSERT_EQ(values.status, 200) << values.body;

  const HttpReply on_second = Send(second.port(), "GET", job, as_tester);
  EXPECT_EQ(first->Terminate(), 0);
  first.reset();
  OrdoServer restarted(OrdoServer::Existing{}, uri_, second.token());
  ASSERT_NE(restarted.port(), 0);
  const HttpReply after = Send(restarted.port(), "GET", job, as_tester);
  const HttpReply values_after =
      Send(restarted.port(), "GET", job + "/values?ids=" + top, as_tester);

  EXPECT_EQ(on_second.body, done.body);
  EXPECT_EQ(after.status, 200);
  EXPECT_EQ(after.body, done.body);
  EXPECT_EQ(values_after.body, values.body);
}

// Wrong passwords taking turns between two servers: the fifth, on either, locks the account on
// both; then even the right password is refused with the same answer.
TEST_F(PostgresApiTest, TwoServersCountWrongPasswordsTogether) {
  OrdoServer first({}, {}, OrdoServer::Accounts::kTester, uri_);
  ASSERT_NE(first.port(), 0);
  OrdoServer second(OrdoServer::Existing{}, uri_, first.token());
  ASSERT_NE(second.port(), 0);
  const HttpReply refused = SignIn(first.port(), "not the password");
  ASSERT_EQ(refused.status, 401);
  for (int attempt = 2; attempt <= 5; ++attempt) {
    EXPECT_EQ(SignIn(attempt % 2 == 0 ? second.port() : first.port(), "not the password").status,
              401);
  }
  const HttpReply locked = SignIn(second.port(), kTesterPassword);
  EXPECT_EQ(locked.status, 401);
  EXPECT_EQ(locked.body, refused.body);
  EXPECT_EQ(SignIn(first.port(), kTesterPassword).status, 401);
  // `ordo user enable` clears the lock for both.
  ASSERT_EQ(RunOrdo({"--db", uri_, "user", "enable", "tester"}).exit_code, 0);
  EXPECT_EQ(SignIn(first.port(), kTesterPassword).status, 200);
}

// Two servers append audit batches to one chain at the same time; `ordo audit verify` passes.
TEST_F(PostgresApiTest, TwoServersAuditingAtOnceKeepOneChain) {
  OrdoServer first({}, {}, OrdoServer::Accounts::kTester, uri_);
  ASSERT_NE(first.port(), 0);
  OrdoServer second(OrdoServer::Existing{}, uri_, first.token(), {"--threads", "4"});
  ASSERT_NE(second.port(), 0);
  constexpr int kEach = 40;
  std::vector<std::thread> clients;
  std::atomic<int> served{0};
  for (std::uint16_t port : {first.port(), second.port(), first.port(), second.port()}) {
    clients.emplace_back([port, &served] {
      for (int i = 0; i < kEach; ++i) {
        if (Fetch(port, "/api/v1/graph/summary").status == 200) ++served;
      }
    });
  }
  for (std::thread& client : clients) client.join();
  EXPECT_EQ(served.load(), 4 * kEach);
  EXPECT_EQ(first.Terminate(), 0);
  EXPECT_EQ(second.Terminate(), 0);
  RunResult verified = RunOrdo({"--db", uri_, "audit", "verify"});
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;
  EXPECT_NE(verified.out.find("audit log intact"), std::string::npos) << verified.out;
  RunResult reads = RunOrdo({"--db", uri_, "--format", "csv", "audit", "tail", "-n", "1000"});
  ASSERT_EQ(reads.exit_code, 0) << reads.err;
  std::size_t summaries = 0;
  for (std::size_t at = reads.out.find("/api/v1/graph/summary"); at != std::string::npos;
       at = reads.out.find("/api/v1/graph/summary", at + 1)) {
    ++summaries;
  }
  EXPECT_EQ(summaries, std::size_t{4 * kEach});
}

// Seizures written by another process are served while the entity graph is kept; entities make it
// be built again (the triggers of PostgreSQL schema 7).
TEST_F(PostgresApiTest, ASeizuresOnlyImportKeepsTheGraphAndAnEntityImportRebuildsIt) {
  OrdoServer postgres({}, Fill, OrdoServer::Accounts::kTester, uri_);
  ASSERT_NE(postgres.port(), 0);

  ExpectASeizuresOnlyImportKeepsTheGraph(postgres, uri_, postgres.dir());
}

// A merge through the API on PostgreSQL: the next request serves the merged graph (the entity
// count drops by one, the kept entity lists the merged id), and the unmerge restores it.
TEST_F(PostgresApiTest, AMergeThroughTheApiIsServedAtOnceAndUndone) {
  OrdoServer postgres(
      {},
      [](const std::string& db) {
        const RunResult imported = RunOrdo({"--db", db, "import", "ftm",
                                            ORDO_SOURCE_DIR "/tests/integration/ftm/names.ftm",
                                            "--source", "made-up test case", "--synthetic"});
        ASSERT_EQ(imported.exit_code, 0) << imported.err;
      },
      OrdoServer::Accounts::kTester, uri_);
  ASSERT_NE(postgres.port(), 0);
  auto entities = [&] {
    return Json::parse(Fetch(postgres.port(), "/api/v1/graph/summary").body)["entities"];
  };
  const Json before = entities();
  HttpConnection connection(postgres.port());

  const std::optional<HttpReply> merged =
      connection.Request("POST", "/api/v1/graph/merges", {{"Content-Type", "application/json"}},
                         R"({"kept": "p1", "merged": ["p2"], "note": "same phone"})");
  const Json after = entities();
  const Json expand = Json::parse(Fetch(postgres.port(), "/api/v1/graph/expand?seed=p2").body);
  const std::optional<HttpReply> undone = connection.Request("DELETE", "/api/v1/graph/merges/1");

  ASSERT_TRUE(merged.has_value());
  EXPECT_EQ(merged->status, 201) << merged->body;
  EXPECT_EQ(after.get<int>(), before.get<int>() - 1);
  EXPECT_EQ(expand["nodes"][0]["merged_ids"], Json::array({"p2"})) << expand.dump();
  ASSERT_TRUE(undone.has_value());
  EXPECT_EQ(undone->status, 200) << undone->body;
  EXPECT_EQ(Json::parse(undone->body)["in_force"], false);
  EXPECT_EQ(entities(), before);
}

}  // namespace
}  // namespace ordo::testing
