#include "analytics/case_simulator.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "analytics/case_truth.h"
#include "analytics/link_graph.h"
#include "analytics/testing/test_registry.h"
#include "graph/louvain.h"
#include "storage/memory/memory_link_store.h"
#include "storage/memory/memory_seizure_store.h"

namespace ordo::analytics {
namespace {

CaseSimulationOptions Options(std::uint64_t cases, std::uint64_t groups, std::uint64_t seed) {
  CaseSimulationOptions options;
  options.cases = cases;
  options.groups_per_case = groups;
  options.seed = seed;
  return options;
}

SimulatedCases Simulate(const CaseSimulationOptions& options) {
  Result<SimulatedCases> cases = SimulateCases(options);
  EXPECT_TRUE(cases.has_value()) << cases.error().ToString();
  return cases.has_value() ? std::move(*cases) : SimulatedCases{};
}

TEST(CaseSimulatorTest, SameSeedSameCasesOtherSeedOthers) {
  const SimulatedCases a = Simulate(Options(6, 3, 42));
  const SimulatedCases b = Simulate(Options(6, 3, 42));
  EXPECT_EQ(a.graph.entities, b.graph.entities);
  EXPECT_EQ(a.graph.links, b.graph.links);
  EXPECT_EQ(a.seizures, b.seizures);
  std::ostringstream truth_a, truth_b;
  ASSERT_TRUE(WriteCaseTruth(Options(6, 3, 42), a, truth_a).has_value());
  ASSERT_TRUE(WriteCaseTruth(Options(6, 3, 42), b, truth_b).has_value());
  EXPECT_EQ(truth_a.str(), truth_b.str());

  const SimulatedCases c = Simulate(Options(6, 3, 43));
  EXPECT_NE(c.graph.entities.front().entity_id, a.graph.entities.front().entity_id);
  std::vector<std::string> names_a, names_c;
  for (const Link& link : a.graph.links) names_a.push_back(link.from_entity.substr(6));
  for (const Link& link : c.graph.links) names_c.push_back(link.from_entity.substr(6));
  EXPECT_NE(names_a, names_c);  // another structure, not only other ids
}

TEST(CaseSimulatorTest, GroupSizesAddUp) {
  const SimulatedCases cases = Simulate(Options(3, 2, 1));
  EXPECT_EQ(cases.groups.size(), 6u);
  std::size_t in_groups = 0;
  for (const GroupTruth& group : cases.groups) in_groups += group.members;
  std::size_t grouped = 0;
  for (const EntityTruth& truth : cases.truth) grouped += truth.group.empty() ? 0 : 1;
  EXPECT_EQ(in_groups, grouped);
}

TEST(CaseSimulatorTest, EverythingIsSyntheticAndLinksJoinItsEntities) {
  const SimulatedCases cases = Simulate(Options(10, 3, 7));
  ASSERT_EQ(cases.truth.size(), cases.graph.entities.size());
  std::set<std::string> ids;
  for (std::size_t i = 0; i < cases.graph.entities.size(); ++i) {
    const Entity& entity = cases.graph.entities[i];
    EXPECT_TRUE(entity.synthetic) << entity.entity_id;
    EXPECT_EQ(entity.source, "ordo simulate --cases (synthetic, seed 7)");
    EXPECT_EQ(entity.entity_id.rfind("sim7-", 0), 0u) << entity.entity_id;
    EXPECT_EQ(cases.truth[i].entity_id, entity.entity_id);
    EXPECT_TRUE(ids.insert(entity.entity_id).second) << "duplicate " << entity.entity_id;
  }
  std::set<std::string> link_ids;
  for (const Link& link : cases.graph.links) {
    EXPECT_TRUE(link.synthetic) << link.link_id;
    EXPECT_TRUE(ids.count(link.from_entity)) << link.link_id;
    EXPECT_TRUE(ids.count(link.to_entity)) << link.link_id;
    EXPECT_TRUE(link_ids.insert(link.link_id).second) << link.link_id;
    EXPECT_TRUE(CheckLink(link).has_value()) << link.link_id;
  }
  for (const Seizure& seizure : cases.seizures) {
    EXPECT_TRUE(seizure.synthetic);
    EXPECT_FALSE(seizure.case_id.empty());
  }
  EXPECT_FALSE(cases.seizures.empty());
}

// The route places are real: each place node's coordinates are a row of the bundled
// data/reference/route_places.csv, never made up.
TEST(CaseSimulatorTest, PlacesAndTheirCoordinatesComeFromTheBundledData) {
  std::ifstream csv(testing::DataDir() + "/reference/route_places.csv");
  ASSERT_TRUE(csv) << testing::DataDir();
  std::map<std::string, std::pair<double, double>> bundled;
  std::string line;
  std::getline(csv, line);  // header
  while (std::getline(csv, line)) {
    std::vector<std::string> fields;
    std::string field;
    std::istringstream row(line);
    for (int i = 0; i < 5 && std::getline(row, field, ','); ++i) fields.push_back(field);
    if (fields.size() == 5 && !fields[3].empty()) {
      bundled[fields[0]] = {std::stod(fields[3]), std::stod(fields[4])};
    }
  }
  ASSERT_GT(bundled.size(), 10u);
  const SimulatedCases cases = Simulate(Options(20, 3, 3));
  std::size_t places = 0;
  for (const Entity& entity : cases.graph.entities) {
    if (entity.type != EntityType::kPlace) continue;
    ++places;
    ASSERT_TRUE(bundled.count(entity.name)) << entity.name;
    std::map<std::string, std::string> properties;
    for (const EntityProperty& p : entity.properties) properties[p.name] = p.value;
    EXPECT_NEAR(std::stod(properties["latitude"]), bundled[entity.name].first, 1e-6) << entity.name;
    EXPECT_NEAR(std::stod(properties["longitude"]), bundled[entity.name].second, 1e-6)
        << entity.name;
  }
  EXPECT_GE(places, 5u);
  for (const Seizure& seizure : cases.seizures) {
    ASSERT_TRUE(bundled.count(seizure.place)) << seizure.place;
    EXPECT_NEAR(*seizure.lat, bundled[seizure.place].first, 1e-6);
    EXPECT_NEAR(*seizure.lon, bundled[seizure.place].second, 1e-6);
  }
}

// Each seizure record is a node of the graph under its own id, in the same case as the record,
// with the couriers, phones and vehicle involved linked to it.
TEST(CaseSimulatorTest, SeizuresLinkToTheirCaseAndTheInvolved) {
  const SimulatedCases cases = Simulate(Options(10, 2, 5));
  std::map<std::string, const Entity*> entities;
  for (const Entity& entity : cases.graph.entities) entities[entity.entity_id] = &entity;
  for (const Seizure& seizure : cases.seizures) {
    ASSERT_TRUE(entities.count(seizure.seizure_id)) << seizure.seizure_id;
    EXPECT_EQ(entities[seizure.seizure_id]->case_id, seizure.case_id);
    std::set<EntityType> involved;
    for (const Link& link : cases.graph.links) {
      if (link.type == LinkType::kSeizureInvolvement && link.to_entity == seizure.seizure_id) {
        involved.insert(entities[link.from_entity]->type);
        EXPECT_EQ(link.case_id, seizure.case_id);
      }
    }
    EXPECT_EQ(involved, (std::set<EntityType>{EntityType::kPerson, EntityType::kPhone,
                                              EntityType::kVehicle}))
        << seizure.seizure_id;
  }
}

TEST(CaseSimulatorTest, BrokersBridgeGroups) {
  const SimulatedCases cases = Simulate(Options(8, 3, 9));
  std::size_t brokers = 0;
  for (const EntityTruth& truth : cases.truth) {
    if (truth.role != "broker") {
      EXPECT_TRUE(truth.bridges.empty());
      continue;
    }
    ++brokers;
    EXPECT_TRUE(truth.group.empty());
    EXPECT_GE(truth.bridges.size(), 2u);
  }
  EXPECT_EQ(brokers, 8u);
}

TEST(CaseSimulatorTest, WritesIntoStoresAndTheTruthReadsBack) {
  const CaseSimulationOptions options = Options(5, 2, 11);
  const SimulatedCases cases = Simulate(options);
  storage::MemoryLinkStore links;
  ASSERT_TRUE(links.AppendGraph(cases.graph).has_value());
  std::unique_ptr<storage::MemoryStore> registry = testing::SeededStore();
  storage::MemorySeizureStore seizures(*registry);
  const Status written = seizures.AppendSeizures(cases.seizures);
  ASSERT_TRUE(written.has_value()) << written.error().ToString();

  const std::string path = ::testing::TempDir() + "case_simulator_truth_roundtrip.json";
  {
    std::ofstream out(path);
    ASSERT_TRUE(WriteCaseTruth(options, cases, out).has_value());
  }
  Result<std::vector<EntityTruth>> read = ReadCaseTruth(path);
  ASSERT_TRUE(read.has_value()) << read.error().ToString();
  ASSERT_EQ(read->size(), cases.truth.size());
  for (std::size_t i = 0; i < read->size(); ++i) {
    EXPECT_EQ((*read)[i].entity_id, cases.truth[i].entity_id);
    EXPECT_EQ((*read)[i].group, cases.truth[i].group);
    EXPECT_EQ((*read)[i].case_id, cases.truth[i].case_id);
    EXPECT_EQ((*read)[i].role, cases.truth[i].role);
    EXPECT_EQ((*read)[i].bridges, cases.truth[i].bridges);
  }
  std::remove(path.c_str());
}

TEST(CaseSimulatorTest, BadTruthFilesNameThePlace) {
  const std::string path = ::testing::TempDir() + "case_simulator_bad_truth.json";
  auto error_of = [&](const std::string& text) {
    {
      std::ofstream out(path);
      out << text;
    }
    Result<std::vector<EntityTruth>> read = ReadCaseTruth(path);
    EXPECT_FALSE(read.has_value());
    return read.has_value() ? std::string() : read.error().message();
  };
  EXPECT_EQ(error_of(R"({"entities": [{"entity_id": "a", "group": 3}]})"),
            path + ": entities[0].group: expected a string or null");
  EXPECT_EQ(error_of(R"({"entities": [{"entity_id": "a"}, {"group": "g"}]})"),
            path + ": entities[1].entity_id: missing");
  EXPECT_EQ(error_of(R"({"groups": []})"),
            path + ": expected an object with an array \"entities\"");
  EXPECT_NE(error_of(R"({"entities": [)").find(path + ": not JSON at byte"), std::string::npos);
  std::remove(path.c_str());
  Result<std::vector<EntityTruth>> missing = ReadCaseTruth(path);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code(), ErrorCode::kNotFound);
}

TEST(CaseSimulatorTest, RefusesBadOptions) {
  EXPECT_EQ(SimulateCases(Options(0, 2, 1)).error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(SimulateCases(Options(kMaxSimulatedCases + 1, 2, 1)).error().code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(SimulateCases(Options(1, 0, 1)).error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(SimulateCases(Options(1, 21, 1)).error().code(), ErrorCode::kInvalidArgument);
  CaseSimulationOptions years = Options(1, 1, 1);
  years.first_year = 2025;
  years.last_year = 2024;
  EXPECT_EQ(SimulateCases(years).error().code(), ErrorCode::kInvalidArgument);
}

// The check of issue #5: communities found by Ordo's Louvain with Leiden's refinement recover the
// planted groups. Threshold and the figure measured for these options are in docs/graph.md.
constexpr double kRecoveryThreshold = 0.58;

double RecoveredAri(const CaseSimulationOptions& options, std::uint64_t louvain_seed) {
  const SimulatedCases cases = Simulate(options);
  storage::MemoryLinkStore store;
  EXPECT_TRUE(store.AppendGraph(cases.graph).has_value());
  Result<LinkGraph> links = BuildLinkGraph(store);
  EXPECT_TRUE(links.has_value());
  graph::CommunityOptions community_options;
  community_options.seed = louvain_seed;
  const graph::Communities found = graph::FindCommunities(links->graph, community_options);
  Result<CommunityRecovery> recovery = ScoreRecovery(*links, found.community, cases.truth);
  EXPECT_TRUE(recovery.has_value());
  return recovery.has_value() ? recovery->adjusted_rand_index : -1;
}

// One seed's index moves by a few hundredths with the visiting order (0.56 to 0.64 over 16
// seeds), so the check is on the mean of 8 simulations.
TEST(CaseSimulatorTest, PlantedGroupsAreRecoveredByCommunities) {
  double sum = 0;
  constexpr int kSeeds = 8;
  for (int seed = 1; seed <= kSeeds; ++seed) {
    const double ari = RecoveredAri(Options(20, 3, static_cast<std::uint64_t>(seed)), 1);
    std::printf("adjusted Rand index, 20 cases x 3 groups, seed %d: %.4f\n", seed, ari);
    sum += ari;
  }
  std::printf("mean over %d seeds: %.4f\n", kSeeds, sum / kSeeds);
  EXPECT_GE(sum / kSeeds, kRecoveryThreshold);
}

TEST(CaseSimulatorTest, RecoveryScoreFallsForAWrongPartition) {
  const SimulatedCases cases = Simulate(Options(10, 3, 2));
  storage::MemoryLinkStore store;
  ASSERT_TRUE(store.AppendGraph(cases.graph).has_value());
  Result<LinkGraph> links = BuildLinkGraph(store);
  ASSERT_TRUE(links.has_value());
  const std::size_t n = links->graph.NodeCount();
  // Everything in one community: no better than chance.
  Result<CommunityRecovery> one = ScoreRecovery(*links, std::vector<std::uint32_t>(n, 0), cases.truth);
  ASSERT_TRUE(one.has_value());
  EXPECT_NEAR(one->adjusted_rand_index, 0.0, 1e-12);
  // The planted groups themselves: exactly 1.
  std::map<std::string, std::uint32_t> label;
  std::vector<std::uint32_t> planted(n, 0);
  for (const EntityTruth& truth : cases.truth) {
    planted[links->node_of.at(truth.entity_id)] =
        label.emplace(truth.group, static_cast<std::uint32_t>(label.size())).first->second;
  }
  Result<CommunityRecovery> exact = ScoreRecovery(*links, planted, cases.truth);
  ASSERT_TRUE(exact.has_value());
  EXPECT_EQ(exact->adjusted_rand_index, 1.0);
  EXPECT_EQ(exact->planted_groups, 30u);
  EXPECT_GT(exact->entities_ungrouped, 10u);  // brokers and places are not scored
  EXPECT_EQ(ScoreRecovery(*links, {0, 1}, cases.truth).error().code(),
            ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace ordo::analytics
