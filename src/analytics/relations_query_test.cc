#include "analytics/relations_query.h"

#include <gtest/gtest.h>

#include "analytics/testing/test_registry.h"

namespace ordo::analytics {
namespace {

class RelationsQueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    storage::RegistryBatch batch;
    batch.countries = {testing::MakeCountry("AAA", "Early Month", "Europe", "Eastern Europe"),
                       testing::MakeCountry("BBB", "Bare Year"),
                       testing::MakeCountry("CCC", "Same Day"),
                       testing::MakeCountry("DDD", "Undated")};
    batch.relations = {testing::MakeRelation("AAA", "1992-01"), testing::MakeRelation("BBB", "1992"),
                       testing::MakeRelation("CCC", "1992-02-01"), testing::MakeRelation("DDD", "")};
    ASSERT_TRUE(store_.Write(batch).has_value());
    directory_ = std::make_unique<CountryDirectory>(std::move(batch.countries));
  }

  std::vector<std::pair<std::string, Certainty>> Find(const RelationsFilter& filter) {
    auto matches = FindRelations(store_, *directory_, filter);
    EXPECT_TRUE(matches.has_value());
    std::vector<std::pair<std::string, Certainty>> found;
    for (const RelationMatch& match : *matches) found.emplace_back(match.relation.iso3.str(), match.certainty);
    return found;
  }

  storage::MemoryStore store_;
  std::unique_ptr<CountryDirectory> directory_;
};

TEST_F(RelationsQueryTest, BeforeKeepsEarlierMonthsAndFlagsBareYearsAsUncertain) {
  RelationsFilter filter;
  filter.before = PartialDate::Parse("1992-02-01").value();

  auto found = Find(filter);

  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0], std::make_pair(std::string("AAA"), Certainty::kYes));
  EXPECT_EQ(found[1], std::make_pair(std::string("BBB"), Certainty::kUncertain));
  EXPECT_EQ(found[2], std::make_pair(std::string("DDD"), Certainty::kUncertain));
}

TEST_F(RelationsQueryTest, CertainOnlyDropsUncertainRows) {
  RelationsFilter filter;
  filter.before = PartialDate::Parse("1992-02-01").value();
  filter.certain_only = true;

  auto found = Find(filter);

  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].first, "AAA");
}

TEST_F(RelationsQueryTest, AfterAPartialDateStartsAfterItsLastDay) {
  RelationsFilter filter;
  filter.after = PartialDate::Parse("1992-01").value();

  auto found = Find(filter);

  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0], std::make_pair(std::string("BBB"), Certainty::kUncertain));
  EXPECT_EQ(found[1], std::make_pair(std::string("CCC"), Certainty::kYes));
}

TEST_F(RelationsQueryTest, RegionMatchesRegionOrSubregionWithoutCase) {
  RelationsFilter europe;
  europe.region = "europe";
  RelationsFilter central_asia;
  central_asia.region = "Central Asia";

  EXPECT_EQ(Find(europe).size(), 1u);
  EXPECT_EQ(Find(central_asia).size(), 3u);
}

TEST_F(RelationsQueryTest, UnknownRegionIsAnErrorListingKnownRegions) {
  RelationsFilter filter;
  filter.region = "Atlantis";

  auto matches = FindRelations(store_, *directory_, filter);

  ASSERT_FALSE(matches.has_value());
  EXPECT_EQ(matches.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(matches.error().message().find("Central Asia"), std::string::npos);
}

}  // namespace
}  // namespace ordo::analytics
