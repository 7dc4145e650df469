// The counter-narcotics routes (/api/v1/narcotics/...) against the real server on a database
// seeded by `ordo simulate` and `ordo seizures import`: the figures agree with the CLI's JSON
// output for the same filters, and an import while the server runs is served.

#include <chrono>
#include <set>
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
using Keys = std::set<std::string>;

constexpr int kSeededRows = 3000;

const Keys kSeizureKeys = {"seizure_id",   "date",           "precision",      "place",
                           "lat",          "lon",            "admin_region",   "country_iso3",
                           "country",      "drug",           "quantity",       "unit",
                           "quantity_kg",  "conversion_note", "conveyance",    "concealment",
                           "origin_iso3",  "departure_iso3", "transit_iso3",   "destination_iso3",
                           "route",        "agency",         "case_id",        "synthetic",
                           "source",       "compartment",    "marking"};

Keys MemberNamesOf(const Json& object) {
  Keys keys;
  for (const auto& [key, value] : object.items()) keys.insert(key);
  return keys;
}

// Writes `rows` simulated seizures with `seed` into a CSV under `dir` and imports them into `db`.
void SimulateAndImport(const std::string& dir, const std::string& db, int rows, int seed) {
  const std::string csv = dir + "/simulated_" + std::to_string(seed) + ".csv";
  RunResult simulated = RunOrdo({"simulate", "--count", std::to_string(rows), "--seed",
                                 std::to_string(seed), "--out", csv});
  ASSERT_EQ(simulated.exit_code, 0) << simulated.err;
  RunResult imported = RunOrdo({"--db", db, "seizures", "import", csv});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
}

Json Parse(const std::string& text) {
  Json document = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(document.is_discarded()) << text.substr(0, 500);
  return document;
}

class NarcoticsRoutesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new OrdoServer({}, [](const std::string& db) {
      SimulateAndImport(MakeTempDir(), db, kSeededRows, 7);
    }, OrdoServer::Accounts::kTester, /*serve_database=*/"", "narcotics_routes_3000_seed7");
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static Json Get(const std::string& target) {
    HttpReply reply = Fetch(server_->port(), target);
    EXPECT_EQ(reply.status, 200) << target << ": " << reply.body;
    EXPECT_EQ(reply.Header("content-type"), "application/json") << target;
    return Parse(reply.body);
  }

  // `ordo --db DB --format json ARGS...`, parsed.
  static Json Cli(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", server_->db_path(), "--format", "json"});
    RunResult result = RunOrdo(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return Parse(result.out);
  }

  static OrdoServer* server_;
};

OrdoServer* NarcoticsRoutesTest::server_ = nullptr;

TEST_F(NarcoticsRoutesTest, SeizuresPageHasEveryFieldAndTheTotal) {
  Json page = Get("/api/v1/narcotics/seizures?page_size=5");

  EXPECT_EQ(MemberNamesOf(page), Keys({"items", "page", "page_size", "total", "marking"}));
  EXPECT_EQ(page["total"], kSeededRows);
  EXPECT_EQ(page["page"], 1);
  EXPECT_EQ(page["page_size"], 5);
  ASSERT_EQ(page["items"].size(), 5u);
  for (const Json& item : page["items"]) {
    EXPECT_EQ(MemberNamesOf(item), kSeizureKeys) << item.dump();
    EXPECT_EQ(item["synthetic"], true);
  }
}

