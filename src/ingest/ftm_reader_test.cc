#include "ingest/ftm_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "ingest/internal/test_support.h"

namespace ordo::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

struct Read {
  std::vector<FtmEntity> entities;
  std::vector<std::string> problems;
};

Read ReadText(const std::string& text, FtmReadOptions options = {}) {
  std::istringstream in(text);
  Read read;
  read.problems = internal::ProblemTexts(ReadFtmEntities(
      in, "e.ftm", options, [&read](FtmEntity&& entity) { read.entities.push_back(entity); }));
  return read;
}

TEST(FtmReaderTest, ReadsEntitiesWithTheirPropertiesInFileOrder) {
  const Read read = ReadText(
      "{\"id\":\"p1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Садыров\",\"Sadyrov\"],"
      "\"birthDate\":[\"1970\"]},\"datasets\":[\"case-7\"]}\n"
      "\n"
      "{\"id\":\"c1\",\"schema\":\"Company\",\"properties\":{}}\r\n"
      "{\"id\":\"o1\",\"schema\":\"Ownership\",\"properties\":{\"owner\":[\"p1\"],"
      "\"asset\":[\"c1\"],\"startDate\":[\"2019-05\"]}}\n");

  EXPECT_THAT(read.problems, IsEmpty());
  ASSERT_EQ(read.entities.size(), 3u);
  EXPECT_EQ(read.entities[0].id, "p1");
  EXPECT_EQ(read.entities[0].schema, "Person");
  EXPECT_EQ(read.entities[0].line, 1);
  ASSERT_EQ(read.entities[0].properties.size(), 2u);
  EXPECT_EQ(read.entities[0].properties[0].first, "name");
  EXPECT_THAT(read.entities[0].Values("name"), ElementsAre("Садыров", "Sadyrov"));
  EXPECT_EQ(read.entities[1].line, 3);
  EXPECT_THAT(read.entities[2].Values("owner"), ElementsAre("p1"));
  EXPECT_THAT(read.entities[2].Values("phone"), IsEmpty());
}

TEST(FtmReaderTest, LinkSchemataNameTheirEnds) {
  ASSERT_TRUE(FtmEdgeRolesOf("Ownership").has_value());
  EXPECT_EQ(FtmEdgeRolesOf("Ownership")->source, "owner");
  EXPECT_EQ(FtmEdgeRolesOf("Ownership")->target, "asset");
  EXPECT_EQ(FtmEdgeRolesOf("Employment")->source, "employee");
  EXPECT_FALSE(FtmEdgeRolesOf("Family")->directed);
  EXPECT_FALSE(FtmEdgeRolesOf("Person").has_value());
  EXPECT_EQ(FtmEdgeRolesOf("Trip")->source, "startLocation");
  EXPECT_EQ(FtmEdgeRolesOf("Call")->source_number, "callerNumber");
  EXPECT_EQ(FtmSupportedSchemata().size(), 15u);
}

