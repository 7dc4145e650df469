#include "analytics/graphml_import.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "analytics/gexf_export.h"
#include "analytics/graphml_export.h"
#include "storage/memory/memory_link_store.h"

namespace ordo::analytics {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// Made-up case data: none of these people, phones or companies exist.
storage::GraphBatch MadeUpCase() {
  storage::GraphBatch batch;
  Entity person;
  person.entity_id = "p1";
  person.type = EntityType::kPerson;
  person.name = "Асан Садыров & <Sadyrov>";
  person.schema = "Person";
  person.properties = {{"name", "Асан Садыров"}, {"name", "Sadyrov"}, {"note", "line\nbreak \"q\""}};
  person.case_id = "CASE-1";
  person.source = "test fixture (made up)";
  person.synthetic = true;
  Entity phone;
  phone.entity_id = "phone:+996555123456";
  phone.type = EntityType::kPhone;
  phone.name = "+996 555 123 456";
  phone.source = "test fixture (made up)";
  Entity company;
  company.entity_id = "c1";
  company.type = EntityType::kOrganization;
  company.name = "Example Trans LLC";
  company.schema = "Company";
  company.source = "test fixture (made up)";
  batch.entities = {person, phone, company};
  Link owns;
  owns.link_id = "o1";
  owns.type = LinkType::kOwnership;
  owns.from_entity = "p1";
  owns.to_entity = "c1";
  owns.schema = "Ownership";
  owns.properties = {{"percentage", "50"}};
  owns.start = PartialDate::Parse("2019-05").value();
  owns.end = PartialDate::Parse("2021").value();
  owns.source = "test fixture (made up)";
  owns.grade = "B2";
  owns.case_id = "CASE-1";
  owns.synthetic = true;
  Link holds;
  holds.link_id = "p1~holds~phone:+996555123456";
  holds.type = LinkType::kHolds;
  holds.from_entity = "p1";
  holds.to_entity = "phone:+996555123456";
  holds.source = "test fixture (made up)";
  Link family;
  family.link_id = "f1";
  family.type = LinkType::kFamily;
  family.from_entity = "p1";
  family.to_entity = "p1";  // a self-loop
  family.directed = false;
  family.source = "test fixture (made up)";
  batch.links = {owns, holds, family};
  return batch;
}

std::vector<Entity> Entities(storage::LinkStore& store) {
  std::vector<Entity> entities;
  EXPECT_TRUE(store.ForEachEntity([&](const Entity& entity) {
                     entities.push_back(entity);
                     return OkStatus();
                   }).has_value());
  return entities;
}

std::vector<Link> Links(storage::LinkStore& store) {
  std::vector<Link> links;
  EXPECT_TRUE(store.ForEachLink([&](const Link& link) {
                     links.push_back(link);
                     return OkStatus();
                   }).has_value());
  return links;
}

class GraphmlImportTest : public ::testing::Test {
 protected:
  // Each test its own files: ctest runs the tests of this binary in parallel processes.
  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = ::testing::TempDir() + "/graphml_import_" +
                             ::testing::UnitTest::GetInstance()->current_test_info()->name() +
                             "_" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  static std::string Export(storage::LinkStore& store) {
    std::ostringstream out;
    EXPECT_TRUE(ExportGraphml(store, out).has_value());
    return out.str();
  }

  static Result<GraphmlImportOutcome> Import(storage::LinkStore& store, const std::string& path) {
    GraphmlImportOptions options;
    options.source = "graphml test (made up)";
    return ImportGraphmlFile(store, path, options);
  }
};

TEST_F(GraphmlImportTest, OrdoToGraphmlToOrdoKeepsEveryEntityLinkAndProperty) {
  storage::MemoryLinkStore original;
  ASSERT_TRUE(original.AppendGraph(MadeUpCase()).has_value());
  const std::string graphml = Export(original);

  storage::MemoryLinkStore copy;
  auto outcome = Import(copy, Write("case.graphml", graphml));

  ASSERT_TRUE(outcome.has_value());
  EXPECT_THAT(outcome->problems, IsEmpty());
  EXPECT_EQ(outcome->entities_written, 3u);
  EXPECT_EQ(outcome->links_written, 3u);
  EXPECT_EQ(Entities(copy), Entities(original));
  EXPECT_EQ(Links(copy), Links(original));
  // And GraphML -> Ordo -> GraphML gives the same document back.
  EXPECT_EQ(Export(copy), graphml);
}

// As networkx's write_graphml writes: undirected, keys with defaults, no Ordo type, a weight.
constexpr char kForeign[] = R"(<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml">
  <key id="d0" for="node" attr.name="label" attr.type="string" />
  <key id="d1" for="node" attr.name="role" attr.type="string"><default>courier</default></key>
  <key id="d2" for="edge" attr.name="weight" attr.type="double" />
  <key id="d3" for="edge" attr.name="type" attr.type="string" />
  <key id="d4" for="node" yfiles.type="nodegraphics" />
  <graph edgedefault="undirected">
    <node id="a"><data key="d0">Made-up A</data></node>
    <node id="b"><data key="d1">organiser</data></node>
    <node id="c"><data key="d4"><y:ShapeNode><y:NodeLabel>Made-up C</y:NodeLabel></y:ShapeNode></data></node>
    <edge source="a" target="b"><data key="d2">2.5</data></edge>
    <edge source="b" target="c" directed="true"><data key="d3">Payment</data></edge>
    <edge source="c" target="c" />
  </graph>
</graphml>
)";

