#include "ingest/registry_readers.h"

#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/internal/test_support.h"

namespace ordo::ingest {
namespace {

using ::testing::ElementsAre;

constexpr char kHeader[] = "fact_id,topic,statement,year,quantity,unit,source_url,notes,place\n";

ReadOutcome<DrugFact> Read(const std::string& text) {
  std::istringstream in(text);
  return ReadDrugFacts(in, "facts.csv");
}

TEST(DrugFactsReaderTest, ReadsAFactWithAndWithoutQuantity) {
  const auto outcome =
      Read(std::string(kHeader) +
           "D001,cultivation,\"Limited cannabis, opium poppy.\",,,,http://f.com/a,,\n"
           "D002,seizures,Heroin seized.,2013,335.855,kg,https://k.kg/b,Jan-May,Osh\n");

  ASSERT_TRUE(outcome.ok());
  ASSERT_EQ(outcome.rows.size(), 2u);
  EXPECT_EQ(outcome.rows[0].statement, "Limited cannabis, opium poppy.");
  EXPECT_FALSE(outcome.rows[0].year.has_value());
  EXPECT_FALSE(outcome.rows[0].quantity.has_value());
  EXPECT_EQ(outcome.rows[1].year, 2013);
  EXPECT_DOUBLE_EQ(*outcome.rows[1].quantity, 335.855);
  EXPECT_EQ(outcome.rows[1].unit, "kg");
  EXPECT_EQ(outcome.rows[1].place, "Osh");
}

TEST(DrugFactsReaderTest, ReportsDuplicateFactId) {
  const auto outcome = Read(std::string(kHeader) + "D001,transit,A.,,,,http://f.com/a,,\n" +
                            "D001,transit,B.,,,,http://f.com/a,,\n");

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("facts.csv:3:1: fact_id: duplicate 'D001' (first on line 2)"));
  EXPECT_EQ(outcome.rows.size(), 1u);
}

TEST(DrugFactsReaderTest, ReportsNegativeQuantityAndUnitWithoutQuantity) {
  const auto outcome =
      Read(std::string(kHeader) + "D001,seizures,A.,2020,-1,kg,http://f.com/a,,\n" +
           "D002,seizures,B.,2020,,kg,http://f.com/a,,\n");

  EXPECT_THAT(internal::ProblemTexts(outcome.problems),
              ElementsAre("facts.csv:2:23: quantity: '-1' is negative; expected a non-negative "
                          "number",
                          "facts.csv:3:24: unit: 'kg' is given without a quantity"));
}

}  // namespace
}  // namespace ordo::ingest
