#include <map>
#include <set>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/internal/test_support.h"
#include "ingest/reference_readers.h"
#include "ingest/registry_readers.h"

namespace ordo::ingest {
namespace {

using ::testing::IsEmpty;

// The real files in data/ must read without a single problem; the counts are those of
// data/README.md.
class BundledDataTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto countries = ReadIsoCodesCountries(internal::IsoCodesJsonPath());
    ASSERT_TRUE(countries.ok());
    known_ = new KnownCountries(KnownCountriesOf(countries.rows));
  }
  static void TearDownTestSuite() {
    delete known_;
    known_ = nullptr;
  }

  static std::string Path(const std::string& name) { return internal::TestDataDir() + "/" + name; }
  static const KnownCountries& known() { return *known_; }

 private:
  static KnownCountries* known_;
};

KnownCountries* BundledDataTest::known_ = nullptr;

TEST_F(BundledDataTest, DiplomaticRelationsHave185Rows) {
  const auto outcome = ReadRelations(Path("diplomatic_relations.csv"), known());

  EXPECT_THAT(internal::ProblemTexts(outcome.problems), IsEmpty());
  EXPECT_EQ(outcome.rows.size(), 185u);
}

TEST_F(BundledDataTest, MissingRelationsHave12Rows) {
  const auto outcome = ReadMissingRelations(Path("diplomatic_relations_missing.csv"), known());

  EXPECT_THAT(internal::ProblemTexts(outcome.problems), IsEmpty());
  EXPECT_EQ(outcome.rows.size(), 12u);
}

TEST_F(BundledDataTest, MembershipsHave24Rows) {
  const auto outcome = ReadMemberships(Path("memberships.csv"));

  EXPECT_THAT(internal::ProblemTexts(outcome.problems), IsEmpty());
  EXPECT_EQ(outcome.rows.size(), 24u);
}

TEST_F(BundledDataTest, TradeHas74RowsWithTwoUnknownValuesAndThreeLowerBounds) {
  const auto outcome = ReadTradeFlows(Path("trade.csv"), known());

  EXPECT_THAT(internal::ProblemTexts(outcome.problems), IsEmpty());
  EXPECT_EQ(outcome.rows.size(), 74u);
  int unknown_values = 0;
  int lower_bounds = 0;
  for (const TradeFlow& flow : outcome.rows) {
    unknown_values += flow.value_usd.has_value() ? 0 : 1;
    lower_bounds += flow.bound == ValueBound::kLowerBound ? 1 : 0;
  }
  EXPECT_EQ(unknown_values, 2);
  EXPECT_EQ(lower_bounds, 3);
}

TEST_F(BundledDataTest, DrugFactsHave82Rows) {
  const auto outcome = ReadDrugFacts(Path("drug_facts.csv"));

  EXPECT_THAT(internal::ProblemTexts(outcome.problems), IsEmpty());
  EXPECT_EQ(outcome.rows.size(), 82u);
}

TEST_F(BundledDataTest, PlacesHave12RowsOf10WithCoordinates) {
  const auto outcome = ReadPlaces(Path("places.csv"), known());

  EXPECT_THAT(internal::ProblemTexts(outcome.problems), IsEmpty());
  EXPECT_EQ(outcome.rows.size(), 12u);
  int with_coordinates = 0;
  for (const Place& place : outcome.rows) with_coordinates += place.lat.has_value() ? 1 : 0;
  EXPECT_EQ(with_coordinates, 10);
}

TEST_F(BundledDataTest, LandBordersHave640RowsOf163Countries) {
  const auto outcome = ReadLandBorders(Path("reference/land_borders.csv"), known());

  EXPECT_THAT(internal::ProblemTexts(outcome.problems), IsEmpty());
  EXPECT_EQ(outcome.rows.size(), 640u);
  std::set<CountryCode> with_borders;
  for (const LandBorder& border : outcome.rows) with_borders.insert(border.iso3);
  EXPECT_EQ(with_borders.size(), 163u);
}

TEST_F(BundledDataTest, TradeBlocsHave35RowsInFiveBlocs) {
  const auto outcome = ReadTradeBlocs(Path("reference/trade_blocs.csv"), known());

  EXPECT_THAT(internal::ProblemTexts(outcome.problems), IsEmpty());
  EXPECT_EQ(outcome.rows.size(), 35u);
  std::map<std::string, int> members_per_bloc;
  for (const TradeBlocMember& member : outcome.rows) ++members_per_bloc[member.bloc_id];
  EXPECT_EQ(members_per_bloc, (std::map<std::string, int>{
                                  {"central_asia", 4}, {"china", 1}, {"russia", 1},
                                  {"turkey", 1}, {"west", 28}}));
}

}  // namespace
}  // namespace ordo::ingest
