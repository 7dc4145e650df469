// The route network, interdiction and bulletin routes (/api/v1/narcotics/routes, /interdiction,
// /bulletin) against the real server on simulated, imported seizures: the answers agree with
// `ordo routes`, `ordo interdict` and `ordo bulletin` for the same options.

#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "http_client.h"
#include "ordo_runner.h"
#include "ordo_server.h"

namespace ordo::testing {
namespace {

using Json = nlohmann::json;

class NarcoticsNetworkTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new OrdoServer({}, [](const std::string& db) {
      const std::string csv = MakeTempDir() + "/simulated.csv";
      RunResult simulated = RunOrdo({"simulate", "--count", "2000", "--seed", "5", "--out", csv,
                                     "--shift-date", "2020-01-01"});
      ASSERT_EQ(simulated.exit_code, 0) << simulated.err;
      RunResult imported = RunOrdo({"--db", db, "seizures", "import", csv});
      ASSERT_EQ(imported.exit_code, 0) << imported.err;
    }, OrdoServer::Accounts::kTester, /*serve_database=*/"", "narcotics_network_2000_seed5");
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static HttpReply Raw(const std::string& target) { return Fetch(server_->port(), target); }

  static Json Get(const std::string& target) {
    HttpReply reply = Raw(target);
    EXPECT_EQ(reply.status, 200) << target << ": " << reply.body;
    return Json::parse(reply.body, nullptr, /*allow_exceptions=*/false);
  }