TEST_F(NarcoticsRoutesTest, FilteredPagesMatchSeizuresList) {
  const Json listed =
      Cli({"seizures", "list", "--drug", "heroin", "--from", "2019-06", "--limit", "0"});
  ASSERT_TRUE(listed.is_array());
  ASSERT_GT(listed.size(), 40u);

  Json first = Get("/api/v1/narcotics/seizures?drug=Heroin&from=2019-06&page_size=20");
  Json second = Get("/api/v1/narcotics/seizures?drug=heroin&from=2019-06&page_size=20&page=2");

  EXPECT_EQ(first["total"], listed.size());
  EXPECT_EQ(second["total"], listed.size());
  ASSERT_EQ(first["items"].size(), 20u);
  ASSERT_EQ(second["items"].size(), 20u);
  for (std::size_t index = 0; index < 20; ++index) {
    EXPECT_EQ(first["items"][index]["seizure_id"], listed[index]["seizure_id"]);
    EXPECT_EQ(second["items"][index]["seizure_id"], listed[20 + index]["seizure_id"]);
    EXPECT_EQ(first["items"][index]["date"], listed[index]["date"]);
    EXPECT_EQ(first["items"][index]["quantity_kg"], listed[index]["quantity_kg"]);
  }
}

TEST_F(NarcoticsRoutesTest, CountryMayBeACodeOrAName) {
  const Json listed = Cli({"seizures", "list", "--country", "KGZ", "--limit", "0"});

  const Json by_code = Get("/api/v1/narcotics/seizures?country=KGZ&page_size=1");
  const Json by_name = Get("/api/v1/narcotics/seizures?country=Kyrgyzstan&page_size=1");
  const Json by_alpha2 = Get("/api/v1/narcotics/seizures?country=kg&page_size=1");

  EXPECT_EQ(by_code["total"], listed.size());
  EXPECT_GT(by_code["total"].get<int>(), 0);
  EXPECT_EQ(by_name["total"], by_code["total"]);
  EXPECT_EQ(by_alpha2["total"], by_code["total"]);
}

TEST_F(NarcoticsRoutesTest, APagePastTheEndIsEmpty) {
  Json page = Get("/api/v1/narcotics/seizures?page=1000&page_size=500");

  EXPECT_EQ(page["total"], kSeededRows);
  EXPECT_TRUE(page["items"].empty());
}

TEST_F(NarcoticsRoutesTest, StatsMatchSeizuresStatsAndKeepSyntheticApart) {
  const Json cli = Cli({"seizures", "stats"});

  const Json stats = Get("/api/v1/narcotics/stats");

  EXPECT_EQ(stats["real_rows"], 0);
  EXPECT_EQ(stats["synthetic_rows"], kSeededRows);
  ASSERT_EQ(stats["rows"].size(), cli.size());
  for (std::size_t index = 0; index < cli.size(); ++index) {
    const Json& row = stats["rows"][index];
    const Json& expected = cli[index];
    SCOPED_TRACE(expected.dump());
    EXPECT_EQ(row["drug"], expected["drug"]);
    EXPECT_EQ(row["year"], expected["year"]);
    EXPECT_EQ(row["real_count"], expected["real_count"]);
    EXPECT_DOUBLE_EQ(row["real_kg"].get<double>(), expected["real_kg"].get<double>());
    EXPECT_EQ(row["synthetic_count"], expected["synthetic_count"]);
    EXPECT_DOUBLE_EQ(row["synthetic_kg"].get<double>(), expected["synthetic_kg"].get<double>());
  }
}

TEST_F(NarcoticsRoutesTest, StatsOfRealRecordsOnlyAreEmptyForSimulatedData) {
  const Json stats = Get("/api/v1/narcotics/stats?synthetic=false");

  EXPECT_EQ(stats["real_rows"], 0);
  EXPECT_EQ(stats["synthetic_rows"], 0);
  EXPECT_TRUE(stats["rows"].empty());
}

TEST_F(NarcoticsRoutesTest, TrendsMatchTheTrendsCommand) {
  const Json cli = Cli({"trends", "--by", "region", "--from", "2020", "--to", "2022"});

  const Json trends = Get("/api/v1/narcotics/trends?by=region&from=2020&to=2022");

  EXPECT_EQ(trends["by"], "region");
  EXPECT_EQ(trends["anomaly_rule"]["baseline_months"], 12);
  ASSERT_EQ(trends["months"].size(), cli["months"].size());
  ASSERT_FALSE(cli["months"].empty());
  for (std::size_t index = 0; index < cli["months"].size(); ++index) {
    const Json& month = trends["months"][index];
    const Json& expected = cli["months"][index];
    SCOPED_TRACE(expected.dump());
    EXPECT_EQ(month["group"], expected["group"]);
    EXPECT_EQ(month["month"], expected["month"]);
    EXPECT_EQ(month["count"], expected["count"]);
    EXPECT_DOUBLE_EQ(month["kg"].get<double>(), expected["kg"].get<double>());
    EXPECT_EQ(month["count_anomaly"], expected["count_anomaly"]);
    EXPECT_EQ(month["kg_anomaly"], expected["kg_anomaly"]);
  }
  EXPECT_EQ(trends["year_only"].size(), cli["year_only"].size());
}

