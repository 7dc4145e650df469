#include "analytics/link_graph.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <tuple>
#include <string>
#include <utility>
#include <vector>

#include "graph/neighbourhood.h"
#include "storage/memory/memory_link_store.h"

namespace ordo::analytics {
namespace {

Entity MadeUp(const std::string& id, EntityType type, const std::string& name) {
  Entity entity;
  entity.entity_id = id;
  entity.type = type;
  entity.name = name;
  entity.synthetic = true;
  return entity;
}

Link Between(const std::string& id, LinkType type, const std::string& from, const std::string& to) {
  Link link;
  link.link_id = id;
  link.type = type;
  link.from_entity = from;
  link.to_entity = to;
  link.synthetic = true;
  return link;
}

class LinkGraphTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Link dated = Between("l3", LinkType::kPayment, "c1", "p1");
    dated.start = PartialDate::Parse("2020-02").value();
    dated.end = PartialDate::Parse("2021").value();
    ASSERT_TRUE(store_
                    .AppendGraph({{MadeUp("p1", EntityType::kPerson, "Asan Sadyrov"),
                                   MadeUp("ph1", EntityType::kPhone, "+996555000001"),
                                   MadeUp("c1", EntityType::kOrganization, "Example LLC"),
                                   MadeUp("p2", EntityType::kPerson, "Twin"),
                                   MadeUp("p3", EntityType::kPerson, "twin")},
                                  // Added out of source order: edge ids must still find their link.
                                  {Between("l1", LinkType::kHolds, "p1", "ph1"),
                                   Between("l2", LinkType::kCall, "ph1", "p1"),
                                   Between("l4", LinkType::kCall, "p1", "p2"), dated,
                                   Between("l5", LinkType::kHolds, "p1", "ph1")}})
                    .has_value());
  }

  storage::MemoryLinkStore store_;
};

TEST_F(LinkGraphTest, NodesAndEdgesKeepTheirIdsTypesAndDates) {
  Result<LinkGraph> built = BuildLinkGraph(store_);

  ASSERT_TRUE(built.has_value()) << built.error().ToString();
  const LinkGraph& links = *built;
  ASSERT_EQ(links.graph.NodeCount(), 5u);
  ASSERT_EQ(links.graph.EdgeCount(), 5u);
  EXPECT_EQ(links.entity_ids[2], "c1");
  EXPECT_EQ(links.TypeOf(1), EntityType::kPhone);
  EXPECT_TRUE(links.synthetic[1]);
  std::vector<std::string> seen;
  for (graph::EdgeId edge = 0; edge < links.graph.EdgeCount(); ++edge) {
    const std::string& id = links.link_ids[edge];
    seen.push_back(id);
    const std::string from = links.entity_ids[links.graph.Source(edge)];
    const std::string to = links.entity_ids[links.graph.Target(edge)];
    if (id == "l1" || id == "l5") {
      EXPECT_EQ(from + ">" + to, "p1>ph1");
      EXPECT_EQ(links.LinkTypeOf(edge), LinkType::kHolds);
    } else if (id == "l2") {
      EXPECT_EQ(from + ">" + to, "ph1>p1");
    } else if (id == "l3") {
      EXPECT_EQ(from + ">" + to, "c1>p1");
      EXPECT_EQ(links.graph.ValidFrom(edge), PartialDate::Parse("2020-02")->FirstDay());
      EXPECT_EQ(links.graph.ValidTo(edge), PartialDate::Parse("2021")->LastDay());
      EXPECT_EQ(links.link_starts[edge], PartialDate::Parse("2020-02").value());
      EXPECT_EQ(links.link_ends[edge], PartialDate::Parse("2021").value());
    } else {
      EXPECT_EQ(id, "l4");
      EXPECT_EQ(from + ">" + to, "p1>p2");
      EXPECT_EQ(links.graph.ValidTo(edge), graph::kOpenEnd);
      EXPECT_FALSE(links.link_starts[edge].has_value());
      EXPECT_FALSE(links.link_ends[edge].has_value());
    }
  }
  // Parallel edges p1 -> ph1 keep the order they were written in.
  EXPECT_LT(std::find(seen.begin(), seen.end(), "l1"), std::find(seen.begin(), seen.end(), "l5"));
}

