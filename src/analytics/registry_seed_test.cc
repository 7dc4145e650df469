// Seeds a memory store from the real bundled data and checks the registry's headline answers
// against the data files (data/README.md).

#include "analytics/registry_seed.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "analytics/country_profile.h"
#include "analytics/registry_view.h"
#include "analytics/relations_query.h"
#include "analytics/testing/test_registry.h"
#include "analytics/un_coverage.h"

namespace ordo::analytics {
namespace {

class BundledDataTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { store_ = testing::SeededStore().release(); }
  static void TearDownTestSuite() {
    delete store_;
    store_ = nullptr;
  }
  static CountryDirectory Directory() { return LoadCountryDirectory(*store_).value(); }

  static storage::MemoryStore* store_;
};

storage::MemoryStore* BundledDataTest::store_ = nullptr;

TEST_F(BundledDataTest, EveryFileIsLoadedRowForRow) {
  auto counts = store_->Counts();

  ASSERT_TRUE(counts.has_value());
  EXPECT_EQ(counts->countries, 249u);
  EXPECT_EQ(counts->relations, 185u);
  EXPECT_EQ(counts->missing_relations, 12u);
  EXPECT_EQ(counts->memberships, 24u);
  EXPECT_EQ(counts->trade_bloc_members, 35u);
  EXPECT_EQ(counts->trade_flows, 74u);
  EXPECT_EQ(counts->drug_facts, 82u);
  EXPECT_EQ(counts->places, 12u);
}

TEST_F(BundledDataTest, EveryCountryHasRussianAndKyrgyzNames) {
  auto reference = BuildReferenceCountries(testing::RealReferenceSources());

  ASSERT_TRUE(reference.has_value());
  EXPECT_TRUE(reference->problems.empty());
  EXPECT_EQ(reference->name_gaps, std::vector<std::string>{})
      << "add the missing names, with a source, to data/reference/country_name_overrides.csv";
}

TEST_F(BundledDataTest, TurkeyHasItsOverriddenNamesAndFormerName) {
  CountryDirectory directory = Directory();

  const Country* turkey = directory.Resolve("Turkey").value();

  EXPECT_EQ(turkey->iso3.str(), "TUR");
  EXPECT_EQ(turkey->name_ru, "Турция");
  EXPECT_EQ(turkey->name_ky, "Түркия");
  EXPECT_EQ(directory.Resolve("Kirghizia").value()->iso3.str(), "KGZ");
}

TEST_F(BundledDataTest, CatalogMistakeForTheDemocraticRepublicOfTheCongoIsCorrected) {
  CountryDirectory directory = Directory();

  const Country* congo_kinshasa = directory.Find(CountryCode::Parse("COD").value());
  const Country* congo_brazzaville = directory.Find(CountryCode::Parse("COG").value());

  EXPECT_EQ(congo_kinshasa->name_ky, "Конго-Киншаса");
  EXPECT_NE(congo_kinshasa->name_ky, congo_brazzaville->name_ky);
  EXPECT_NE(congo_kinshasa->name_ky_source.find("cldr"), std::string::npos);
}

TEST_F(BundledDataTest, EveryUnMemberHasAnM49Region) {
  const CountryDirectory directory = Directory();
  for (const Country& country : directory.countries()) {
    if (country.un_member) {
      EXPECT_FALSE(country.region.empty()) << country.iso3.str();
    }
  }
}

TEST_F(BundledDataTest, TurkeyTheUnitedStatesAndAustraliaHadRelationsByFebruary1992) {
  CountryDirectory directory = Directory();
  RelationsFilter filter;
  filter.before = PartialDate::Parse("1992-02-01").value();

  auto matches = FindRelations(*store_, directory, filter);

  ASSERT_TRUE(matches.has_value());
  for (const char* code : {"TUR", "USA", "AUS"}) {
    EXPECT_TRUE(std::any_of(matches->begin(), matches->end(), [&](const RelationMatch& match) {
      return match.relation.iso3.str() == code && match.certainty == Certainty::kYes;
    })) << code;
  }
}

TEST_F(BundledDataTest, CoverageAgreesWithTheMissingRelationsFile) {
  CountryDirectory directory = Directory();

  auto coverage = ComputeUnCoverage(*store_, directory);

  ASSERT_TRUE(coverage.has_value());
  EXPECT_EQ(coverage->un_members, 193u);
  EXPECT_EQ(coverage->with_relations.size(), 183u);
  EXPECT_EQ(coverage->without_relations.size(), 9u);
  EXPECT_EQ(coverage->non_members_with_relations.size(), 2u);
  EXPECT_EQ(coverage->inconsistencies, std::vector<std::string>{});
}

TEST_F(BundledDataTest, TurkeyProfileShowsThe2019TradeWithItsReporter) {
  CountryDirectory directory = Directory();

  auto profile = BuildCountryProfile(*store_, *directory.Resolve("TUR").value());

  ASSERT_TRUE(profile.has_value());
  ASSERT_TRUE(profile->relation.has_value());
  EXPECT_EQ(profile->relation->established->ToString(), "1992-01-29");
  EXPECT_TRUE(std::any_of(profile->trade.begin(), profile->trade.end(), [](const TradeFlow& flow) {
    return flow.year == 2019 && flow.direction == TradeDirection::kTotal &&
           flow.value_usd == 519000000 && flow.reporter == "Turkish MFA" && !flow.source_url.empty();
  }));
}

TEST_F(BundledDataTest, LowerBoundsKeepTheirMeaning) {
  auto flows = store_->ListTradeFlows();

  ASSERT_TRUE(flows.has_value());
  auto russia_2025 = std::find_if(flows->begin(), flows->end(), [](const TradeFlow& flow) {
    return flow.partner.str() == "RUS" && flow.year == 2025;
  });
  ASSERT_NE(russia_2025, flows->end());
  EXPECT_EQ(russia_2025->bound, ValueBound::kLowerBound);
}

TEST_F(BundledDataTest, KyrgyzstanBordersExactlyChinaKazakhstanTajikistanAndUzbekistan) {
  CountryDirectory directory = Directory();

  const Country* kyrgyzstan = directory.Resolve("KGZ").value();

  std::vector<std::string> neighbours;
  for (const CountryCode& code : kyrgyzstan->land_neighbours) neighbours.push_back(code.str());
  std::sort(neighbours.begin(), neighbours.end());
  EXPECT_EQ(neighbours, (std::vector<std::string>{"CHN", "KAZ", "TJK", "UZB"}));
}

TEST_F(BundledDataTest, EveryLandBorderIsListedFromBothSides) {
  auto countries = store_->ListCountries();
  ASSERT_TRUE(countries.has_value());

  std::set<std::pair<std::string, std::string>> borders;
  for (const Country& country : *countries) {
    for (const CountryCode& neighbour : country.land_neighbours) {
      borders.emplace(country.iso3.str(), neighbour.str());
    }
  }

  EXPECT_EQ(borders.size(), 640u);
  for (const auto& [country, neighbour] : borders) {
    EXPECT_EQ(borders.count({neighbour, country}), 1u) << country << " -> " << neighbour;
  }
}

TEST_F(BundledDataTest, WestBlocIsTheEuMemberStatesAndTheUnitedStates) {
  auto members = store_->ListTradeBlocMembers();
  ASSERT_TRUE(members.has_value());

  std::set<std::string> west;
  std::map<std::string, int> members_per_bloc;
  for (const TradeBlocMember& member : *members) {
    ++members_per_bloc[member.bloc_id];
    if (member.bloc_id == "west") west.insert(member.iso3.str());
  }

  EXPECT_EQ(west.size(), 28u);
  EXPECT_EQ(west.count("USA"), 1u);
  EXPECT_EQ(west.count("DEU"), 1u);
  EXPECT_EQ(west.count("GBR"), 0u);
  EXPECT_EQ(members_per_bloc, (std::map<std::string, int>{
                                  {"central_asia", 4}, {"china", 1}, {"russia", 1},
                                  {"turkey", 1}, {"west", 28}}));
}

TEST_F(BundledDataTest, CentralAsianBlocLeavesKyrgyzstanOut) {
  auto members = store_->ListTradeBlocMembers();
  ASSERT_TRUE(members.has_value());

  std::vector<std::string> central_asia;
  for (const TradeBlocMember& member : *members) {
    if (member.bloc_id == "central_asia") central_asia.push_back(member.iso3.str());
  }

  EXPECT_EQ(central_asia, (std::vector<std::string>{"KAZ", "TJK", "TKM", "UZB"}));
}

TEST_F(BundledDataTest, SeedingTwiceIsRefused) {
  auto again = SeedRegistry(*store_, testing::DataDir(), testing::RealReferenceSources());

  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code(), ErrorCode::kFailedPrecondition);
}

}  // namespace
}  // namespace ordo::analytics