TEST_F(NarcoticsRoutesTest, HotspotsMatchTheHotspotsCommand) {
  const Json cli = Cli({"hotspots", "--drug", "opium", "--cell-km", "25", "--band-km", "60",
                        "--weight", "count", "--top", "8"});

  const Json hotspots =
      Get("/api/v1/narcotics/hotspots?drug=opium&cell_km=25&band_km=60&weight=count&top=8");

  EXPECT_EQ(hotspots["weight"], "count");
  EXPECT_EQ(hotspots["cell_km"], 25.0);
  EXPECT_GT(hotspots["grid_rows"].get<int>(), 0);
  ASSERT_EQ(hotspots["cells"].size(), cli.size());
  ASSERT_FALSE(cli.empty());
  for (std::size_t index = 0; index < cli.size(); ++index) {
    const Json& cell = hotspots["cells"][index];
    const Json& expected = cli[index];
    SCOPED_TRACE(expected.dump());
    EXPECT_EQ(MemberNamesOf(cell), Keys({"lat", "lon", "z", "p", "seizures", "kg", "density"}));
    EXPECT_DOUBLE_EQ(cell["lat"].get<double>(), expected["lat"].get<double>());
    EXPECT_DOUBLE_EQ(cell["lon"].get<double>(), expected["lon"].get<double>());
    EXPECT_DOUBLE_EQ(cell["z"].get<double>(), expected["z"].get<double>());
    EXPECT_DOUBLE_EQ(cell["p"].get<double>(), expected["p"].get<double>());
    EXPECT_EQ(cell["seizures"], expected["seizures"]);
    EXPECT_DOUBLE_EQ(cell["kg"].get<double>(), expected["kg"].get<double>());
    EXPECT_DOUBLE_EQ(cell["density"].get<double>(), expected["density"].get<double>());
  }
}

TEST_F(NarcoticsRoutesTest, HotspotsWithNothingLocatedHaveNoCells) {
  const Json hotspots = Get("/api/v1/narcotics/hotspots?from=1990&to=1991");

  EXPECT_EQ(hotspots["rows_matched"], 0);
  EXPECT_EQ(hotspots["grid_rows"], 0);
  EXPECT_TRUE(hotspots["cells"].empty());
}

// A new import changes the database file; the server notices within about a second and answers
// from the new rows, with the cached answers of the old generation dropped.
TEST(NarcoticsFreshnessTest, AnImportWhileServingIsSeen) {
  OrdoServer server({}, [](const std::string& db) { SimulateAndImport(MakeTempDir(), db, 200, 3); });
  ASSERT_NE(server.port(), 0);
  const std::string target = "/api/v1/narcotics/stats";
  ASSERT_EQ(Parse(Fetch(server.port(), target).body)["synthetic_rows"], 200);

  SimulateAndImport(server.dir(), server.db_path(), 150, 4);

  // Waits for the reload with a generous deadline; how long it takes is not what is tested.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  Json stats;
  do {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    stats = Parse(Fetch(server.port(), target).body);
  } while (stats["synthetic_rows"] != 350 && std::chrono::steady_clock::now() < deadline);
  EXPECT_EQ(stats["synthetic_rows"], 350);
  EXPECT_EQ(Parse(Fetch(server.port(), "/api/v1/narcotics/seizures?page_size=1").body)["total"],
            350);
}

}  // namespace
}  // namespace ordo::testing
