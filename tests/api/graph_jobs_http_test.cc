// Graph jobs (/api/v1/graph/jobs) against the real server over a socket, on a real SQLite database
// filled by `ordo import ftm` with a made-up network big enough that exact betweenness takes a
// while: a job runs to done, a running job (betweenness, duplicates) is cancelled and frees its
// thread, a full queue is 429, hostile bodies are named, and over a restart on the same file a
// finished job answers as before while one the stop caught reads "interrupted".

#include <chrono>
#include <fstream>
#include <memory>
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

// A ring of `count` made-up persons, each also linked to the one `count / 3` further on.
void WriteNetwork(const std::string& path, int count) {
  std::ofstream out(path);
  for (int i = 0; i < count; ++i) {
    out << R"({"id":"p)" << i << R"(","schema":"Person","properties":{"name":["Person )" << i
        << R"("]}})" << "\n";
  }
  int link = 0;
  for (int i = 0; i < count; ++i) {
    for (int step : {1, count / 3}) {
      out << R"({"id":"a)" << link++ << R"(","schema":"Associate","properties":{"person":["p)"
          << i << R"("],"associate":["p)" << (i + step) % count << R"("]}})" << "\n";
    }
  }
}

constexpr int kPersons = 6000;

class GraphJobsHttpTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new OrdoServer({}, ImportNetwork, OrdoServer::Accounts::kTester,
                             /*serve_database=*/"", kSeedKey);
  }

  static constexpr char kSeedKey[] = "graph_jobs_http_6000_persons";

  static void ImportNetwork(const std::string& db) {
    const std::string file = MakeTempDir() + "/network.ftm";
    WriteNetwork(file, kPersons);
    RunResult imported = RunOrdo(
        {"--db", db, "import", "ftm", file, "--source", "made-up test network", "--synthetic"});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static HttpReply Send(const std::string& method, const std::string& target,
                        const std::string& body = "",
                        const std::string& type = "application/json") {
    return SendTo(server_->port(), method, target, body, type);
  }

  // To another server than the suite's; with `token`, as that account.
  static HttpReply SendTo(std::uint16_t port, const std::string& method,
                          const std::string& target, const std::string& body = "",
                          const std::string& type = "application/json",
                          const std::string& token = "") {
    HttpConnection connection(port);
    std::vector<std::pair<std::string, std::string>> headers;
    if (!body.empty()) headers.emplace_back("Content-Type", type);
    if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
    std::optional<HttpReply> reply = connection.Request(method, target, headers, body);
    EXPECT_TRUE(reply.has_value()) << method << " " << target;
    return reply.value_or(HttpReply{});
  }

  static Json Start(const std::string& body) {
    HttpReply reply = Send("POST", "/api/v1/graph/jobs", body);
    EXPECT_EQ(reply.status, 202) << body << ": " << reply.body;
    EXPECT_EQ(reply.Header("content-type"), "application/json");
    return Json::parse(reply.body, nullptr, false);
  }

  static Json Job(const std::string& id, std::uint16_t port = 0) {
    HttpReply reply = SendTo(port == 0 ? server_->port() : port, "GET", "/api/v1/graph/jobs/" + id);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return Json::parse(reply.body, nullptr, false);
  }

  // Polls until `done` says so (or 120 s pass).
  template <typename Done>
  static Json WaitUntil(const std::string& id, Done done, std::uint16_t port = 0) {
    Json job;
    for (int i = 0; i < 12000; ++i) {
      job = Job(id, port);
      if (done(job)) return job;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ADD_FAILURE() << "job " << id << " is still " << job.dump();
    return job;
  }

  static OrdoServer* server_;
};

OrdoServer* GraphJobsHttpTest::server_ = nullptr;

TEST_F(GraphJobsHttpTest, AJobRunsToDoneAndGivesValues) {
  Json started = Start(R"({"kind": "communities", "params": {"seed": 2}})");
  EXPECT_EQ(started["kind"], "communities");
  EXPECT_EQ(started["state"], "queued");

  Json done = WaitUntil(started["id"], [](const Json& job) { return job["state"] == "done"; });

  EXPECT_EQ(done["progress"], 1.0);
  EXPECT_GT(done["result"]["count"].get<int>(), 1);
  EXPECT_GT(done["result"]["modularity"].get<double>(), 0.0);
  HttpReply values =
      Send("GET", "/api/v1/graph/jobs/" + started["id"].get<std::string>() + "/values?ids=p0,p1");
  ASSERT_EQ(values.status, 200) << values.body;
  EXPECT_TRUE(Json::parse(values.body)["values"]["p0"].is_number_integer());
}

TEST_F(GraphJobsHttpTest, ARunningJobIsCancelledAndItsThreadFreed) {
  Json started = Start(R"({"kind": "betweenness"})");
  const std::string id = started["id"];
  WaitUntil(id, [](const Json& job) {
    return job["state"] == "running" && job["progress"].get<double>() > 0;
  });

  HttpReply cancelled = Send("DELETE", "/api/v1/graph/jobs/" + id);

  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(Json::parse(cancelled.body)["state"], "cancelled");
  EXPECT_LT(Json::parse(cancelled.body)["progress"].get<double>(), 1.0);
  EXPECT_TRUE(Json::parse(cancelled.body)["result"].is_null());
  // The one job thread is free again: the next job finishes.
  Json next = Start(R"({"kind": "components"})");
  Json done = WaitUntil(next["id"], [](const Json& job) { return job["state"] == "done"; });
  EXPECT_EQ(done["result"]["count"], 1);
  EXPECT_EQ(Job(id)["state"], "cancelled");
  EXPECT_EQ(Send("GET", "/api/v1/graph/jobs/" + id + "/values?ids=p0").status, 409);
}

TEST_F(GraphJobsHttpTest, ADuplicatesJobSearchesTheStoreAndNamesItsParameters) {
  // Every made-up name is "Person N": one name block of 6000, over max_block, is skipped; with
  // type phone there is nothing to pair.
  Json started = Start(R"({"kind": "duplicates", "params": {"type": "person", "min_score": 0.9}})");
  const HttpReply bad = Send("POST", "/api/v1/graph/jobs",
                             R"({"kind": "duplicates", "params": {"cross_script": "no"}})");
  const HttpReply unknown = Send("POST", "/api/v1/graph/jobs",
                                 R"({"kind": "duplicates", "params": {"type": "ship"}})");

  Json done = WaitUntil(started["id"], [](const Json& job) { return job["state"] == "done"; });
  EXPECT_EQ(done["progress"], 1.0);
  EXPECT_EQ(done["result"]["entities"], kPersons);
  EXPECT_EQ(done["result"]["blocks_skipped"], 1);
  EXPECT_EQ(done["result"]["candidates"], Json::array());
  HttpReply values =
      Send("GET", "/api/v1/graph/jobs/" + started["id"].get<std::string>() + "/values?ids=p0");
  ASSERT_EQ(values.status, 200) << values.body;
  EXPECT_EQ(Json::parse(values.body)["values"]["p0"], 0.0);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(Json::parse(bad.body)["parameter"], "params.cross_script");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(Json::parse(unknown.body)["parameter"], "params.type");
}

TEST_F(GraphJobsHttpTest, ARunningDuplicatesJobIsCancelled) {
  // Every made-up name is "Person N": with max_block above 6000 the one name block is taken, some
  // 18 million pairs to collect and score, tens of seconds of work: caught running. (Collecting
  // them once ignored a cancel for 36 s here; the next job below then waited that long.)
  Json started = Start(
      R"({"kind": "duplicates", "params": {"type": "person", "max_block": 1000000}})");
  const std::string id = started["id"];
  WaitUntil(id, [](const Json& job) { return job["state"] == "running"; });

  HttpReply cancelled = Send("DELETE", "/api/v1/graph/jobs/" + id);

  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(Json::parse(cancelled.body)["state"], "cancelled");
  EXPECT_LT(Json::parse(cancelled.body)["progress"].get<double>(), 1.0);
  EXPECT_TRUE(Json::parse(cancelled.body)["result"].is_null());
  // The search stopped and freed the one job thread: the next job finishes.
  Json next = Start(R"({"kind": "kcore"})");
  WaitUntil(next["id"], [](const Json& job) { return job["state"] == "done"; });
  EXPECT_EQ(Job(id)["state"], "cancelled");
  EXPECT_EQ(Send("GET", "/api/v1/graph/jobs/" + id + "/values?ids=p0").status, 409);
}

TEST_F(GraphJobsHttpTest, AFinishedJobOutlivesARestartAndAnInterruptedOneSaysSo) {
  // A server of this test's own on its own copy of the database file.
  auto first = std::make_unique<OrdoServer>(std::vector<std::string>{}, ImportNetwork,
                                            OrdoServer::Accounts::kTester, "", kSeedKey);
  ASSERT_NE(first->port(), 0);
  const std::uint16_t port = first->port();
  const std::string db = first->db_path();
  const std::string token = first->token();
  auto post = [&](std::uint16_t to, const std::string& body) {
    HttpReply reply = SendTo(to, "POST", "/api/v1/graph/jobs", body);
    EXPECT_EQ(reply.status, 202) << reply.body;
    return Json::parse(reply.body, nullptr, false)["id"].get<std::string>();
  };
  const std::string done_id = post(port, R"({"kind": "communities", "params": {"seed": 3}})");
  WaitUntil(done_id, [](const Json& job) { return job["state"] == "done"; }, port);
  const std::string values_target = "/api/v1/graph/jobs/" + done_id + "/values?ids=p0,p17,p5999";
  const HttpReply done_before = SendTo(port, "GET", "/api/v1/graph/jobs/" + done_id);
  const HttpReply values_before = SendTo(port, "GET", values_target);
  ASSERT_EQ(values_before.status, 200) << values_before.body;
  const std::string running_id = post(port, R"({"kind": "betweenness"})");
  const std::string queued_id = post(port, R"({"kind": "pagerank"})");  // one job thread
  WaitUntil(running_id, [](const Json& job) {
    return job["state"] == "running" && job["progress"].get<double>() > 0;
  }, port);

  EXPECT_EQ(first->Terminate(), 0) << first->Stderr();
  OrdoServer restarted(OrdoServer::Existing{}, db, token);
  ASSERT_NE(restarted.port(), 0);
  const std::uint16_t again = restarted.port();

  // The finished job: the same answer, byte for byte, and the same values.
  const HttpReply done_after = SendTo(again, "GET", "/api/v1/graph/jobs/" + done_id);
  EXPECT_EQ(done_after.status, 200);
  EXPECT_EQ(done_after.body, done_before.body);
  EXPECT_EQ(done_after.Header("ordo-marking"), done_before.Header("ordo-marking"));
  const HttpReply values_after = SendTo(again, "GET", values_target);
  EXPECT_EQ(values_after.status, 200);
  EXPECT_EQ(values_after.body, values_before.body);
  const HttpReply unknown_entity =
      SendTo(again, "GET", "/api/v1/graph/jobs/" + done_id + "/values?ids=nobody");
  EXPECT_EQ(unknown_entity.status, 404);
  EXPECT_EQ(Json::parse(unknown_entity.body)["parameter"], "ids");
  // The running and the queued job: interrupted, with the reason, no result.
  for (const std::string& id : {running_id, queued_id}) {
    Json job = Job(id, again);
    EXPECT_EQ(job["state"], "interrupted") << job.dump();
    EXPECT_NE(job["error"].get<std::string>().find("server stopped"), std::string::npos);
    EXPECT_TRUE(job["result"].is_null());
    EXPECT_EQ(SendTo(again, "GET", "/api/v1/graph/jobs/" + id + "/values?ids=p0").status, 409);
  }
  EXPECT_GT(Job(running_id, again)["progress"].get<double>(), 0.0);
  Json listed = Json::parse(SendTo(again, "GET", "/api/v1/graph/jobs").body);
  ASSERT_EQ(listed["jobs"].size(), 3u) << listed.dump();
  EXPECT_EQ(listed["jobs"][0]["id"], queued_id);  // newest first
  EXPECT_EQ(listed["jobs"][2]["id"], done_id);
  EXPECT_EQ(listed["jobs"][2]["state"], "done");
  // Still the owner's only: another account (an admin, who sees every compartment) gets the
  // answer for a job that never existed.
  RunResult added = RunOrdoWithInput({"--db", db, "user", "add", "other", "--role", "admin"},
                                     std::string(kTesterPassword) + "\n");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  RunResult other = RunOrdo({"--db", db, "user", "token", "other"});
  ASSERT_EQ(other.exit_code, 0) << other.err;
  const std::string other_token = other.out.substr(0, other.out.find('\n'));
  const HttpReply foreign =
      SendTo(again, "GET", "/api/v1/graph/jobs/" + done_id, "", "", other_token);
  const HttpReply missing =
      SendTo(again, "GET", "/api/v1/graph/jobs/0000000000000000", "", "", other_token);
  EXPECT_EQ(foreign.status, 404);
  EXPECT_NE(Json::parse(foreign.body)["detail"].get<std::string>().find(done_id),
            std::string::npos);
  Json foreign_body = Json::parse(foreign.body);
  Json missing_body = Json::parse(missing.body);
  foreign_body.erase("detail");
  missing_body.erase("detail");
  EXPECT_EQ(foreign_body, missing_body);
  const HttpReply foreign_list = SendTo(again, "GET", "/api/v1/graph/jobs", "", "", other_token);
  EXPECT_EQ(Json::parse(foreign_list.body)["jobs"], Json::array());
}

TEST_F(GraphJobsHttpTest, AFullQueueIsTooManyRequests) {
  std::vector<std::string> ids;
  HttpReply refused;
  for (int i = 0; i < 20; ++i) {
    refused = Send("POST", "/api/v1/graph/jobs", R"({"kind": "betweenness"})");
    if (refused.status != 202) break;
    ids.push_back(Json::parse(refused.body)["id"]);
  }

  EXPECT_EQ(ids.size(), 8u);  // the default bound of queued and running jobs
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(refused.Header("content-type"), "application/problem+json");
  EXPECT_EQ(refused.Header("retry-after"), "5");
  for (const std::string& id : ids) {
    EXPECT_EQ(Json::parse(Send("DELETE", "/api/v1/graph/jobs/" + id).body)["state"], "cancelled");
  }
  EXPECT_EQ(Send("POST", "/api/v1/graph/jobs", R"({"kind": "kcore"})").status, 202);
}

TEST_F(GraphJobsHttpTest, HostileBodiesAreRefusedNamingTheField) {
  HttpReply deep = Send("POST", "/api/v1/graph/jobs",
                        std::string(8000, '[') + std::string(8000, ']'));
  EXPECT_EQ(deep.status, 400);
  EXPECT_EQ(Json::parse(deep.body)["parameter"], "body");
  HttpReply big = Send("POST", "/api/v1/graph/jobs",
                       R"({"kind": "kcore", "x": ")" + std::string(20000, 'x') + "\"}");
  EXPECT_EQ(big.status, 413);
  HttpReply form = Send("POST", "/api/v1/graph/jobs", "kind=kcore", "text/plain");
  EXPECT_EQ(form.status, 415);
  HttpReply damping =
      Send("POST", "/api/v1/graph/jobs", R"({"kind": "pagerank", "params": {"damping": 1e999}})");
  EXPECT_EQ(damping.status, 400);
  HttpReply put = Send("PUT", "/api/v1/graph/jobs", R"({"kind": "kcore"})");
  EXPECT_EQ(put.status, 405);
  EXPECT_EQ(Send("GET", "/api/v1/health").status, 200);
}

}  // namespace
}  // namespace ordo::testing