TEST(FtmReaderTest, ReportsEachBadLineAtItsPlaceAndKeepsTheGoodOnes) {
  const Read read = ReadText(
      "{\"id\":\"a\",\"schema\":\"Person\"}\n"
      "{\"id\":\"b\",\"schema\":\"Person\",\n"
      "[1,2]\n"
      "{\"schema\":\"Person\"}\n"
      "{\"id\":\"\",\"schema\":\"Spaceship\"}\n"
      "{\"id\":\"c\",\"schema\":\"Person\",\"properties\":{\"name\":\"x\",\"alias\":[\"y\",3]}}\n"
      "{\"id\":\"d\",\"schema\":\"Ownership\",\"properties\":{\"owner\":[\"a\"]}}\n"
      "{\"id\":\"e\",\"schema\":\"Call\",\"properties\":{\"callerNumber\":[\"+996 555\"],"
      "\"receiver\":[\"a\"]}}\n"
      "{\"id\":\"a\",\"schema\":\"Company\"}\n");

  ASSERT_EQ(read.entities.size(), 2u);
  EXPECT_EQ(read.entities[0].id, "a");
  EXPECT_EQ(read.entities[1].id, "e");  // a Call may name its caller by number
  EXPECT_THAT(
      read.problems,
      ElementsAre(
          "e.ftm:2:29: not valid JSON: syntax error while parsing object key - unexpected end of "
          "input; expected string literal",
          "e.ftm:3:1: expected a JSON object (one FtM entity per line)", "e.ftm:4:1: id: missing",
          "e.ftm:5:1: id: must be a non-empty string",
          "e.ftm:5:1: schema: 'Spaceship' is not read by Ordo; supported: Person, Organization, "
          "Company, Vehicle, Address, Ownership, Directorship, Family, Associate, Payment, Call, "
          "Trip, Membership, Employment, UnknownLink",
          "e.ftm:6:1: properties.name: must be a list of strings",
          "e.ftm:6:1: properties.alias[1]: must be a string",
          "e.ftm:7:1: properties.asset: missing; a Ownership names its owner and its asset",
          "e.ftm:9:1: id: 'a' repeats the entity of line 1"));
}

TEST(FtmReaderTest, AnOverlongLineIsReportedAndSkippedWithoutKeepingIt) {
  FtmReadOptions options;
  options.max_line_bytes = 64;
  const std::string huge = "{\"id\":\"x\",\"schema\":\"Person\",\"properties\":{\"name\":[\"" +
                           std::string(10000, 'a') + "\"]}}";

  const Read read = ReadText(huge + "\n{\"id\":\"y\",\"schema\":\"Person\"}\n", options);

  EXPECT_THAT(read.problems, ElementsAre("e.ftm:1:1: line longer than 64 bytes; an FtM entity "
                                         "takes one line, so this is not an entity stream"));
  ASSERT_EQ(read.entities.size(), 1u);
  EXPECT_EQ(read.entities[0].id, "y");
}

TEST(FtmReaderTest, DeepNestingIsRefusedBeforeParsing) {
  const std::string deep = "{\"id\":\"x\",\"schema\":\"Person\",\"a\":" + std::string(100000, '[') +
                           std::string(100000, ']') + "}";

  const Read read = ReadText(deep + "\n");

  EXPECT_THAT(read.problems, ElementsAre("e.ftm:1:40: nested deeper than 8 levels"));
  EXPECT_THAT(read.entities, IsEmpty());
}

TEST(FtmReaderTest, BracketsInsideStringsDoNotCountAsNesting) {
  const Read read = ReadText(
      "{\"id\":\"x\\\"[[[[[[[[[[\",\"schema\":\"Person\",\"properties\":{\"notes\":[\""
      "{{{{{{{{{{{{\"]}}\n");

  EXPECT_THAT(read.problems, IsEmpty());
  ASSERT_EQ(read.entities.size(), 1u);
  EXPECT_EQ(read.entities[0].id, "x\"[[[[[[[[[[");
}

TEST(FtmReaderTest, InvalidUtf8IsAProblemAtItsCharacter) {
  const Read read = ReadText("{\"id\":\"é\xFF\",\"schema\":\"Person\"}\n");

  ASSERT_EQ(read.problems.size(), 1u);
  EXPECT_THAT(read.problems[0], ::testing::StartsWith("e.ftm:1:9: not valid JSON: "));
}

TEST(FtmReaderTest, StopsAfterTooManyProblems) {
  FtmReadOptions options;
  options.max_problems = 3;
  std::string text;
  for (int i = 0; i < 10; ++i) text += "nonsense\n";

  const Read read = ReadText(text, options);

  ASSERT_EQ(read.problems.size(), 4u);
  EXPECT_EQ(read.problems[3], "e.ftm:3: too many problems; stopped reading");
}

}  // namespace
}  // namespace ordo::ingest
