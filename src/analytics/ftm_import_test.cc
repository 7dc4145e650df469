#include "analytics/ftm_import.h"

#include <fstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "storage/memory/memory_link_store.h"

namespace ordo::analytics {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// Made-up case data: none of these people, phones or companies exist.
constexpr char kImportCase[] =
    R"({"id":"p1","schema":"Person","properties":{"name":["Asan Sadyrov"],"phone":["+996 (555) 12-34-56"],"passportNumber":["AN 123456"]}})"
    "\n"
    R"({"id":"p2","schema":"Person","properties":{"name":["Бакыт Осмонов"],"phone":["+996555123456"]}})"
    "\n"
    R"({"id":"c1","schema":"Company","properties":{"name":["Example Trans LLC"],"registrationNumber":["123-45"]}})"
    "\n"
    R"({"id":"o1","schema":"Ownership","properties":{"owner":["p1","p2"],"asset":["c1"],"percentage":["50"],"startDate":["2019-05-01T00:00:00"]}})"
    "\n"
    R"({"id":"k1","schema":"Call","properties":{"callerNumber":["+996 700 000 001"],"receiver":["p2"],"date":["2021-03"]}})"
    "\n";

class FtmImportTest : public ::testing::Test {
 protected:
  // Each test its own files: ctest runs the tests of this binary in parallel processes.
  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = ::testing::TempDir() + "/ftm_import_" +
                             ::testing::UnitTest::GetInstance()->current_test_info()->name() +
                             "_" + name + ".ftm";
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  Result<FtmImportOutcome> Import(const std::string& path) {
    FtmImportOptions options;
    options.source = "test fixture (made up)";
    options.case_id = "CASE-1";
    options.synthetic = true;
    return ImportFtmFile(store_, path, options);
  }

  std::vector<Link> Links() {
    std::vector<Link> links;
    EXPECT_TRUE(store_
                    .ForEachLink([&](const Link& link) {
                      links.push_back(link);
                      return OkStatus();
                    })
                    .has_value());
    return links;
  }