TEST_F(LinkGraphTest, FindNodeTakesAnIdOrAUniqueName) {
  const LinkGraph links = BuildLinkGraph(store_).value();

  EXPECT_EQ(FindNode(links, "c1").value(), 2u);
  EXPECT_EQ(FindNode(links, "asan SADYROV").value(), 0u);
  EXPECT_EQ(FindNode(links, "nobody").error().message(), "no entity 'nobody'");
  EXPECT_EQ(FindNode(links, "TWIN").error().message(),
            "'TWIN' names 2 entities: p2, p3; give an id");
}


// The entity ids and link ids (with their ends as entity ids) of everything within `hops` of
// `text`, as sets, so graphs built from different stores or merges compare.
struct Expanded {
  std::set<std::string> entities;
  std::set<std::tuple<std::string, std::string, std::string>> links;  // id, from, to
  friend bool operator==(const Expanded&, const Expanded&) = default;
};

Expanded Expand(const LinkGraph& links, const std::string& text, std::size_t hops) {
  Expanded expanded;
  Result<graph::NodeId> seed = FindNode(links, text);
  EXPECT_TRUE(seed.has_value()) << seed.error().ToString();
  if (!seed) return expanded;
  graph::NeighbourhoodOptions options;
  options.hops = hops;
  options.limit = 1000;
  const graph::NodeId seeds[] = {*seed};
  Result<graph::Neighbourhood> found = graph::ExpandNeighbourhood(links.graph, seeds, options);
  EXPECT_TRUE(found.has_value());
  if (!found) return expanded;
  for (const graph::NeighbourhoodNode& node : found->nodes) {
    expanded.entities.insert(links.entity_ids[node.node]);
  }
  for (const graph::NeighbourhoodLink& link : found->links) {
    expanded.links.emplace(links.link_ids[link.edge], links.entity_ids[link.source],
                           links.entity_ids[link.target]);
  }
  return expanded;
}

storage::EntityMerge MergeOf(const std::string& kept, std::vector<std::string> merged) {
  storage::EntityMerge merge;
  merge.kept = kept;
  merge.merged = std::move(merged);
  merge.merged_by = "test";
  merge.merged_at = "2026-12-01T10:00:00Z";
  return merge;
}

TEST_F(LinkGraphTest, AMergedGroupIsOneNodeWithTheUnionOfItsLinks) {
  // p2 ("Twin") reaches p1 by l4; merging p2 and p3 into p1 puts all on one node.
  Result<LinkGraph> before = BuildLinkGraph(store_);
  ASSERT_TRUE(before.has_value());
  ASSERT_TRUE(store_.RecordMerge(MergeOf("p1", {"p3", "p2"})).has_value());

  Result<LinkGraph> built = BuildLinkGraph(store_);

  ASSERT_TRUE(built.has_value()) << built.error().ToString();
  const LinkGraph& links = *built;
  EXPECT_EQ(links.graph.NodeCount(), 3u);
  EXPECT_EQ(links.graph.EdgeCount(), 5u);  // no link is lost; l4 is now a self-loop on p1
  const graph::NodeId p1 = FindNode(links, "p1").value();
  EXPECT_EQ(FindNode(links, "p2").value(), p1);
  EXPECT_EQ(FindNode(links, "p3").value(), p1);
  EXPECT_EQ(EntityIdsOf(links, p1), (std::vector<std::string>{"p1", "p3", "p2"}));
  EXPECT_EQ(EntityIdsOf(links, FindNode(links, "ph1").value()),
            (std::vector<std::string>{"ph1"}));
  // Expanding any id of the group shows the union of what its members reached.
  const Expanded from_p2 = Expand(links, "p2", 1);
  EXPECT_EQ(from_p2, Expand(links, "p1", 1));
  EXPECT_EQ(from_p2.entities, (std::set<std::string>{"p1", "ph1", "c1"}));
  EXPECT_EQ(from_p2.links.count({"l4", "p1", "p1"}), 1u);
  // "twin" named two entities before; both are now read as p1, and the name is p1's.
  EXPECT_EQ(links.names[p1], "Asan Sadyrov");
}