  static RunResult Cli(std::vector<std::string> args, const std::string& format = "json") {
    args.insert(args.begin(), {"--db", server_->db_path(), "--format", format});
    RunResult result = RunOrdo(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result;
  }

  static void ExpectProblem(const std::string& target, int status, const std::string& parameter) {
    HttpReply reply = Raw(target);
    EXPECT_EQ(reply.status, status) << target << ": " << reply.body;
    EXPECT_EQ(reply.Header("content-type"), "application/problem+json") << target;
    if (parameter.empty()) return;
    Json problem = Json::parse(reply.body, nullptr, /*allow_exceptions=*/false);
    EXPECT_EQ(problem["parameter"], parameter) << target << ": " << reply.body;
  }

  static OrdoServer* server_;
};

OrdoServer* NarcoticsNetworkTest::server_ = nullptr;

TEST_F(NarcoticsNetworkTest, RouteNetworkMatchesTheRoutesCommand) {
  const Json cli = Json::parse(Cli({"routes", "--top", "0"}).out);

  const Json network = Get("/api/v1/narcotics/routes?top=0");

  std::map<std::string, std::string> names;
  for (const Json& node : network["nodes"]) names[node["id"]] = node["name"];
  EXPECT_EQ(network["rows_matched"], 2000);
  EXPECT_EQ(network["synthetic"], true);
  ASSERT_EQ(network["legs"].size(), cli["legs"].size());
  ASSERT_FALSE(cli["legs"].empty());
  for (std::size_t i = 0; i < cli["legs"].size(); ++i) {
    const Json& leg = network["legs"][i];
    const Json& expected = cli["legs"][i];
    SCOPED_TRACE(expected.dump());
    EXPECT_EQ(names[leg["from"]], expected["from"]);
    EXPECT_EQ(names[leg["to"]], expected["to"]);
    EXPECT_EQ(leg["seizures"], expected["seizures"]);
    EXPECT_EQ(leg["cases"], expected["cases"]);
    EXPECT_DOUBLE_EQ(leg["kg"].get<double>(), expected["kg"].get<double>());
  }
  ASSERT_EQ(network["chokepoints"].size(), cli["chokepoints"].size());
  for (std::size_t i = 0; i < cli["chokepoints"].size(); ++i) {
    EXPECT_EQ(names[network["chokepoints"][i]], cli["chokepoints"][i]["node"]);
  }
}

TEST_F(NarcoticsNetworkTest, ComparedPeriodsMatchRoutesCompare) {
  const Json cli = Json::parse(Cli({"routes", "--compare", "2015..2019", "2020..2024"}).out);

  const Json comparison = Get("/api/v1/narcotics/routes?compare=2015..2019,2020..2024");

  EXPECT_EQ(comparison["first"]["period"]["text"], "2015..2019");
  EXPECT_EQ(comparison["second"]["period"]["to"], "2024");
  ASSERT_EQ(comparison["changes"].size(), cli.size());
  ASSERT_FALSE(cli.empty());
  for (std::size_t i = 0; i < cli.size(); ++i) {
    const Json& change = comparison["changes"][i];
    SCOPED_TRACE(cli[i].dump());
    const std::string from = change["from"];
    EXPECT_EQ(from.substr(from.find(':') + 1), cli[i]["from"]);
    EXPECT_EQ(change["first_seizures"], cli[i]["first_seizures"]);
    EXPECT_EQ(change["second_seizures"], cli[i]["second_seizures"]);
    EXPECT_DOUBLE_EQ(change["change"].get<double>(), cli[i]["change"].get<double>());
  }
}

TEST_F(NarcoticsNetworkTest, InterdictionMatchesTheInterdictCommand) {
  const Json cli =
      Json::parse(Cli({"interdict", "--budget", "2", "--measure", "kg", "--destination", "Moscow"}).out);

  const Json plan = Get("/api/v1/narcotics/interdiction?budget=2&measure=kg&destination=Moscow");

  EXPECT_EQ(plan["method"], cli["plan"]["method"]);
  EXPECT_EQ(plan["measure"], "kg");
  EXPECT_DOUBLE_EQ(plan["cost"].get<double>(), cli["plan"]["cost"].get<double>());
  EXPECT_DOUBLE_EQ(plan["flow_total"].get<double>(), cli["plan"]["flow_total"].get<double>());
  EXPECT_DOUBLE_EQ(plan["flow_intercepted"].get<double>(),
                   cli["plan"]["flow_intercepted"].get<double>());
  ASSERT_EQ(plan["checkpoints"].size(), cli["checkpoints"].size());
  for (std::size_t i = 0; i < cli["checkpoints"].size(); ++i) {
    const Json& checkpoint = plan["checkpoints"][i];
    std::string at = checkpoint["from"]["name"];
    if (!checkpoint["to"].is_null()) at += " -> " + checkpoint["to"]["name"].get<std::string>();
    EXPECT_EQ(at, cli["checkpoints"][i]["at"]);
    EXPECT_DOUBLE_EQ(checkpoint["intercepted"].get<double>(),
                     cli["checkpoints"][i]["intercepted"].get<double>());
  }
}

TEST_F(NarcoticsNetworkTest, BulletinCsvAndHtmlAreThoseOfTheBulletinCommand) {
  const std::string csv = Cli({"bulletin", "--period", "2021"}, "csv").out;
  const std::string html = Cli({"bulletin", "--period", "2021", "--html"}).out;

  HttpReply csv_reply = Raw("/api/v1/narcotics/bulletin?period=2021&format=csv");
  HttpReply html_reply = Raw("/api/v1/narcotics/bulletin?period=2021&format=html");

  EXPECT_EQ(csv_reply.status, 200);
  EXPECT_EQ(csv_reply.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv_reply.body, csv);
  EXPECT_EQ(html_reply.status, 200);
  EXPECT_EQ(html_reply.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(html_reply.body, html);
}

TEST_F(NarcoticsNetworkTest, BulletinJsonMatchesTheBulletinCommand) {
  const Json cli = Json::parse(Cli({"bulletin", "--period", "2019..2020", "--drug", "heroin"}).out);

  const Json bulletin = Get("/api/v1/narcotics/bulletin?period=2019..2020&drug=heroin");

  EXPECT_EQ(bulletin["synthetic"], true);
  ASSERT_EQ(bulletin["by_route"].size(), cli["by_route"].size());
  for (std::size_t i = 0; i < cli["by_route"].size(); ++i) {
    for (const char* key : {"departure", "destination", "drug", "seizures", "cases"}) {
      EXPECT_EQ(bulletin["by_route"][i][key], cli["by_route"][i][key]) << key;
    }
    EXPECT_DOUBLE_EQ(bulletin["by_route"][i]["kg"].get<double>(),
                     cli["by_route"][i]["kg"].get<double>());
  }
  EXPECT_EQ(bulletin["by_agency"].size(), cli["by_agency"].size());
}

TEST_F(NarcoticsNetworkTest, BadOptionsNameTheirParameter) {
  ExpectProblem("/api/v1/narcotics/routes?compare=2019", 400, "compare");
  ExpectProblem("/api/v1/narcotics/routes?compare=2019,later", 400, "compare");
  ExpectProblem("/api/v1/narcotics/routes?compare=2020..2019,2021", 400, "compare");
  ExpectProblem("/api/v1/narcotics/routes?top=-1", 400, "top");
  ExpectProblem("/api/v1/narcotics/interdiction?origin=Atlantis", 400, "origin");
  ExpectProblem("/api/v1/narcotics/interdiction?destination=Osh;Atlantis", 400, "destination");
  ExpectProblem("/api/v1/narcotics/interdiction?node_cost=Osh", 400, "node_cost");
  ExpectProblem("/api/v1/narcotics/interdiction?node_cost=Osh=-2", 400, "node_cost");
  ExpectProblem("/api/v1/narcotics/interdiction?node_cost=Atlantis=2", 400, "node_cost");
  ExpectProblem("/api/v1/narcotics/interdiction?leg_cost=Osh=2", 400, "leg_cost");
  ExpectProblem("/api/v1/narcotics/interdiction?leg_cost=Moscow->Khorog=2", 400, "leg_cost");
  ExpectProblem("/api/v1/narcotics/interdiction?default_cost=cheap", 400, "default_cost");
  ExpectProblem("/api/v1/narcotics/interdiction?budget=-1", 400, "budget");
  ExpectProblem("/api/v1/narcotics/interdiction?measure=tonnes", 400, "measure");
  ExpectProblem("/api/v1/narcotics/bulletin", 400, "period");
  ExpectProblem("/api/v1/narcotics/bulletin?period=soon", 400, "period");
  ExpectProblem("/api/v1/narcotics/bulletin?period=2021&format=pdf", 400, "format");
  ExpectProblem("/api/v1/narcotics/bulletin?period=2021&drug=unobtainium", 400, "drug");
}

TEST_F(NarcoticsNetworkTest, NothingToPlanOnIsAConflict) {
  ExpectProblem("/api/v1/narcotics/interdiction?from=1990&to=1991", 409, "");
}

}  // namespace
}  // namespace ordo::testing
