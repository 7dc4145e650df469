#include "storage/conformance/link_store_conformance.h"

#include <stdlib.h>

#include <filesystem>
#include <ostream>
#include <vector>

namespace ordo::storage::conformance {

std::string LinkBackendName(const ::testing::TestParamInfo<LinkStoreBackend>& info) {
  return info.param.name;
}

void PrintTo(const LinkStoreBackend& backend, std::ostream* out) { *out << backend.name; }

void LinkStoreConformanceTest::SetUp() {
  std::string pattern = ::testing::TempDir() + "ordo_link_conformance_XXXXXX";
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  scratch_dir_ = pattern;
  Result<std::shared_ptr<LinkStore>> store = GetParam().make_store(scratch_dir_);
  ASSERT_TRUE(store.has_value()) << store.error().ToString();
  store_ = std::move(store).value();
}

void LinkStoreConformanceTest::TearDown() {
  store_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(scratch_dir_, ignored);
}

namespace {

// Made-up case data, not real people.
Entity Person(const std::string& id, const std::string& name) {
  Entity entity;
  entity.entity_id = id;
  entity.type = EntityType::kPerson;
  entity.name = name;
  entity.schema = "Person";
  entity.properties = {{"name", name}, {"alias", "Садыров"}, {"alias", "Sadirov"}};
  entity.case_id = "CASE-1";
  entity.source = "test fixture (made up)";
  entity.synthetic = true;
  return entity;
}

Entity Phone(const std::string& id) {
  Entity entity;
  entity.entity_id = id;
  entity.type = EntityType::kPhone;
  entity.name = "+996 555 000 000";
  entity.synthetic = true;
  return entity;
}

Link Call(const std::string& id, const std::string& from, const std::string& to) {
  Link link;
  link.link_id = id;
  link.type = LinkType::kCall;
  link.from_entity = from;
  link.to_entity = to;
  link.schema = "Call";
  link.properties = {{"duration", "65"}, {"callerNumber", "+996555000000"}};
  link.start = PartialDate::Parse("2021-03-04").value();
  link.end = PartialDate::Parse("2021-03").value();
  link.source = "test fixture (made up)";
  link.grade = "B2";
  link.case_id = "CASE-1";
  link.synthetic = true;
  return link;
}

std::vector<Entity> AllEntities(LinkStore& store) {
  std::vector<Entity> entities;
  EXPECT_TRUE(store
                  .ForEachEntity([&](const Entity& entity) {
                    entities.push_back(entity);
                    return OkStatus();
                  })
                  .has_value());
  return entities;
}

std::vector<Link> AllLinks(LinkStore& store) {
  std::vector<Link> links;
  EXPECT_TRUE(store
                  .ForEachLink([&](const Link& link) {
                    links.push_back(link);
                    return OkStatus();
                  })
                  .has_value());
  return links;
}

void ExpectEmpty(LinkStore& store) {
  EXPECT_EQ(store.CountEntities().value(), 0u);
  EXPECT_EQ(store.CountLinks().value(), 0u);
}

}  // namespace

TEST_P(LinkStoreConformanceTest, EntitiesAndLinksRoundTripInWriteOrder) {
  Link family;
  family.link_id = "f1";
  family.type = LinkType::kFamily;
  family.from_entity = "p2";
  family.to_entity = "p1";
  family.directed = false;
  const GraphBatch batch{{Person("p1", "Sadyrov"), Phone("ph1"), Person("p2", "Asanova")},
                         {Call("c1", "p1", "ph1"), family}};

  ASSERT_TRUE(Store().AppendGraph(batch).has_value());

  EXPECT_EQ(AllEntities(Store()), batch.entities);
  EXPECT_EQ(AllLinks(Store()), batch.links);
  EXPECT_EQ(Store().CountEntities().value(), 3u);
  EXPECT_EQ(Store().CountLinks().value(), 2u);
}

TEST_P(LinkStoreConformanceTest, FindEntityFindsByIdAndMissesQuietly) {
  ASSERT_TRUE(Store().AppendGraph({{Person("p1", "Sadyrov")}, {}}).has_value());

  Result<std::optional<Entity>> found = Store().FindEntity("p1");
  Result<std::optional<Entity>> missing = Store().FindEntity("p9");

  ASSERT_TRUE(found.has_value());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ(**found, Person("p1", "Sadyrov"));
  ASSERT_TRUE(missing.has_value());
  EXPECT_FALSE(missing->has_value());
}

TEST_P(LinkStoreConformanceTest, LinksMayJoinEntitiesOfEarlierBatchesAndLoopOnOne) {
  ASSERT_TRUE(Store().AppendGraph({{Person("p1", "Sadyrov"), Phone("ph1")}, {}}).has_value());

  ASSERT_TRUE(
      Store().AppendGraph({{}, {Call("c1", "p1", "ph1"), Call("c2", "ph1", "ph1")}}).has_value());

  EXPECT_EQ(AllLinks(Store()).size(), 2u);
  EXPECT_EQ(AllLinks(Store())[1].to_entity, "ph1");
}

TEST_P(LinkStoreConformanceTest, RepeatedEntityIdsAreRefusedAndNothingIsWritten) {
  Status in_batch = Store().AppendGraph({{Person("p1", "A"), Phone("ph1"), Person("p1", "B")}, {}});
  ASSERT_FALSE(in_batch.has_value());
  EXPECT_EQ(in_batch.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(in_batch.error().message(), "entity 'p1' already exists");
  ExpectEmpty(Store());

  ASSERT_TRUE(Store().AppendGraph({{Person("p1", "A")}, {}}).has_value());
  Status stored = Store().AppendGraph({{Phone("ph1"), Person("p1", "B")}, {}});
  ASSERT_FALSE(stored.has_value());
  EXPECT_EQ(stored.error().message(), "entity 'p1' already exists");
  EXPECT_EQ(Store().CountEntities().value(), 1u);
}

TEST_P(LinkStoreConformanceTest, AnEmptyEntityIdIsInvalid) {
  Status written = Store().AppendGraph({{Person("", "A")}, {}});

  ASSERT_FALSE(written.has_value());
  EXPECT_EQ(written.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(written.error().message(), "entity with an empty entity_id");
}

TEST_P(LinkStoreConformanceTest, ALinkToAnUnknownEntityWritesNothingOfItsBatch) {
  Status written =
      Store().AppendGraph({{Person("p1", "A")}, {Call("c1", "p1", "p1"), Call("c2", "p1", "x")}});

  ASSERT_FALSE(written.has_value());
  EXPECT_EQ(written.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(written.error().message(), "link 'c2': unknown entity 'x'");
  ExpectEmpty(Store());
}

TEST_P(LinkStoreConformanceTest, RepeatedLinkIdsAreRefused) {
  ASSERT_TRUE(Store().AppendGraph({{Person("p1", "A")}, {Call("c1", "p1", "p1")}}).has_value());

  Status stored = Store().AppendGraph({{}, {Call("c1", "p1", "p1")}});
  Status stored_to_unknown = Store().AppendGraph({{}, {Call("c1", "p1", "x")}});
  Status in_batch = Store().AppendGraph({{}, {Call("c2", "p1", "p1"), Call("c2", "p1", "p1")}});

  ASSERT_FALSE(stored.has_value());
  EXPECT_EQ(stored.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(stored.error().message(), "link 'c1' already exists");
  ASSERT_FALSE(stored_to_unknown.has_value());
  EXPECT_EQ(stored_to_unknown.error().message(), "link 'c1' already exists");
  ASSERT_FALSE(in_batch.has_value());
  EXPECT_EQ(in_batch.error().message(), "link 'c2' already exists");
  EXPECT_EQ(Store().CountLinks().value(), 1u);
}

TEST_P(LinkStoreConformanceTest, LinkRulesOfCheckLinkApply) {
  ASSERT_TRUE(Store().AppendGraph({{Person("p1", "A")}, {}}).has_value());
  Link backwards = Call("c1", "p1", "p1");
  backwards.end = PartialDate::Parse("2020").value();
  Link ungraded = Call("c2", "p1", "p1");
  ungraded.grade = "X";

  Status first = Store().AppendGraph({{}, {backwards}});
  Status second = Store().AppendGraph({{}, {ungraded}});

  ASSERT_FALSE(first.has_value());
  EXPECT_EQ(first.error().message(), "link 'c1': ends 2020 before it starts 2021-03-04");
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(Store().CountLinks().value(), 0u);
}

TEST_P(LinkStoreConformanceTest, AVisitorErrorStopsTheWalkAndComesBackAsItIs) {
  ASSERT_TRUE(Store().AppendGraph({{Person("p1", "A"), Person("p2", "B")}, {}}).has_value());
  int visits = 0;

  Status walked = Store().ForEachEntity([&](const Entity&) -> Status {
    ++visits;
    return FailedPrecondition("stop here");
  });

  ASSERT_FALSE(walked.has_value());
  EXPECT_EQ(walked.error().message(), "stop here");
  EXPECT_EQ(visits, 1);
}

}  // namespace ordo::storage::conformance
