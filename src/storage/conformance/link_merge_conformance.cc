// The merge part of the LinkStore conformance suite (RecordMerge, UndoMerge, ForEachMerge of
// storage/link_store.h): every backend gives the same ids, codes and messages.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/conformance/link_store_conformance.h"
#include "storage/merge_rules.h"

namespace ordo::storage::conformance {
namespace {

// Made-up case data, not real people.
Entity Named(const std::string& id, EntityType type, const std::string& name) {
  Entity entity;
  entity.entity_id = id;
  entity.type = type;
  entity.name = name;
  entity.synthetic = true;
  return entity;
}

GraphBatch ThreePeopleAndAPhone() {
  return {{Named("p1", EntityType::kPerson, "Sadyrov Omurbek"),
           Named("p2", EntityType::kPerson, "Садыров Өмүрбек"),
           Named("p3", EntityType::kPerson, "Sadirov O."),
           Named("ph1", EntityType::kPhone, "+996 555 123 456")},
          {}};
}

EntityMerge Merge(const std::string& kept, std::vector<std::string> merged) {
  EntityMerge merge;
  merge.kept = kept;
  merge.merged = std::move(merged);
  merge.note = "same passport";
  merge.merged_by = "analyst1";
  merge.merged_at = "2026-12-01T10:00:00Z";
  return merge;
}

std::vector<EntityMerge> AllMerges(LinkStore& store) {
  std::vector<EntityMerge> merges;
  EXPECT_TRUE(store
                  .ForEachMerge([&](const EntityMerge& merge) {
                    merges.push_back(merge);
                    return OkStatus();
                  })
                  .has_value());
  return merges;
}

void ExpectError(const Status& status, ErrorCode code, const std::string& message) {
  ASSERT_FALSE(status.has_value());
  EXPECT_EQ(status.error().code(), code);
  EXPECT_EQ(status.error().message(), message);
}

template <typename T>
void ExpectError(const Result<T>& result, ErrorCode code, const std::string& message) {
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code(), code);
  EXPECT_EQ(result.error().message(), message);
}

}  // namespace

TEST_P(LinkStoreConformanceTest, MergesGetIdsInOrderAndReadBackAsRecorded) {
  ASSERT_TRUE(Store().AppendGraph(ThreePeopleAndAPhone()).has_value());

  Result<std::int64_t> first = Store().RecordMerge(Merge("p1", {"p3", "p2"}));
  ASSERT_TRUE(first.has_value()) << first.error().ToString();
  ASSERT_TRUE(Store().UndoMerge(*first, "analyst2", "2026-12-01T11:00:00Z").has_value());
  Result<std::int64_t> second = Store().RecordMerge(Merge("p2", {"p1"}));
  ASSERT_TRUE(second.has_value()) << second.error().ToString();

  EXPECT_EQ(*first, 1);
  EXPECT_EQ(*second, 2);
  EntityMerge undone = Merge("p1", {"p3", "p2"});
  undone.merge_id = 1;
  undone.undone_by = "analyst2";
  undone.undone_at = "2026-12-01T11:00:00Z";
  EntityMerge in_force = Merge("p2", {"p1"});
  in_force.merge_id = 2;
  EXPECT_EQ(AllMerges(Store()), (std::vector<EntityMerge>{undone, in_force}));
  EXPECT_FALSE(AllMerges(Store())[0].InForce());
  EXPECT_TRUE(AllMerges(Store())[1].InForce());
  // The entities themselves are untouched.
  EXPECT_EQ(Store().CountEntities().value(), 4u);
}

TEST_P(LinkStoreConformanceTest, AMergeIgnoresTheIdAndUndoFieldsItIsGiven) {
  ASSERT_TRUE(Store().AppendGraph(ThreePeopleAndAPhone()).has_value());
  EntityMerge given = Merge("p1", {"p2"});
  given.merge_id = 77;
  given.undone_at = "yesterday";

  Result<std::int64_t> recorded = Store().RecordMerge(given);

  ASSERT_TRUE(recorded.has_value());
  EXPECT_EQ(*recorded, 1);
  EXPECT_TRUE(AllMerges(Store()).at(0).InForce());
}

TEST_P(LinkStoreConformanceTest, BrokenMergeRulesAreRefusedInOrderAndWriteNothing) {
  ASSERT_TRUE(Store().AppendGraph(ThreePeopleAndAPhone()).has_value());
  EntityMerge anonymous = Merge("p1", {"p2"});
  anonymous.merged_by = "";

  ExpectError(Store().RecordMerge(Merge("p1", {})), ErrorCode::kInvalidArgument,
              "a merge names the entity to keep and at least one other");
  ExpectError(Store().RecordMerge(anonymous), ErrorCode::kInvalidArgument,
              "a merge records who made it and when");
  ExpectError(Store().RecordMerge(Merge("p1", {"p2", "p1"})), ErrorCode::kInvalidArgument,
              "entity 'p1' is named twice in the merge");
  ExpectError(Store().RecordMerge(Merge("p1", {"p2", "p2"})), ErrorCode::kInvalidArgument,
              "entity 'p2' is named twice in the merge");
  ExpectError(Store().RecordMerge(Merge("p1", {"p2", "nobody"})), ErrorCode::kNotFound,
              "no entity 'nobody'");
  ExpectError(Store().RecordMerge(Merge("nobody", {"p2"})), ErrorCode::kNotFound,
              "no entity 'nobody'");
  ExpectError(Store().RecordMerge(Merge("p1", {"ph1"})), ErrorCode::kInvalidArgument,
              "cannot merge phone 'ph1' into person 'p1'");
  EXPECT_TRUE(AllMerges(Store()).empty());
}