TEST_F(GraphmlImportTest, GraphmlFromOtherToolsGetsTheDocumentedDefaults) {
  storage::MemoryLinkStore store;
  auto outcome = Import(store, Write("foreign.graphml", kForeign));

  ASSERT_TRUE(outcome.has_value());
  EXPECT_THAT(outcome->problems, IsEmpty());
  const std::vector<Entity> entities = Entities(store);
  ASSERT_EQ(entities.size(), 3u);
  EXPECT_EQ(entities[0].type, EntityType::kPerson);
  EXPECT_EQ(entities[0].name, "Made-up A");
  EXPECT_THAT(entities[0].properties, ElementsAre(EntityProperty{"role", "courier"}));
  EXPECT_EQ(entities[0].source, "graphml test (made up)");
  EXPECT_EQ(entities[1].name, "b");
  EXPECT_THAT(entities[1].properties, ElementsAre(EntityProperty{"role", "organiser"}));
  EXPECT_EQ(entities[2].name, "Made-up C");
  const std::vector<Link> links = Links(store);
  ASSERT_EQ(links.size(), 3u);
  EXPECT_EQ(links[0].link_id,
            "graphml_import_GraphmlFromOtherToolsGetsTheDocumentedDefaults_foreign.graphml#e1");
  EXPECT_FALSE(links[0].directed);
  EXPECT_EQ(links[0].type, LinkType::kUnknown);
  EXPECT_THAT(links[0].properties, ElementsAre(EntityProperty{"weight", "2.5"}));
  EXPECT_TRUE(links[1].directed);
  EXPECT_EQ(links[1].type, LinkType::kPayment);
  EXPECT_EQ(links[2].from_entity, links[2].to_entity);

  // And on through Ordo's GraphML into another store: the same entities and links.
  storage::MemoryLinkStore copy;
  auto again = Import(copy, Write("again.graphml", Export(store)));
  ASSERT_TRUE(again.has_value());
  EXPECT_THAT(again->problems, IsEmpty());
  EXPECT_EQ(Entities(copy), entities);
  EXPECT_EQ(Links(copy), links);
}

TEST_F(GraphmlImportTest, ProblemsAreReportedAtTheirPlaceAndNothingIsWritten) {
  const std::string path = Write("bad.graphml", R"(<graphml>
  <key id="t" for="node" attr.name="type"/>
  <key id="s" for="edge" attr.name="start"/>
  <graph edgedefault="directed">
    <node id="a"><data key="t">spaceship</data></node>
    <node id="b"/>
    <node id="b"/>
    <edge source="a" target="nowhere"/>
    <edge source="a" target="b"><data key="s">2023-02-29</data></edge>
  </graph>
</graphml>
)");
  storage::MemoryLinkStore store;
  auto outcome = Import(store, path);

  ASSERT_TRUE(outcome.has_value());
  std::vector<std::string> problems;
  for (const ingest::Diagnostic& problem : outcome->problems) problems.push_back(problem.ToString());
  EXPECT_THAT(problems,
              ElementsAre(path + ":5:18: type: 'spaceship' is not an entity type; expected one "
                                 "of person, organization, phone, vehicle, address, account, "
                                 "place, email, identifier (or an FtM schema such as Company)",
                          path + ":7:5: node id 'b' repeats the node of line 6"));
  EXPECT_EQ(store.CountEntities().value(), 0u);
}

