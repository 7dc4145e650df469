// Candidate duplicates on a small made-up case: the same man written in Cyrillic and Latin, a
// namesake, an entity that shares his passport, phone nodes written two ways, plates with
// Cyrillic look-alike letters.

#include "analytics/duplicate_candidates.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "analytics/name_match.h"
#include "storage/memory/memory_link_store.h"

namespace ordo::analytics {
namespace {

Entity MadeUpEntity(const std::string& id, EntityType type, const std::string& name,
                    std::vector<EntityProperty> properties = {}) {
  Entity entity;
  entity.entity_id = id;
  entity.type = type;
  entity.name = name;
  entity.properties = std::move(properties);
  entity.synthetic = true;
  return entity;
}

Link Holds(const std::string& id, const std::string& holder, const std::string& node) {
  Link link;
  link.link_id = id;
  link.type = LinkType::kHolds;
  link.from_entity = holder;
  link.to_entity = node;
  link.synthetic = true;
  return link;
}

class DuplicateCandidatesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(
        store_
            .AppendGraph({{MadeUpEntity("p1", EntityType::kPerson, "Садыров Өмүрбек Асанович"),
                           MadeUpEntity("p2", EntityType::kPerson, "Omurbek Sadyrov"),
                           MadeUpEntity("p3", EntityType::kPerson, "Sadirov Bakyt"),
                           MadeUpEntity("p4", EntityType::kPerson, "Osmonov Nurlan",
                                        {{"passportNumber", "AC 1234567"}}),
                           MadeUpEntity("p5", EntityType::kPerson, "Нурлан Осмонов",
                                        {{"passportNumber", "АС1234567"}}),
                           MadeUpEntity("p6", EntityType::kPerson, "Asanov Talant"),
                           MadeUpEntity("p7", EntityType::kPerson, "Mamytov Erlan"),
                           MadeUpEntity("ph1", EntityType::kPhone, "+996 555 12-34-56"),
                           MadeUpEntity("ph2", EntityType::kPhone, "0555 123456"),
                           MadeUpEntity("v1", EntityType::kVehicle, "Truck",
                                        {{"registrationNumber", "01 KG 123 ABC"}}),
                           MadeUpEntity("v2", EntityType::kVehicle, "Грузовик",
                                        {{"registrationNumber", "01KG123АВС"}})},
                          {Holds("h1", "p6", "ph1"), Holds("h2", "p7", "ph1")}})
            .has_value());
  }

  DuplicateReport Find(DuplicateOptions options) {
    Result<DuplicateReport> found = FindDuplicateCandidates(store_, options);
    EXPECT_TRUE(found.has_value()) << found.error().ToString();
    return found.has_value() ? *found : DuplicateReport();
  }

  static std::vector<std::pair<std::string, std::string>> Pairs(const DuplicateReport& report) {
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const DuplicateCandidate& candidate : report.candidates) {
      pairs.emplace_back(candidate.first, candidate.second);
    }
    return pairs;
  }

  storage::MemoryLinkStore store_;
};

TEST_F(DuplicateCandidatesTest, FindsTheSamePersonAcrossScriptsAndIdentifiers) {
  DuplicateOptions options;
  options.type = EntityType::kPerson;

  const DuplicateReport report = Find(options);

  EXPECT_EQ(report.entities, 7u);
  ASSERT_EQ(Pairs(report), (std::vector<std::pair<std::string, std::string>>{
                               {"p1", "p2"}, {"p4", "p5"}}));
  EXPECT_DOUBLE_EQ(report.candidates[0].score, 1.0);
  EXPECT_EQ(report.candidates[0].explanation,
            "surname Садыров ~ Sadyrov via ru-Latin (same after romanisation); given name "
            "Өмүрбек ~ Omurbek via ky-Latin (same after romanisation); patronymic Асанович on one "
            "side only (not counted)");
  EXPECT_NE(report.candidates[1].explanation.find("same passport AC 1234567 = АС1234567"),
            std::string::npos)
      << report.candidates[1].explanation;
}

