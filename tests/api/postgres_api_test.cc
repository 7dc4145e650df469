// The same API on both backends (issue #6): one SQLite database filled by the real commands
// (registry, 300 simulated seizures, cultivation and prices, 3 synthetic cases of entities and
// links), served as it is and, copied by `ordo migrate-data`, from PostgreSQL (the throw-away test
// cluster, a schema of its own). Every read route, with the parameters that exercise it, must
// answer byte for byte alike: status, content type and body. Then a write by another process
// (`ordo import ftm` on the PostgreSQL database) is served by the running PostgreSQL server
// within its check interval, as a write to the SQLite file is.

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

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

}  // namespace
}  // namespace ordo::testing