TEST_F(GraphmlImportTest, DanglingEdgesAndBadDatesAreReported) {
  const std::string path = Write("dangling.graphml", R"(<graphml>
  <key id="s" for="edge" attr.name="start"/>
  <graph edgedefault="directed">
    <node id="a"/>
    <edge source="a" target="nowhere"/>
    <edge id="x" source="a" target="a"><data key="s">2023-02-29</data></edge>
  </graph>
</graphml>
)");
  storage::MemoryLinkStore store;
  auto outcome = Import(store, path);

  ASSERT_TRUE(outcome.has_value());
  ASSERT_EQ(outcome->problems.size(), 2u);
  EXPECT_EQ(outcome->problems[0].ToString(),
            path + ":5:5: edge #1: target 'nowhere' is neither a node of this file nor an entity "
                   "in the database");
  EXPECT_EQ(outcome->problems[1].ToString(),
            path + ":6:40: start: '2023-02-29' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
  EXPECT_EQ(store.CountEntities().value(), 0u);
}

TEST_F(GraphmlImportTest, EntityDeclarationsAreRefusedBeforeAnyExpansion) {
  std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [\n<!ENTITY a \"ha\">\n";
  for (int i = 1; i < 10; ++i) {
    std::string value;
    for (int j = 0; j < 10; ++j) value += "&" + std::string(1, static_cast<char>('a' + i - 1)) + ";";
    laughs += "<!ENTITY " + std::string(1, static_cast<char>('a' + i)) + " \"" + value + "\">\n";
  }
  laughs += "]>\n<graphml><graph><node id=\"&j;\"/></graph></graphml>\n";
  storage::MemoryLinkStore store;
  auto outcome = Import(store, Write("laughs.graphml", laughs));

  ASSERT_TRUE(outcome.has_value());
  ASSERT_FALSE(outcome->problems.empty());
  EXPECT_THAT(outcome->problems[0].message, HasSubstr("entity declarations"));
  EXPECT_EQ(outcome->problems[0].line, 3);
}

TEST_F(GraphmlImportTest, DeepNestingIsRefusedAtItsDepth) {
  std::string deep = "<graphml><key id=\"k\"/><graph><node id=\"a\"><data key=\"k\">";
  for (int i = 0; i < 5000; ++i) deep += "<x>";
  storage::MemoryLinkStore store;
  auto outcome = Import(store, Write("deep.graphml", deep));

  ASSERT_TRUE(outcome.has_value());
  ASSERT_EQ(outcome->problems.size(), 1u);
  EXPECT_EQ(outcome->problems[0].message, "elements nested deeper than 32 levels");
}

TEST_F(GraphmlImportTest, ANodeAlreadyStoredIsReportedAndAnEdgeMayNameOne) {
  storage::MemoryLinkStore store;
  ASSERT_TRUE(store.AppendGraph(MadeUpCase()).has_value());
  auto again = Import(store, Write("again.graphml", R"(<graphml><graph>
<node id="c1"/>
</graph></graphml>)"));
  ASSERT_TRUE(again.has_value());
  ASSERT_EQ(again->problems.size(), 1u);
  EXPECT_EQ(again->problems[0].message, "node id 'c1' is already in the database");

  auto edge = Import(store, Write("edge.graphml", R"(<graphml><graph>
<node id="n"/><edge id="e" source="n" target="c1"/>
</graph></graphml>)"));
  ASSERT_TRUE(edge.has_value());
  EXPECT_THAT(edge->problems, IsEmpty());
  EXPECT_EQ(store.CountLinks().value(), 4u);
}

// A stream that fails after `limit` bytes, as a full disk would.
class FailingBuffer : public std::streambuf {
 public:
  explicit FailingBuffer(std::size_t limit) : limit_(limit) {}

 protected:
  int_type overflow(int_type c) override {
    if (written_ >= limit_) return traits_type::eof();
    ++written_;
    return c;
  }

 private:
  std::size_t limit_;
  std::size_t written_ = 0;
};

TEST_F(GraphmlImportTest, AFailedWriteIsAnErrorNotAShortExport) {
  storage::MemoryLinkStore store;
  ASSERT_TRUE(store.AppendGraph(MadeUpCase()).has_value());
  FailingBuffer graphml_buffer(2000);
  std::ostream graphml_out(&graphml_buffer);
  auto graphml = ExportGraphml(store, graphml_out);
  ASSERT_FALSE(graphml.has_value());
  EXPECT_EQ(graphml.error().code(), ErrorCode::kUnavailable);
  FailingBuffer gexf_buffer(2000);
  std::ostream gexf_out(&gexf_buffer);
  auto gexf = ExportGexf(store, gexf_out);
  ASSERT_FALSE(gexf.has_value());
  EXPECT_EQ(gexf.error().code(), ErrorCode::kUnavailable);
}

TEST_F(GraphmlImportTest, GexfGivesLinkDatesAsSpellsAndKeepsThemAsRecorded) {
  storage::MemoryLinkStore store;
  ASSERT_TRUE(store.AppendGraph(MadeUpCase()).has_value());
  std::ostringstream out;
  auto counts = ExportGexf(store, out);
  ASSERT_TRUE(counts.has_value());
  EXPECT_EQ(counts->entities, 3u);
  EXPECT_EQ(counts->links, 3u);
  const std::string gexf = out.str();
  EXPECT_THAT(gexf, HasSubstr("mode=\"dynamic\" timeformat=\"date\""));
  EXPECT_THAT(gexf, HasSubstr("<edge id=\"o1\" source=\"p1\" target=\"c1\" kind=\"ownership\" "
                              "label=\"ownership\" start=\"2019-05-01\" end=\"2021-12-31\">"));
  EXPECT_THAT(gexf, HasSubstr("<attvalue for=\"start_date\" value=\"2019-05\"/>"));
  EXPECT_THAT(gexf, HasSubstr("<attvalue for=\"directed\" value=\"false\"/>"));
  EXPECT_THAT(gexf, HasSubstr("label=\"Асан Садыров &amp; &lt;Sadyrov&gt;\""));
}

}  // namespace
}  // namespace ordo::analytics