// A merged group is read as one node: across compartments it would show one compartment's data to
// readers of the other. The store refuses it, naming both ids and compartments, and writes nothing.
TEST_P(LinkStoreConformanceTest, AMergeAcrossCompartmentsIsRefusedAndWritesNothing) {
  GraphBatch batch = ThreePeopleAndAPhone();
  batch.entities[0].compartment = "osh";
  batch.entities[1].compartment = "osh";
  batch.entities[2].compartment = "chuy";
  ASSERT_TRUE(Store().AppendGraph(batch).has_value());

  const Result<std::int64_t> refused = Store().RecordMerge(Merge("p1", {"p2", "p3"}));
  ExpectError(refused, ErrorCode::kInvalidArgument,
              "cannot merge across compartments: entity 'p3' of compartment 'chuy' into 'p1' of "
              "compartment 'osh': a merge stays inside one compartment");
  ASSERT_FALSE(refused.has_value());
  EXPECT_TRUE(IsCrossCompartmentMerge(refused.error()));
  ExpectError(Store().RecordMerge(Merge("p3", {"p1"})), ErrorCode::kInvalidArgument,
              "cannot merge across compartments: entity 'p1' of compartment 'osh' into 'p3' of "
              "compartment 'chuy': a merge stays inside one compartment");
  EXPECT_TRUE(AllMerges(Store()).empty());
  // Inside one compartment it is a merge like any other.
  EXPECT_EQ(Store().RecordMerge(Merge("p1", {"p2"})).value(), 1);
}

TEST_P(LinkStoreConformanceTest, AnEntityIsMergedByAtMostOneMergeInForce) {
  ASSERT_TRUE(Store().AppendGraph(ThreePeopleAndAPhone()).has_value());
  ASSERT_TRUE(Store().RecordMerge(Merge("p1", {"p2"})).has_value());

  ExpectError(Store().RecordMerge(Merge("p3", {"p2"})), ErrorCode::kFailedPrecondition,
              "entity 'p2' is already merged into 'p1' (merge 1)");
  ExpectError(Store().RecordMerge(Merge("p2", {"p3"})), ErrorCode::kFailedPrecondition,
              "entity 'p2' is already merged into 'p1' (merge 1)");
  ExpectError(Store().RecordMerge(Merge("p3", {"p1"})), ErrorCode::kFailedPrecondition,
              "entity 'p1' keeps merge 1; undo that first or merge into 'p1'");
  EXPECT_EQ(AllMerges(Store()).size(), 1u);

  // More may join a group through its kept entity, and an undone merge frees its entities.
  Result<std::int64_t> more = Store().RecordMerge(Merge("p1", {"p3"}));
  ASSERT_TRUE(more.has_value()) << more.error().ToString();
  ASSERT_TRUE(Store().UndoMerge(1, "analyst1", "2026-12-01T12:00:00Z").has_value());
  EXPECT_FALSE(Store().RecordMerge(Merge("p2", {"ph1"})).has_value());
  Result<std::int64_t> again = Store().RecordMerge(Merge("p3", {"p2"}));
  ExpectError(again, ErrorCode::kFailedPrecondition,
              "entity 'p3' is already merged into 'p1' (merge 2)");
}

TEST_P(LinkStoreConformanceTest, UndoRefusesUnknownAndUndoneMergesAndAnonymousUndos) {
  ASSERT_TRUE(Store().AppendGraph(ThreePeopleAndAPhone()).has_value());
  ASSERT_TRUE(Store().RecordMerge(Merge("p1", {"p2"})).has_value());

  ExpectError(Store().UndoMerge(9, "analyst1", "2026-12-01T12:00:00Z"), ErrorCode::kNotFound,
              "no merge 9");
  ExpectError(Store().UndoMerge(0, "analyst1", "2026-12-01T12:00:00Z"), ErrorCode::kNotFound,
              "no merge 0");
  ExpectError(Store().UndoMerge(1, "", "2026-12-01T12:00:00Z"), ErrorCode::kInvalidArgument,
              "an undo records who made it and when");
  EXPECT_TRUE(AllMerges(Store()).at(0).InForce());
  ASSERT_TRUE(Store().UndoMerge(1, "analyst1", "2026-12-01T12:00:00Z").has_value());
  ExpectError(Store().UndoMerge(1, "analyst2", "2026-12-01T13:00:00Z"),
              ErrorCode::kFailedPrecondition, "merge 1 was already undone at 2026-12-01T12:00:00Z");
  EXPECT_EQ(AllMerges(Store()).at(0).undone_by, "analyst1");
}

}  // namespace ordo::storage::conformance
