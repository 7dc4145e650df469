#include "ingest/registry_readers.h"

#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/internal/test_support.h"

namespace ordo::ingest {
namespace {

using ::testing::ElementsAre;

constexpr char kHeader[] =
    "country_name_en,iso3,status,as_of,basis,later_established_date,source_url,notes\n";

ReadOutcome<MissingRelation> Read(const std::string& text) {
  std::istringstream in(text);
  return ReadMissingRelations(in, "missing.csv", internal::Known({"AGO", "BRB"}));
}

TEST(MissingRelationsReaderTest, ReadsDerivedAndNamedRows) {
  const auto outcome =
      Read(std::string(kHeader) +
           "Barbados,BRB,no relations in table,2025-09-26,derived,,https://w.org/a,\n"
           "Angola,AGO,not yet,,named in source,2024-09-26,https://24.kg/a,\n");

  ASSERT_TRUE(outcome.ok());
  ASSERT_EQ(outcome.rows.size(), 2u);
  EXPECT_EQ(outcome.rows[0].as_of->ToString(), "2025-09-26");
  EXPECT_FALSE(outcome.rows[0].later_established.has_value());
  EXPECT_FALSE(outcome.rows[1].as_of.has_value());
  EXPECT_EQ(outcome.rows[1].later_established->ToString(), "2024-09-26");
  EXPECT_EQ(outcome.rows[1].basis, "named in source");
}

TEST(MissingRelationsReaderTest, ReportsMissingStatusAndBadLaterDate) {
  const auto outcome = Read(std::string(kHeader) + "Angola,AGO,,,named,2024-13,https://24.kg/a,\n");

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("missing.csv:2:12: status: missing value",
                          "missing.csv:2:20: later_established_date: invalid date '2024-13': month "
                          "must be between 01 and 12"));
}

TEST(MissingRelationsReaderTest, ReportsDuplicateIso3) {
  const auto outcome =
      Read(std::string(kHeader) + "Barbados,BRB,none,,derived,,https://w.org/a,\n" +
           "Barbados,BRB,none,,derived,,https://w.org/a,\n");

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("missing.csv:3:10: iso3: duplicate 'BRB' (first on line 2)"));
}

}  // namespace
}  // namespace ordo::ingest