TEST_F(LinkGraphTest, UndoingAMergeRestoresTheExactGraph) {
  Result<LinkGraph> before = BuildLinkGraph(store_);
  ASSERT_TRUE(before.has_value());
  Result<std::int64_t> merge = store_.RecordMerge(MergeOf("p2", {"p1"}));
  ASSERT_TRUE(merge.has_value());
  Result<LinkGraph> merged = BuildLinkGraph(store_);
  ASSERT_TRUE(merged.has_value());
  ASSERT_NE(merged->graph.NodeCount(), before->graph.NodeCount());

  ASSERT_TRUE(store_.UndoMerge(*merge, "test", "2026-12-01T11:00:00Z").has_value());
  Result<LinkGraph> after = BuildLinkGraph(store_);

  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->entity_ids, before->entity_ids);
  EXPECT_EQ(after->names, before->names);
  EXPECT_EQ(after->link_ids, before->link_ids);
  EXPECT_EQ(after->node_of, before->node_of);
  EXPECT_TRUE(after->merged_ids.empty());
  ASSERT_EQ(after->graph.EdgeCount(), before->graph.EdgeCount());
  for (graph::EdgeId edge = 0; edge < after->graph.EdgeCount(); ++edge) {
    EXPECT_EQ(after->graph.Source(edge), before->graph.Source(edge));
    EXPECT_EQ(after->graph.Target(edge), before->graph.Target(edge));
  }
  for (const std::string& id : before->entity_ids) {
    EXPECT_EQ(Expand(*after, id, 2), Expand(*before, id, 2)) << id;
  }
}

TEST_F(LinkGraphTest, ARefusedMergeChangesNothing) {
  Result<LinkGraph> before = BuildLinkGraph(store_);
  ASSERT_TRUE(before.has_value());
  ASSERT_TRUE(store_.RecordMerge(MergeOf("p1", {"p2"})).has_value());
  Result<LinkGraph> once = BuildLinkGraph(store_);
  ASSERT_TRUE(once.has_value());

  Result<std::int64_t> missing = store_.RecordMerge(MergeOf("p1", {"p3", "nobody"}));
  Result<std::int64_t> twice = store_.RecordMerge(MergeOf("p3", {"p2"}));

  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code(), ErrorCode::kNotFound);
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().code(), ErrorCode::kFailedPrecondition);
  Result<LinkGraph> after = BuildLinkGraph(store_);
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->entity_ids, once->entity_ids);
  EXPECT_EQ(after->node_of, once->node_of);
  EXPECT_EQ(after->link_ids, once->link_ids);
}

// Two compartments of made-up rows in one store: osh (a1 - a2, secret a2) and chuy (b1 - b2),
// with a merge across them that a reader of one compartment must not see.
class CompartmentGraphTest : public ::testing::Test {
 protected:
  static Entity In(const std::string& id, const std::string& compartment,
                   Marking marking = Marking::kUnmarked) {
    Entity entity = MadeUp(id, EntityType::kPerson, "person " + id);
    entity.compartment = compartment;
    entity.marking = marking;
    return entity;
  }
  static Link Joining(const std::string& id, const std::string& from, const std::string& to,
                      const std::string& compartment, Marking marking = Marking::kUnmarked) {
    Link link = Between(id, LinkType::kAssociate, from, to);
    link.compartment = compartment;
    link.marking = marking;
    return link;
  }
  void SetUp() override {
    ASSERT_TRUE(store_.AppendGraph(
        {{In("a1", "osh"), In("a2", "osh", Marking::kSecret), In("b1", "chuy"), In("b2", "chuy")},
         {Joining("la", "a1", "a2", "osh"),
          Joining("lb", "b1", "b2", "chuy", Marking::kOfficialUse)}}));
  }
  storage::MemoryLinkStore store_;
};

