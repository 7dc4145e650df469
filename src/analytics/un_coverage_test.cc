#include "analytics/un_coverage.h"

#include <gtest/gtest.h>

#include "analytics/testing/test_registry.h"

namespace ordo::analytics {
namespace {

TEST(UnCoverageTest, SplitsMembersByRelationAndFlagsUnlistedGaps) {
  storage::MemoryStore store;
  storage::RegistryBatch batch;
  Country holy_see = testing::MakeCountry("VAT", "Holy See", "Europe", "Southern Europe");
  holy_see.un_member = false;
  batch.countries = {testing::MakeCountry("KGZ", "Kyrgyzstan"), testing::MakeCountry("AAA", "Related"),
                     testing::MakeCountry("BBB", "Listed gap"), testing::MakeCountry("CCC", "Silent gap"),
                     holy_see};
  batch.relations = {testing::MakeRelation("AAA", "1992"), testing::MakeRelation("VAT", "1992-08-27")};
  MissingRelation listed;
  listed.iso3 = CountryCode::Parse("BBB").value();
  listed.status = "no relations in table";
  listed.source_url = "https://example.org";
  batch.missing_relations = {listed};
  ASSERT_TRUE(store.Write(batch).has_value());
  CountryDirectory directory(batch.countries);

  auto coverage = ComputeUnCoverage(store, directory);

  ASSERT_TRUE(coverage.has_value());
  EXPECT_EQ(coverage->un_members, 4u);
  ASSERT_EQ(coverage->with_relations.size(), 1u);
  ASSERT_EQ(coverage->without_relations.size(), 2u);
  EXPECT_TRUE(coverage->without_relations[0].listed.has_value());
  EXPECT_FALSE(coverage->without_relations[1].listed.has_value());
  ASSERT_EQ(coverage->non_members_with_relations.size(), 1u);
  EXPECT_EQ(coverage->non_members_with_relations[0]->iso3.str(), "VAT");
  ASSERT_EQ(coverage->inconsistencies.size(), 1u);
  EXPECT_NE(coverage->inconsistencies[0].find("CCC"), std::string::npos);
}

}  // namespace
}  // namespace ordo::analytics