  storage::MemoryLinkStore store_;
};

TEST_F(FtmImportTest, NodesLinksAndSharedNodesAreWritten) {
  Result<FtmImportOutcome> outcome = Import(Write("case", kImportCase));

  ASSERT_TRUE(outcome.has_value()) << outcome.error().ToString();
  EXPECT_THAT(outcome->problems, IsEmpty());
  EXPECT_EQ(outcome->entities_written, 3u);
  // One phone node for both spellings of +996555123456, the caller's phone, the passport and the
  // company registration number.
  EXPECT_EQ(outcome->shared_nodes_written, 4u);
  EXPECT_EQ(store_.CountEntities().value(), 7u);

  std::optional<Entity> phone = store_.FindEntity("phone:+996555123456").value();
  ASSERT_TRUE(phone.has_value());
  EXPECT_EQ(phone->type, EntityType::kPhone);
  EXPECT_EQ(phone->schema, "");
  std::optional<Entity> company = store_.FindEntity("c1").value();
  ASSERT_TRUE(company.has_value());
  EXPECT_EQ(company->type, EntityType::kOrganization);
  EXPECT_EQ(company->schema, "Company");
  EXPECT_EQ(company->name, "Example Trans LLC");
  EXPECT_EQ(company->case_id, "CASE-1");
  EXPECT_TRUE(store_.FindEntity("registration:12345").value().has_value());

  std::vector<std::string> summary;
  for (const Link& link : Links()) {
    summary.push_back(link.link_id + " " + std::string(LinkTypeName(link.type)) + " " +
                      link.from_entity + "->" + link.to_entity);
  }
  EXPECT_THAT(summary, ElementsAre("p1~holds~phone:+996555123456 holds p1->phone:+996555123456",
                                   "p1~holds~passport:AN123456 holds p1->passport:AN123456",
                                   "p2~holds~phone:+996555123456 holds p2->phone:+996555123456",
                                   "c1~holds~registration:12345 holds c1->registration:12345",
                                   "o1 ownership p1->c1", "o1#2 ownership p2->c1",
                                   "k1 call phone:+996700000001->p2"));
  const Link ownership = Links()[4];
  EXPECT_EQ(ownership.schema, "Ownership");
  EXPECT_THAT(ownership.properties,
              ElementsAre(EntityProperty{"percentage", "50"},
                          EntityProperty{"startDate", "2019-05-01T00:00:00"}));
  ASSERT_TRUE(ownership.start.has_value());
  EXPECT_EQ(ownership.start->ToString(), "2019-05-01");
  EXPECT_EQ(Links()[6].start->ToString(), "2021-03");
}

TEST_F(FtmImportTest, ASecondFileReusesStoredSharedNodesAndNamesStoredEntities) {
  ASSERT_TRUE(Import(Write("first", kImportCase)).has_value());
  const std::string second = Write(
      "second",
      R"({"id":"p3","schema":"Person","properties":{"name":["X"],"phone":["+996-555-123-456"]}})"
      "\n"
      R"({"id":"a1","schema":"Associate","properties":{"person":["p3"],"associate":["p1"]}})"
      "\n");

  Result<FtmImportOutcome> outcome = Import(second);

  ASSERT_TRUE(outcome.has_value());
  EXPECT_THAT(outcome->problems, IsEmpty());
  EXPECT_EQ(outcome->shared_nodes_written, 0u);
  EXPECT_EQ(Links().back().link_id, "a1");
  EXPECT_FALSE(Links().back().directed);
  EXPECT_EQ(Links()[Links().size() - 2].to_entity, "phone:+996555123456");
}

TEST_F(FtmImportTest, ProblemsArePositionedAndNothingIsWritten) {
  ASSERT_TRUE(Import(Write("first", kImportCase)).has_value());
  const std::size_t before = store_.CountEntities().value();
  const std::string bad = Write(
      "bad",
      R"({"id":"p1","schema":"Person","properties":{"name":["again"]}})"
      "\n"
      R"({"id":"p9","schema":"Person","properties":{"name":["new"]}})"
      "\n"
      R"({"id":"d1","schema":"Directorship","properties":{"director":["p9"],"organization":["ghost"],"startDate":["May 2019"]}})"
      "\n"
      R"({"id":"u1","schema":"UnknownLink","properties":{"subject":["d1"],"object":["p9"]}})"
      "\n");

  Result<FtmImportOutcome> outcome = Import(bad);

  ASSERT_TRUE(outcome.has_value());
  std::vector<std::string> problems;
  for (const ingest::Diagnostic& problem : outcome->problems) problems.push_back(problem.ToString());
  EXPECT_THAT(problems,
              ElementsAre(bad + ":1:1: id: 'p1' is already in the database",
                          bad + ":3:1: properties.organization: 'ghost' is neither an entity of "
                                "this file nor one in the database",
                          bad + ":3:1: properties.startDate: 'May 2019' is not a date (YYYY, "
                                "YYYY-MM or YYYY-MM-DD)",
                          bad + ":4:1: properties.subject: 'd1' is a link, not an entity"));
  EXPECT_EQ(outcome->entities_written, 0u);
  EXPECT_EQ(store_.CountEntities().value(), before);
  EXPECT_FALSE(store_.FindEntity("p9").value().has_value());
}

TEST_F(FtmImportTest, SharedNodesCanBeSwitchedOff) {
  FtmImportOptions options;
  options.source = "test fixture (made up)";
  options.shared_nodes = false;

  Result<FtmImportOutcome> outcome = ImportFtmFile(store_, Write("plain", kImportCase), options);

  ASSERT_TRUE(outcome.has_value());
  // Only the caller's number remains a node: the call needs it as an end.
  EXPECT_EQ(outcome->shared_nodes_written, 1u);
  EXPECT_EQ(store_.CountLinks().value(), 3u);
}

TEST_F(FtmImportTest, AnImportNeedsItsSource) {
  Result<FtmImportOutcome> outcome = ImportFtmFile(store_, Write("nosource", kImportCase), {});

  ASSERT_FALSE(outcome.has_value());
  EXPECT_EQ(outcome.error().code(), ErrorCode::kInvalidArgument);
}

TEST_F(FtmImportTest, ACompartmentGetsItsOwnSharedNodesAndKeepsItsCases) {
  const std::string osh_file = Write("osh", kImportCase);
  // The same people under other ids, and the same phone, in another compartment.
  const std::string chuy_file = Write(
      "chuy",
      R"({"id":"q1","schema":"Person","properties":{"name":["Asan Sadyrov"],"phone":["+996555123456"]}})"
      "\n");
  FtmImportOptions osh;
  osh.source = "test fixture (made up)";
  osh.case_id = "CASE-1";
  osh.labels.compartment = "osh";
  osh.labels.marking = Marking::kSecret;
  FtmImportOptions chuy = osh;
  chuy.case_id = "CASE-2";
  chuy.labels.compartment = "chuy";
  chuy.labels.marking = Marking::kUnmarked;
  FtmImportOptions chuy_into_osh_case = chuy;
  chuy_into_osh_case.case_id = "CASE-1";
  FtmImportOptions held_elsewhere = chuy;
  held_elsewhere.case_id = "CASE-9";
  held_elsewhere.labels.other_stores.emplace_back(
      [](const std::string& case_id) -> Result<std::optional<std::string>> {
        if (case_id == "CASE-9") return std::optional<std::string>("batken");
        return std::optional<std::string>();
      });

  Result<FtmImportOutcome> first = ImportFtmFile(store_, osh_file, osh);
  Result<FtmImportOutcome> refused = ImportFtmFile(store_, chuy_file, chuy_into_osh_case);
  Result<FtmImportOutcome> refused_by_other = ImportFtmFile(store_, chuy_file, held_elsewhere);
  const std::size_t entities_before = store_.CountEntities().value();
  Result<FtmImportOutcome> second = ImportFtmFile(store_, chuy_file, chuy);

  ASSERT_TRUE(first && refused && refused_by_other && second);
  EXPECT_THAT(first->problems, IsEmpty());
  ASSERT_EQ(refused->problems.size(), 1u);
  EXPECT_EQ(refused->problems[0].ToString(),
            chuy_file + ": case 'CASE-1' is in compartment 'osh'; this import writes to "
                        "'chuy' (--compartment)");
  ASSERT_EQ(refused_by_other->problems.size(), 1u);
  EXPECT_NE(refused_by_other->problems[0].message.find("compartment 'batken'"), std::string::npos);
  EXPECT_EQ(entities_before, first->entities_written + first->shared_nodes_written);
  EXPECT_THAT(second->problems, IsEmpty());
  EXPECT_EQ(second->shared_nodes_written, 1u);  // not osh's node for the same number
  const auto osh_phone = store_.FindEntity("osh:phone:+996555123456").value();
  const auto chuy_phone = store_.FindEntity("chuy:phone:+996555123456").value();
  ASSERT_TRUE(osh_phone && chuy_phone);
  EXPECT_EQ(osh_phone->compartment, "osh");
  EXPECT_EQ(osh_phone->marking, Marking::kSecret);
  EXPECT_EQ(chuy_phone->compartment, "chuy");
  EXPECT_FALSE(store_.FindEntity("phone:+996555123456").value());
  for (const Link& link : Links()) {
    EXPECT_EQ(link.compartment, link.case_id == "CASE-1" ? "osh" : "chuy") << link.link_id;
  }
}

TEST_F(FtmImportTest, ABadCompartmentNameIsAnError) {
  FtmImportOptions options;
  options.source = "test fixture (made up)";
  options.labels.compartment = "Osh";
  Result<FtmImportOutcome> outcome = ImportFtmFile(store_, Write("bad", kImportCase), options);
  ASSERT_FALSE(outcome);
  EXPECT_EQ(outcome.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(store_.CountEntities().value(), 0u);
}

}  // namespace
}  // namespace ordo::analytics
