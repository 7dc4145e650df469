// `ordo routes`, `ordo interdict` and `ordo bulletin` end to end on simulated seizures with a
// corridor shift: the comparison of the periods before and after the shift must find the legs
// of the corridors that lost and gained, the interdiction's minimum cut must equal igraph's
// maximum flow on the network the CLI printed, and the bulletin must be labelled synthetic.

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "graph/testing/igraph_oracle.h"
#include "ordo_runner.h"

namespace ordo::testing {
namespace {

class RoutesCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string dir = MakeTempDir();
    db_ = new std::string(dir + "/ordo.db");
    const std::string csv = dir + "/sim.csv";
    csv_ = new std::string(csv);
    ASSERT_EQ(RunOrdo({"simulate", "--count", "6000", "--seed", "11", "--shift-date", "2020-01-01",
                       "--out", csv})
                  .exit_code,
              0);
    ASSERT_EQ(RunOrdo({"--db", *db_, "init"}).exit_code, 0);
    RunResult imported = RunOrdo({"--db", *db_, "seizures", "import", csv});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
  }
  static void TearDownTestSuite() {
    delete db_;
    delete csv_;
  }

  static nlohmann::json Json(const std::vector<std::string>& args) {
    std::vector<std::string> full{"--db", *db_, "--format", "json"};
    full.insert(full.end(), args.begin(), args.end());
    RunResult result = RunOrdo(full);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.exit_code == 0 ? nlohmann::json::parse(result.out) : nlohmann::json();
  }

  static std::string* db_;
  static std::string* csv_;
};

std::string* RoutesCliTest::db_ = nullptr;
std::string* RoutesCliTest::csv_ = nullptr;

const nlohmann::json* Leg(const nlohmann::json& rows, const std::string& from,
                          const std::string& to) {
  for (const nlohmann::json& row : rows) {
    if (row["from"] == from && row["to"] == to) return &row;
  }
  return nullptr;
}

// The simulator moves half of the Pamir corridor's records to the Fergana corridor from the
// shift date (docs/cli.md, "simulate"). Every record carries its whole corridor as its route, so
// a corridor's first leg has exactly that corridor's share of each period's records, which the
// truth file counts; the shift date is the boundary of the two periods.
TEST_F(RoutesCliTest, ComparisonFindsTheCorridorShift) {
  const nlohmann::json counts = nlohmann::json::parse(ReadFile(*csv_ + ".truth.json"))["counts"];
  auto share = [&counts](const char* period, const char* corridor) {
    double total = 0;
    for (const auto& [name, count] : counts[period].items()) total += count.get<double>();
    return counts[period][corridor].get<double>() / total;
  };

  const nlohmann::json result =
      Json({"routes", "--compare", "2015..2019", "2020..2024", "--top", "0"});

  const nlohmann::json* pamir = Leg(result, "Khorog", "Murghab");
  const nlohmann::json* fergana = Leg(result, "Batken", "Osh");
  const nlohmann::json* torugart = Leg(result, "Torugart Pass border crossing", "Bishkek");
  ASSERT_NE(pamir, nullptr);
  ASSERT_NE(fergana, nullptr);
  ASSERT_NE(torugart, nullptr);
  EXPECT_NEAR((*pamir)["change"].get<double>(),
              share("after_shift", "pamir_north") - share("before_shift", "pamir_north"), 1e-9);
  EXPECT_NEAR((*fergana)["change"].get<double>(),
              share("after_shift", "fergana_bishkek") - share("before_shift", "fergana_bishkek"),
              1e-9);
  EXPECT_NEAR((*torugart)["change"].get<double>(),
              share("after_shift", "torugart_north") - share("before_shift", "torugart_north"),
              1e-9);
  EXPECT_LT((*pamir)["change"].get<double>(), -0.15);
  EXPECT_GT((*fergana)["change"].get<double>(), 0.15);
  // The largest changes belong to the two corridors of the shift.
  const std::set<std::string> shifted{
      "Khorog", "Murghab", "Sary-Tash",  "Osh",        "Bishkek",
      "Almaty", "Batken",  "Jalal-Abad", "Kara-Balta", "Manas International Airport",
      "Moscow"};
  EXPECT_GT(std::abs(result[0]["change"].get<double>()), 0.15);
  EXPECT_EQ(shifted.count(result[0]["from"].get<std::string>()), 1u) << result[0];
}

TEST_F(RoutesCliTest, BishkekIsTheFirstChokepoint) {
  const nlohmann::json result = Json({"routes"});

  ASSERT_FALSE(result["chokepoints"].empty());
  EXPECT_EQ(result["chokepoints"][0]["node"], "Bishkek");
  EXPECT_EQ(result["chokepoints"][0]["kind"], "place");
  ASSERT_FALSE(result["legs"].empty());
  EXPECT_GT(result["legs"][0]["seizures"].get<int>(), 0);
}

