#include "analytics/link_csv_import.h"

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

// Made-up call records: none of these numbers or people exist.
constexpr char kCalls[] =
    "record,caller,caller_name,callee,kind,date,duration_s,tower,notes\n"
    "r1,+996555000001,Made-up A,+996555000002,call,2021-03-01,65,T-12,x\n"
    "r2,+996555000002,,+996555000003,,2021-03,10,,\n"
    "r3,+996555000001,,+996555000001,payment,2021,,,\n";

constexpr char kMapping[] = R"({
  "from": {"id": "caller", "name": "caller_name", "default_type": "phone"},
  "to": {"id": "callee", "default_type": "phone"},
  "link": {"id": "record", "type": "kind", "default_type": "call", "start": "date"},
  "properties": ["duration_s", "tower"],
  "ignore": ["notes"]
})";

class LinkCsvImportTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = ::testing::TempDir() + "/link_csv_" +
                             ::testing::UnitTest::GetInstance()->current_test_info()->name() +
                             "_" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  Result<LinkCsvImportOutcome> Import(const std::string& csv, const std::string& mapping) {
    LinkCsvImportOptions options;
    options.mapping_path = mapping;
    options.source = "test fixture (made up)";
    options.case_id = "CASE-2";
    options.synthetic = true;
    return ImportLinkCsvFile(store_, csv, options);
  }

  std::vector<std::string> Problems(const LinkCsvImportOutcome& outcome) {
    std::vector<std::string> problems;
    for (const ingest::Diagnostic& problem : outcome.problems) {
      problems.push_back(problem.ToString());
    }
    return problems;
  }

  storage::MemoryLinkStore store_;
};

TEST_F(LinkCsvImportTest, EachRowIsALinkBetweenEntitiesMadeOnce) {
  auto outcome = Import(Write("calls.csv", kCalls), Write("mapping.json", kMapping));

  ASSERT_TRUE(outcome.has_value());
  EXPECT_THAT(outcome->problems, IsEmpty());
  EXPECT_EQ(outcome->entities_written, 3u);
  EXPECT_EQ(outcome->links_written, 3u);
  auto first = store_.FindEntity("+996555000001").value();
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->type, EntityType::kPhone);
  EXPECT_EQ(first->name, "Made-up A");
  EXPECT_EQ(first->case_id, "CASE-2");
  EXPECT_TRUE(first->synthetic);
  std::vector<Link> links;
  ASSERT_TRUE(store_.ForEachLink([&](const Link& link) {
                      links.push_back(link);
                      return OkStatus();
                    }).has_value());
  ASSERT_EQ(links.size(), 3u);
  EXPECT_EQ(links[0].link_id, "r1");
  EXPECT_EQ(links[0].type, LinkType::kCall);
  EXPECT_EQ(links[0].start->ToString(), "2021-03-01");
  EXPECT_THAT(links[0].properties,
              ElementsAre(EntityProperty{"duration_s", "65"}, EntityProperty{"tower", "T-12"}));
  EXPECT_EQ(links[1].type, LinkType::kCall);  // the default for an empty kind
  EXPECT_EQ(links[2].type, LinkType::kPayment);
  EXPECT_EQ(links[2].from_entity, links[2].to_entity);
}

TEST_F(LinkCsvImportTest, MappingProblemsNameTheJsonField) {
  const std::string mapping = Write("mapping.json", R"({
  "from": {"id": "caller", "colour": "red"},
  "to": {"default_type": "spaceship"},
  "link": {"default_type": "call", "directed": "yes"}
})");
  auto outcome = Import(Write("calls.csv", kCalls), mapping);

  ASSERT_TRUE(outcome.has_value());
  EXPECT_THAT(Problems(*outcome),
              ElementsAre(mapping + ": from.colour: unknown field; expected id, name, type, "
                                    "default_type",
                          mapping + ": from.type: give the type column, a default_type or both",
                          mapping + ": to.id: give the id column, the name column or both",
                          mapping + ": to.default_type: must be an entity type: person, "
                                    "organization, phone, vehicle, address, account, place, "
                                    "email, identifier",
                          mapping + ": link.directed: must be true or false"));
  EXPECT_EQ(store_.CountEntities().value(), 0u);
}

TEST_F(LinkCsvImportTest, RowProblemsNameTheCellTheColumnAndTheMappingField) {
  const std::string csv = Write("calls.csv",
                                "record,caller,caller_name,callee,kind,date,duration_s,tower,extra\n"
                                "r1,+1,,+2,spaceship,2021-02-30,,,\n"
                                "r1,,,+2,call,,,,\n");
  auto outcome = Import(csv, Write("mapping.json", kMapping));

  ASSERT_TRUE(outcome.has_value());
  EXPECT_THAT(Problems(*outcome),
              ElementsAre(csv + ":1: ignore[0]: the mapping names column 'notes', which the "
                                "header does not have",
                          csv + ":1:61: column 'extra' is not in the mapping; list it under "
                                "\"properties\" to keep it or under \"ignore\""));

  const std::string rows = Write("rows.csv",
                                 "record,caller,caller_name,callee,kind,date,duration_s,tower,notes\n"
                                 "r1,+1,,+2,spaceship,2021-02-30,,,\n"
                                 "r1,,,+2,call,,,,\n");
  outcome = Import(rows, Write("mapping.json", kMapping));
  ASSERT_TRUE(outcome.has_value());
  EXPECT_THAT(Problems(*outcome),
              ElementsAre(rows + ":2:11: kind (link.type): 'spaceship' is not a link type; "
                                 "expected one of call, ownership, directorship, family, "
                                 "associate, travel, payment, membership, employment, "
                                 "seizure_involvement, holds, unknown",
                          rows + ":2:21: date (link.start): '2021-02-30' is not a date (YYYY, "
                                 "YYYY-MM or YYYY-MM-DD)",
                          rows + ":3:1: record (link.id): 'r1' repeats the link of line 2",
                          rows + ":3:4: caller (from.id): missing value"));
  EXPECT_EQ(store_.CountEntities().value(), 0u);
}

}  // namespace
}  // namespace ordo::analytics
