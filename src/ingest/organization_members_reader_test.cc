#include "ingest/registry_readers.h"

#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/internal/test_support.h"

namespace ordo::ingest {
namespace {

using ::testing::ElementsAre;

constexpr char kHeader[] = "org_acronym,iso3,role,source_url,notes\n";

ReadOutcome<OrganizationMember> Read(const std::string& text) {
  std::istringstream in(text);
  return ReadOrganizationMembers(in, "org.csv", internal::Known({"KAZ", "RUS"}));
}

TEST(OrganizationMembersReaderTest, ReadsMembersOfSeveralOrganizations) {
  const auto outcome =
      Read(std::string(kHeader) + "CSTO,RUS,member,https://odkb.org/a,\n" +
           "SCO,RUS,member,https://sco.org/a,\nSCO,KAZ,member,https://sco.org/a,\n");

  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome.rows.size(), 3u);
  EXPECT_EQ(outcome.rows[2].iso3.str(), "KAZ");
}

TEST(OrganizationMembersReaderTest, ReportsTheSameStateTwiceInOneOrganization) {
  const auto outcome = Read(std::string(kHeader) + "SCO,KAZ,member,https://sco.org/a,\n" +
                            "SCO,KAZ,observer,https://sco.org/a,\n");

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("org.csv:3:5: iso3: duplicate 'KAZ in SCO' (first on line 2)"));
}

}  // namespace
}  // namespace ordo::ingest