// The minimum cut `ordo interdict` reports equals the maximum flow igraph computes on the split
// network built here from the legs `ordo routes` printed.
TEST_F(RoutesCliTest, TheMinimumCutEqualsIgraphsMaximumFlow) {
  const std::map<std::string, double> costs{
      {"Bishkek", 5}, {"Osh", 2}, {"Almaty", 3}, {"Kara-Balta", 2}};
  std::vector<std::string> args{"interdict"};
  for (const auto& [name, cost] : costs) {
    args.push_back("--node-cost");
    args.push_back(name + "=" + std::to_string(static_cast<int>(cost)));
  }
  const nlohmann::json plan = Json(args);
  const nlohmann::json legs = Json({"routes", "--top", "0"})["legs"];

  std::map<std::string, std::size_t> index;
  auto node = [&index](const std::string& name) {
    return index.emplace(name, index.size()).first->second;
  };
  for (const nlohmann::json& leg : legs) {
    node(leg["from"]);
    node(leg["to"]);
  }
  const std::size_t n = index.size();
  const double big = 1000;
  std::vector<graph::testing::Arc> arcs;
  for (const auto& [name, v] : index) {
    arcs.push_back({2 * v, 2 * v + 1, costs.count(name) != 0 ? costs.at(name) : 1.0});
  }
  for (const nlohmann::json& leg : legs) {
    arcs.push_back({2 * index.at(leg["from"]) + 1, 2 * index.at(leg["to"]), big});
  }
  auto names = [](const std::string& joined) {
    std::vector<std::string> list;
    std::stringstream stream(joined);
    for (std::string name; std::getline(stream, name, ';');) {
      list.push_back(name.substr(name.find_first_not_of(' ')));
    }
    return list;
  };
  for (const std::string& origin : names(plan["plan"]["origins"])) {
    arcs.push_back({2 * n, 2 * index.at(origin), big});
  }
  for (const std::string& destination : names(plan["plan"]["destinations"])) {
    arcs.push_back({2 * index.at(destination) + 1, 2 * n + 1, big});
  }

  const double igraph_value = graph::testing::IgraphMaxFlowValue(2 * n + 2, arcs, 2 * n, 2 * n + 1);

  EXPECT_EQ(plan["plan"]["method"], "minimum cut");
  EXPECT_DOUBLE_EQ(plan["plan"]["minimum_cut_cost"].get<double>(), igraph_value);
  EXPECT_DOUBLE_EQ(plan["plan"]["cost"].get<double>(), igraph_value);
  EXPECT_DOUBLE_EQ(plan["plan"]["share_intercepted"].get<double>(), 1.0);
}

TEST_F(RoutesCliTest, ABudgetBelowTheCutInterceptsPartOfTheFlow) {
  const nlohmann::json plan =
      Json({"interdict", "--node-cost", "Bishkek=none", "--budget", "1", "--measure", "kg"});

  EXPECT_EQ(plan["plan"]["method"], "exhaustive");
  ASSERT_EQ(plan["checkpoints"].size(), 1u);
  const double share = plan["plan"]["share_intercepted"].get<double>();
  EXPECT_GT(share, 0.3);
  EXPECT_LT(share, 1.0);
}

TEST_F(RoutesCliTest, BadInterdictionOptionsAreNamed) {
  RunResult unknown = RunOrdo({"--db", *db_, "interdict", "--origin", "Kabul"});
  RunResult cost = RunOrdo({"--db", *db_, "interdict", "--node-cost", "Osh=cheap"});
  RunResult period = RunOrdo({"--db", *db_, "routes", "--compare", "2019", "2018..2017"});

  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("origin 'Kabul' is not a node of the route network"),
            std::string::npos)
      << unknown.err;
  EXPECT_EQ(cost.exit_code, 2);
  EXPECT_NE(cost.err.find("--node-cost: 'cheap' is not a non-negative number or 'none'"),
            std::string::npos)
      << cost.err;
  EXPECT_EQ(period.exit_code, 2);
  EXPECT_NE(period.err.find("--compare: period '2018..2017' ends before it starts"),
            std::string::npos)
      << period.err;
}

TEST_F(RoutesCliTest, TheBulletinIsLabelledSyntheticInCsvAndHtml) {
  const std::string html_path = MakeTempDir() + "/bulletin.html";
  RunResult csv = RunOrdo({"--db", *db_, "--format", "csv", "bulletin", "--period", "2021"});
  RunResult html =
      RunOrdo({"--db", *db_, "bulletin", "--period", "2021", "--html", "--out", html_path});

  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.substr(0, csv.out.find('\n')),
            "period,synthetic,marking,section,departure,destination,drug,group,seizures,cases,kg,"
            "without_kg,largest_kg,largest_seizure_id\r");
  EXPECT_NE(csv.out.find("\n2021,true,unmarked,total,"), std::string::npos);
  EXPECT_NE(csv.out.find("\n2021,true,unmarked,route,TJK,RUS,heroin,"), std::string::npos);
  ASSERT_EQ(html.exit_code, 0) << html.err;
  const std::string page = ReadFile(html_path);
  EXPECT_NE(page.find("<title>Seizure bulletin, 2021</title>"), std::string::npos);
  EXPECT_NE(page.find("SYNTHETIC DATA"), std::string::npos);
  EXPECT_NE(page.find("<p class=marking>Marking: unmarked / без грифа / грифсиз</p>"),
            std::string::npos);
}

TEST(SimulateImportTest, ImportWritesTheRecordsIntoTheDatabaseInTheSameCommand) {
  const std::string dir = MakeTempDir();
  const std::string db = dir + "/ordo.db";
  ASSERT_EQ(RunOrdo({"--db", db, "init"}).exit_code, 0);

  RunResult simulated = RunOrdo({"--db", db, "simulate", "--count", "1500", "--seed", "4", "--out",
                                 dir + "/s.csv", "--import"});
  RunResult listed = RunOrdo({"--db", db, "--format", "json", "seizures", "stats"});

  ASSERT_EQ(simulated.exit_code, 0) << simulated.err;
  EXPECT_NE(simulated.out.find("imported 1500 synthetic seizure(s) into " + db), std::string::npos)
      << simulated.out;
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  std::size_t synthetic = 0;
  for (const nlohmann::json& row : nlohmann::json::parse(listed.out)) {
    synthetic += row["synthetic_count"].get<std::size_t>();
    EXPECT_EQ(row["real_count"], 0);
  }
  EXPECT_EQ(synthetic, 1500u);
}

}  // namespace
}  // namespace ordo::testing
