#include "ingest/registry_readers.h"

#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/internal/test_support.h"

namespace ordo::ingest {
namespace {

using ::testing::ElementsAre;

constexpr char kHeader[] = "org_acronym,org_name,date_joined,role,source_url,notes\n";

ReadOutcome<Membership> Read(const std::string& text) {
  std::istringstream in(text);
  return ReadMemberships(in, "memberships.csv");
}

TEST(MembershipsReaderTest, ReadsDatedAndUndatedMemberships) {
  const auto outcome = Read(
      std::string(kHeader) +
      "CSTO,Collective Security Treaty Organization,2002-10-07,founding "
      "member,https://tass.com/a,\n" +
      "AIIB,Asian Infrastructure Investment Bank,,founding member,https://aiib.org/a,No date\n");

  ASSERT_TRUE(outcome.ok());
  ASSERT_EQ(outcome.rows.size(), 2u);
  EXPECT_EQ(outcome.rows[0].joined->ToString(), "2002-10-07");
  EXPECT_FALSE(outcome.rows[1].joined.has_value());
  EXPECT_EQ(outcome.rows[1].role, "founding member");
}

TEST(MembershipsReaderTest, ReportsDuplicateOrganization) {
  const auto outcome = Read(std::string(kHeader) +
                            "WTO,World Trade Organization,1998-12-20,member,"
                            "https://wto.org/a,\n" +
                            "UN,United Nations,1992-03-02,member,https://un.org/a,\n" +
                            "WTO,World Trade Organization,1998,member,https://wto.org/a,\n");

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("memberships.csv:4:1: org_acronym: duplicate 'WTO' (first on line 2)"));
}

}  // namespace
}  // namespace ordo::ingest
