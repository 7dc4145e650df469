// The server as a process: keep-alive, concurrent clients, reloading when the database file
// changes, the web application's files, a graceful exit on SIGTERM, and clear failures to start.

#include <atomic>
#include <filesystem>
#include <fstream>
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

TEST(ServerLifecycleTest, OneConnectionCarriesManyRequests) {
  OrdoServer server;
  HttpConnection connection(server.port());

  for (int index = 0; index < 200; ++index) {
    const std::string target = index % 2 == 0
                                   ? "/api/v1/health"
                                   : "/api/v1/relations?page=" + std::to_string(index % 4 + 1);
    std::optional<HttpReply> reply = connection.Request("GET", target);
    ASSERT_TRUE(reply.has_value()) << "request " << index;
    ASSERT_EQ(reply->status, 200) << target;
    ASSERT_NE(reply->Header("connection"), "close");
  }
}

TEST(ServerLifecycleTest, ConcurrentClientsAllGetAnswers) {
  OrdoServer server;
  std::atomic<int> answered{0};
  std::vector<std::thread> clients;
  for (int client = 0; client < 16; ++client) {
    clients.emplace_back([&server, &answered, client] {
      HttpConnection connection(server.port());
      for (int index = 0; index < 25; ++index) {
        auto reply =
            connection.Request("GET", "/api/v1/countries?page=" + std::to_string(client % 5 + 1));
        if (reply && reply->status == 200) ++answered;
      }
    });
  }
  for (std::thread& client : clients) client.join();

  EXPECT_EQ(answered, 16 * 25);
}

TEST(ServerLifecycleTest, SigtermClosesIdleConnectionsAndExitsZero) {
  OrdoServer server;
  HttpConnection idle(server.port());
  ASSERT_EQ(idle.Request("GET", "/api/v1/health")->status, 200);

  EXPECT_EQ(server.Terminate(), 0) << server.Stderr();
  EXPECT_TRUE(idle.ClosedByServer());
}

TEST(ServerLifecycleTest, ChangesToTheDatabaseAreServedWithinSeconds) {
  OrdoServer server;
  const std::string target = "/api/v1/trade?partner=TUR&year=2024";
  const int before = Json::parse(Fetch(server.port(), target).body)["total"];
  const std::string csv = MakeTempDir() + "/trade.csv";
  std::ofstream(csv) << "partner_iso3,year,flow,value_usd,source_url,notes,period,reporter\n"
                     << "TUR,2024,total,1000,https://example.org/api-test,,full year,API test\n";

  RunResult import = RunOrdo({"--db", server.db_path(), "import", "trade", csv});
  ASSERT_EQ(import.exit_code, 0) << import.err;

  int after = before;
  for (int attempt = 0; attempt < 100 && after == before; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    after = Json::parse(Fetch(server.port(), target).body)["total"];
  }
  EXPECT_EQ(after, before + 1);
}

TEST(ServerLifecycleTest, WebApplicationFilesAreServedWithClientRoutes) {
  const std::string web_root = MakeTempDir();
  std::filesystem::create_directories(web_root + "/assets");
  std::ofstream(web_root + "/index.html") << "<!doctype html><title>Ordo web</title>";
  std::ofstream(web_root + "/assets/app-abc.js") << "export {};";
  OrdoServer server({"--web-root", web_root});

  HttpReply index = Fetch(server.port(), "/");
  HttpReply script = Fetch(server.port(), "/assets/app-abc.js");
  HttpReply client_route = Fetch(server.port(), "/countries/TUR");
  HttpReply missing = Fetch(server.port(), "/assets/missing.css");

  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(index.body, "<!doctype html><title>Ordo web</title>");
  EXPECT_EQ(script.Header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(client_route.body, index.body);
  EXPECT_EQ(missing.status, 404);
}

TEST(ServerLifecycleTest, WithoutABuiltWebAppTheRootSaysHowToBuildIt) {
  OrdoServer server({"--web-root", MakeTempDir() + "/not-there"});

  HttpReply reply = Fetch(server.port(), "/");

  EXPECT_EQ(reply.status, 503);
  EXPECT_NE(reply.body.find("not built"), std::string::npos);
  EXPECT_NE(reply.body.find("make web"), std::string::npos);
}

TEST(ServerLifecycleTest, APortInUseIsAClearError) {
  OrdoServer first;

  RunResult second = RunOrdo(
      {"--db", first.db_path(), "serve", "--listen", "127.0.0.1:" + std::to_string(first.port())});

  EXPECT_NE(second.exit_code, 0);
  EXPECT_NE(second.err.find("already in use"), std::string::npos) << second.err;
}

TEST(ServerLifecycleTest, BadListenAddressesAreClearErrors) {
  OrdoServer server;  // only for its database
  for (const char* listen : {"nonsense", "127.0.0.1:70000", "127.0.0.1:", ":8080", "::1:8080"}) {
    RunResult result = RunOrdo({"--db", server.db_path(), "serve", "--listen", listen});
    EXPECT_EQ(result.exit_code, 2) << listen;
    EXPECT_NE(result.err.find("--listen"), std::string::npos) << result.err;
  }
  RunResult foreign = RunOrdo({"--db", server.db_path(), "serve", "--listen", "192.0.2.1:0"});
  EXPECT_NE(foreign.exit_code, 0);
  EXPECT_NE(foreign.err.find("not an address of this machine"), std::string::npos) << foreign.err;
}

TEST(ServerLifecycleTest, AMissingDatabaseIsAClearError) {
  RunResult result =
      RunOrdo({"--db", MakeTempDir() + "/none.db", "serve", "--listen", "127.0.0.1:0"});

  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("database file not found"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace ordo::testing