TEST_F(CompartmentGraphTest, AGraphHoldsOnlyTheVisibleRowsAndTheirHighestMarking) {
  Result<LinkGraph> osh = BuildLinkGraph(store_, Visibility::Only({"osh"}));
  Result<LinkGraph> chuy = BuildLinkGraph(store_, Visibility::Only({"chuy", "batken"}));
  Result<LinkGraph> none = BuildLinkGraph(store_, Visibility::Only({}));
  Result<LinkGraph> every = BuildLinkGraph(store_);

  ASSERT_TRUE(osh && chuy && none && every);
  EXPECT_EQ(osh->entity_ids, (std::vector<std::string>{"a1", "a2"}));
  EXPECT_EQ(osh->link_ids, std::vector<std::string>{"la"});
  EXPECT_EQ(chuy->entity_ids, (std::vector<std::string>{"b1", "b2"}));
  EXPECT_EQ(chuy->link_ids, std::vector<std::string>{"lb"});
  EXPECT_EQ(none->graph.NodeCount(), 0u);
  EXPECT_EQ(every->graph.NodeCount(), 4u);
  EXPECT_EQ(FindNode(*osh, "b1").error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(FindNode(*osh, "person b1").error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(HighestMarking(*osh), Marking::kSecret);
  EXPECT_EQ(HighestMarking(*chuy), Marking::kOfficialUse);
  EXPECT_EQ(HighestMarking(*none), Marking::kUnmarked);
  EXPECT_EQ(HighestMarking(*every), Marking::kSecret);
  const graph::NodeId a1 = FindNode(*osh, "a1").value();
  EXPECT_EQ(MarkingOf(*osh, {a1}, {}), Marking::kUnmarked);
  EXPECT_EQ(MarkingOf(*osh, {a1, FindNode(*osh, "a2").value()}, {}), Marking::kSecret);
  EXPECT_EQ(MarkingOf(*chuy, {}, {0}), Marking::kOfficialUse);
  EXPECT_EQ(osh->visibility, Visibility::Only({"osh"}));
}

// The store as a database written before stores refused merges across compartments may read: its
// merges plus `legacy`, one such merge.
class WithLegacyMerge final : public storage::LinkStore {
 public:
  WithLegacyMerge(storage::LinkStore& store, storage::EntityMerge legacy)
      : store_(store), legacy_(std::move(legacy)) {}
  Status AppendGraph(const storage::GraphBatch& batch) override {
    return store_.AppendGraph(batch);
  }
  Result<std::size_t> CountEntities() override { return store_.CountEntities(); }
  Result<std::size_t> CountLinks() override { return store_.CountLinks(); }
  Result<std::optional<Entity>> FindEntity(const std::string& id) override {
    return store_.FindEntity(id);
  }
  Result<std::optional<std::string>> FindCaseCompartment(const std::string& case_id) override {
    return store_.FindCaseCompartment(case_id);
  }
  Status ForEachEntity(const storage::EntityVisitor& visit) override {
    return store_.ForEachEntity(visit);
  }
  Status ForEachLink(const storage::LinkVisitor& visit) override {
    return store_.ForEachLink(visit);
  }
  Result<std::int64_t> RecordMerge(const storage::EntityMerge& merge) override {
    return store_.RecordMerge(merge);
  }
  Status UndoMerge(std::int64_t merge_id, const std::string& by, const std::string& at) override {
    return store_.UndoMerge(merge_id, by, at);
  }
  Status ForEachMerge(const storage::MergeVisitor& visit) override {
    ORDO_RETURN_IF_ERROR(store_.ForEachMerge(visit));
    return visit(legacy_);
  }

 private:
  storage::LinkStore& store_;
  storage::EntityMerge legacy_;
};

TEST_F(CompartmentGraphTest, AMergeAcrossCompartmentsJoinsOnlyForWhoSeesBoth) {
  // Stores refuse it now (merge_rules.h); one recorded before that must still not leak.
  EXPECT_FALSE(store_.RecordMerge(MergeOf("a1", {"b1"})));
  storage::EntityMerge legacy = MergeOf("a1", {"b1"});
  legacy.merge_id = 1;
  WithLegacyMerge old_store(store_, legacy);

  Result<LinkGraph> osh = BuildLinkGraph(old_store, Visibility::Only({"osh"}));
  Result<LinkGraph> chuy = BuildLinkGraph(old_store, Visibility::Only({"chuy"}));
  Result<LinkGraph> both = BuildLinkGraph(old_store, Visibility::Only({"chuy", "osh"}));

  ASSERT_TRUE(osh && chuy && both);
  EXPECT_EQ(osh->entity_ids, (std::vector<std::string>{"a1", "a2"}));
  EXPECT_TRUE(osh->merged_ids.empty());
  EXPECT_EQ(osh->node_of.count("b1"), 0u);
  EXPECT_EQ(chuy->entity_ids, (std::vector<std::string>{"b1", "b2"}));  // b1 stands alone
  EXPECT_TRUE(chuy->merged_ids.empty());
  EXPECT_EQ(both->graph.NodeCount(), 3u);
  EXPECT_EQ(FindNode(*both, "b1").value(), FindNode(*both, "a1").value());
}

}  // namespace
}  // namespace ordo::analytics