TEST_F(DuplicateCandidatesTest, ASharedPhoneNodeIsEvidenceButNotProof) {
  DuplicateOptions options;
  options.type = EntityType::kPerson;
  options.min_score = 0.5;

  const DuplicateReport report = Find(options);

  // Asanov Talant and Mamytov Erlan share nothing but a phone node: 0.6.
  bool found = false;
  for (const DuplicateCandidate& candidate : report.candidates) {
    if (candidate.first == "p6" && candidate.second == "p7") {
      found = true;
      EXPECT_NEAR(candidate.score, 0.6, 1e-12);
      EXPECT_DOUBLE_EQ(candidate.name_score, 0.0);
      EXPECT_EQ(candidate.explanation,
                "names: no name in common; same shared phone node +996 555 12-34-56");
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(DuplicateCandidatesTest, PhonesAndPlatesMatchByTheirNormalisedValue) {
  DuplicateOptions phones;
  phones.type = EntityType::kPhone;
  DuplicateOptions vehicles;
  vehicles.type = EntityType::kVehicle;

  const DuplicateReport phone_report = Find(phones);
  const DuplicateReport vehicle_report = Find(vehicles);

  ASSERT_EQ(Pairs(phone_report),
            (std::vector<std::pair<std::string, std::string>>{{"ph1", "ph2"}}));
  EXPECT_DOUBLE_EQ(phone_report.candidates[0].score, 1.0);
  EXPECT_EQ(phone_report.candidates[0].explanation, "same number +996 555 12-34-56 = 0555 123456");
  ASSERT_EQ(Pairs(vehicle_report),
            (std::vector<std::pair<std::string, std::string>>{{"v1", "v2"}}));
  EXPECT_NEAR(vehicle_report.candidates[0].score, 0.95, 1e-12);
  EXPECT_EQ(vehicle_report.candidates[0].explanation, "same plate 01 KG 123 ABC = 01KG123АВС");
}

TEST_F(DuplicateCandidatesTest, WithoutCrossScriptOnlyTheIdentifierJoinsScripts) {
  DuplicateOptions options;
  options.type = EntityType::kPerson;
  options.cross_script = false;

  const DuplicateReport report = Find(options);

  // p1/p2 differ in script: gone. p4/p5 still share a passport; their names are not compared.
  ASSERT_EQ(Pairs(report), (std::vector<std::pair<std::string, std::string>>{{"p4", "p5"}}));
  EXPECT_NEAR(report.candidates[0].score, 0.9, 1e-12);
  EXPECT_EQ(report.candidates[0].explanation,
            "names: Latin against Cyrillic: cross-script matching is off; same passport "
            "AC 1234567 = АС1234567");
}

TEST_F(DuplicateCandidatesTest, MergedEntitiesAreNotOfferedAgain) {
  storage::EntityMerge merge;
  merge.kept = "p1";
  merge.merged = {"p2"};
  merge.merged_by = "test";
  merge.merged_at = "2026-12-01T10:00:00Z";
  ASSERT_TRUE(store_.RecordMerge(merge).has_value());
  DuplicateOptions options;
  options.type = EntityType::kPerson;

  EXPECT_EQ(Pairs(Find(options)),
            (std::vector<std::pair<std::string, std::string>>{{"p4", "p5"}}));
}

TEST_F(DuplicateCandidatesTest, LimitMinScoreAndOversizedBlocks) {
  DuplicateOptions options;
  options.limit = 1;
  EXPECT_EQ(Find(options).candidates.size(), 1u);
  EXPECT_EQ(Find(options).pairs_found, 4u);  // p1/p2, p4/p5, ph1/ph2, v1/v2
  // The one kept is the best, explained as it is without a limit.
  DuplicateOptions all;
  const DuplicateReport unlimited = Find(all);
  ASSERT_EQ(unlimited.candidates.size(), 4u);
  const DuplicateReport limited = Find(options);
  EXPECT_EQ(limited.candidates.front().first, unlimited.candidates.front().first);
  EXPECT_EQ(limited.candidates.front().second, unlimited.candidates.front().second);
  EXPECT_EQ(limited.candidates.front().explanation, unlimited.candidates.front().explanation);

  options.min_score = 1.5;
  Result<DuplicateReport> bad = FindDuplicateCandidates(store_, options);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code(), ErrorCode::kInvalidArgument);

  DuplicateOptions tiny_blocks;
  tiny_blocks.max_block = 1;
  const DuplicateReport skipped = Find(tiny_blocks);
  EXPECT_TRUE(skipped.candidates.empty());
  EXPECT_GT(skipped.blocks_skipped, 0u);
}

TEST_F(DuplicateCandidatesTest, OnlyTheVisibleCompartmentsArePaired) {
  Entity twin = MadeUpEntity("q1", EntityType::kPerson, "Omurbek Sadyrov");
  twin.compartment = "osh";
  ASSERT_TRUE(store_.AppendGraph({{twin}, {}}).has_value());
  DuplicateOptions everything;
  DuplicateOptions general;
  general.visibility = Visibility::Only({"general"});
  DuplicateOptions osh;
  osh.visibility = Visibility::Only({"osh"});

  const DuplicateReport all = Find(everything);
  const DuplicateReport general_only = Find(general);
  const DuplicateReport osh_only = Find(osh);

  // q1 is in another compartment than p1 and p2: never paired with them (a merge could not join
  // them), whatever the reader sees.
  EXPECT_EQ(all.candidates.size(), 4u);
  EXPECT_EQ(general_only.candidates.size(), 4u);
  for (const DuplicateCandidate& candidate : general_only.candidates) {
    EXPECT_NE(candidate.first, "q1");
    EXPECT_NE(candidate.second, "q1");
  }
  EXPECT_TRUE(osh_only.candidates.empty());
  EXPECT_EQ(osh_only.entities, 1u);
}

TEST_F(DuplicateCandidatesTest, ReportsProgressAndStopsWhenCancelled) {
  double last = 0;
  graph::Progress progress([&](double fraction) { last = fraction; });
  DuplicateOptions options;
  options.progress = &progress;
  ASSERT_TRUE(FindDuplicateCandidates(store_, options).has_value());
  EXPECT_EQ(last, 1.0);

  graph::Progress cancelled;
  cancelled.Cancel();
  options.progress = &cancelled;
  Result<DuplicateReport> stopped = FindDuplicateCandidates(store_, options);

  ASSERT_FALSE(stopped.has_value());
  EXPECT_EQ(stopped.error().code(), ErrorCode::kFailedPrecondition);
}

// Numbered placeholders (as `ordo simulate --cases` writes them) are not one person for their
// words alone; an identifier they share still joins them, and the explanation says both.
TEST(DuplicateCandidatesNumbersTest, NamesThatDifferOnlyInNumbersAreNotCandidates) {
  storage::MemoryLinkStore store;
  ASSERT_TRUE(store
                  .AppendGraph({{MadeUpEntity("o1", EntityType::kPerson, "Organiser 1.1.1"),
                                 MadeUpEntity("o2", EntityType::kPerson, "Organiser 1.2.1"),
                                 MadeUpEntity("c1", EntityType::kPerson, "Courier 2.1.1",
                                        {{"passportNumber", "AN 7654321"}}),
                                 MadeUpEntity("c2", EntityType::kPerson, "Courier 2.1.2",
                                        {{"passportNumber", "AN7654321"}}),
                                 MadeUpEntity("g1", EntityType::kOrganization, "Group 3"),
                                 MadeUpEntity("g2", EntityType::kOrganization, "Group 4"),
                                 MadeUpEntity("g3", EntityType::kOrganization, "Group 03")},
                                {}})
                  .has_value());
  DuplicateOptions options;  // min_score 0.8

  Result<DuplicateReport> found = FindDuplicateCandidates(store, options);
  DuplicateOptions everything;
  everything.min_score = 0;
  Result<DuplicateReport> all = FindDuplicateCandidates(store, everything);

  ASSERT_TRUE(found.has_value());
  ASSERT_EQ(found->candidates.size(), 2u);
  // Group 3 and Group 03 are one group; the couriers share a passport: 1 - 0.7 x 0.1.
  EXPECT_EQ(found->candidates[0].first, "g1");
  EXPECT_EQ(found->candidates[0].second, "g3");
  EXPECT_DOUBLE_EQ(found->candidates[0].score, 1.0);
  EXPECT_EQ(found->candidates[1].first, "c1");
  EXPECT_EQ(found->candidates[1].second, "c2");
  EXPECT_NEAR(found->candidates[1].score, 0.93, 1e-12);
  EXPECT_DOUBLE_EQ(found->candidates[1].name_score, kNumberMismatchCap);
  EXPECT_EQ(found->candidates[1].explanation,
            "given name Courier ~ Courier (same spelling); numbers differ: 2.1.1 ≠ 2.1.2 (score at "
            "most 0.3); same passport AN 7654321 = AN7654321");
  ASSERT_TRUE(all.has_value());
  for (const DuplicateCandidate& candidate : all->candidates) {
    if (candidate.first == "o1" && candidate.second == "o2") {
      EXPECT_DOUBLE_EQ(candidate.score, kNumberMismatchCap);
      EXPECT_EQ(candidate.explanation,
                "given name Organiser ~ Organiser (same spelling); numbers differ: 1.1.1 ≠ 1.2.1 "
                "(score at most 0.3)");
    }
  }
}

// The same made-up man and passport in two compartments: never a pair across them, since a merge
// may not join them; narrowed to one compartment, only its entities are paired.
TEST(DuplicateCandidatesCompartmentTest, PairsNeverJoinTwoCompartments) {
  storage::MemoryLinkStore store;
  auto in = [](Entity entity, const std::string& compartment) {
    entity.compartment = compartment;
    return entity;
  };
  ASSERT_TRUE(
      store
          .AppendGraph({{in(MadeUpEntity("a1", EntityType::kPerson, "Osmonov Nurlan",
                                         {{"passportNumber", "AC 1234567"}}),
                            "osh"),
                         in(MadeUpEntity("b1", EntityType::kPerson, "Nurlan Osmonov",
                                         {{"passportNumber", "AC1234567"}}),
                            "chuy"),
                         in(MadeUpEntity("b2", EntityType::kPerson, "Осмонов Нурлан"), "chuy")},
                        {}})
          .has_value());
  DuplicateOptions every;
  every.min_score = 0;
  Result<DuplicateReport> all = FindDuplicateCandidates(store, every);
  ASSERT_TRUE(all.has_value());
  ASSERT_EQ(all->candidates.size(), 1u);
  EXPECT_EQ(all->candidates[0].first, "b1");
  EXPECT_EQ(all->candidates[0].second, "b2");

  DuplicateOptions osh = every;
  osh.visibility = Visibility::Only({"osh"});
  Result<DuplicateReport> only_osh = FindDuplicateCandidates(store, osh);
  ASSERT_TRUE(only_osh.has_value());
  EXPECT_EQ(only_osh->entities, 1u);
  EXPECT_TRUE(only_osh->candidates.empty());
}

}  // namespace
}  // namespace ordo::analytics
