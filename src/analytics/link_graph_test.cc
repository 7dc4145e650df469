#include "analytics/link_graph.h"

#include <gtest/gtest.h>

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
    } else {
      EXPECT_EQ(id, "l4");
      EXPECT_EQ(from + ">" + to, "p1>p2");
      EXPECT_EQ(links.graph.ValidTo(edge), graph::kOpenEnd);
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

}  // namespace
}  // namespace ordo::analytics
