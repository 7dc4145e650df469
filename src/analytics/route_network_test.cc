#include "analytics/route_network.h"

#include <gtest/gtest.h>

#include "analytics/testing/route_fixture.h"

namespace ordo::analytics {
namespace {

class RouteNetworkTest : public testing::RouteTest {
 protected:
  RouteNetwork Build(storage::SeizureFilter filter = {}) {
    Result<RouteNetwork> network = BuildRouteNetwork(seizures_, filter);
    EXPECT_TRUE(network.has_value()) << network.error().ToString();
    return network.has_value() ? *network : RouteNetwork{};
  }

  static const RouteEdge* Edge(const RouteNetwork& network, std::string_view from,
                               std::string_view to) {
    for (const RouteEdge& edge : network.edges) {
      if (network.nodes[edge.from].name == from && network.nodes[edge.to].name == to) return &edge;
    }
    return nullptr;
  }
};

TEST_F(RouteNetworkTest, LegsCarryTheSeizuresCasesAndKilogramsOfTheirRoutes) {
  ASSERT_TRUE(
      seizures_
          .AppendSeizures({Routed("S1", "2024-01-05", {"Khorog", "Osh", "Bishkek"}, 2, "C1"),
                           Routed("S2", "2024-01-05", {"Khorog", "Osh", "Bishkek"}, 3, "C1"),
                           Routed("S3", "2024-02-01", {"Batken", "Osh"}, 5)})
          .has_value());

  const RouteNetwork network = Build();

  EXPECT_EQ(network.rows_matched, 3u);
  EXPECT_EQ(network.rows_routed, 3u);
  EXPECT_DOUBLE_EQ(network.routed_kg, 10);
  ASSERT_EQ(network.nodes.size(), 4u);
  EXPECT_EQ(network.nodes[0].id, "place:Batken");  // sorted by id
  const RouteEdge* khorog_osh = Edge(network, "Khorog", "Osh");
  ASSERT_NE(khorog_osh, nullptr);
  EXPECT_EQ(khorog_osh->seizures, 2u);
  EXPECT_EQ(khorog_osh->cases, 1u);  // both in case C1
  EXPECT_DOUBLE_EQ(khorog_osh->kg, 5);
  EXPECT_DOUBLE_EQ(khorog_osh->seizure_share, 2.0 / 3.0);
  const RouteEdge* batken_osh = Edge(network, "Batken", "Osh");
  ASSERT_NE(batken_osh, nullptr);
  EXPECT_EQ(batken_osh->cases, 1u);
  EXPECT_EQ(network.edges.front().seizures, 2u);  // busiest first
  const RouteNode& osh = network.nodes[*network.FindNode("Osh")];
  EXPECT_EQ(osh.seizures, 3u);
  EXPECT_DOUBLE_EQ(osh.kg, 10);
  // Osh lies on Khorog->Bishkek and Batken->Bishkek: the only chokepoint.
  ASSERT_EQ(network.chokepoints.size(), 1u);
  EXPECT_EQ(network.nodes[network.chokepoints[0]].name, "Osh");
  EXPECT_DOUBLE_EQ(osh.betweenness, 2);
  ASSERT_EQ(network.paths.size(), 2u);
  EXPECT_EQ(network.paths[0].seizures, 2u);
}

TEST_F(RouteNetworkTest, WithoutPlacesTheCountriesMakeTheRoute) {
  Seizure by_country = Routed("S1", "2024-01-05", {}, 1);
  by_country.departure = CountryCode::Parse("TJK").value();
  by_country.transit = {CountryCode::Parse("KGZ").value(), CountryCode::Parse("KAZ").value()};
  by_country.destination = CountryCode::Parse("RUS").value();
  Seizure unrouted = Routed("S2", "2024-01-05", {}, 1);
  unrouted.destination = CountryCode::Parse("RUS").value();
  ASSERT_TRUE(seizures_.AppendSeizures({by_country, unrouted}).has_value());

  const RouteNetwork network = Build();

  EXPECT_EQ(network.rows_routed, 1u);
  EXPECT_EQ(network.rows_without_route, 1u);
  ASSERT_EQ(network.edges.size(), 3u);
  EXPECT_NE(Edge(network, "TJK", "KGZ"), nullptr);
  EXPECT_NE(Edge(network, "KGZ", "KAZ"), nullptr);
  EXPECT_NE(Edge(network, "KAZ", "RUS"), nullptr);
  EXPECT_EQ(network.nodes[*network.FindNode("country:KGZ")].kind, RouteNodeKind::kCountry);
}

TEST_F(RouteNetworkTest, PlacesTakeTheMeanPositionOfTheirSeizures) {
  Seizure first = Routed("S1", "2024-01-05", {"Osh", "Bishkek"}, 1);
  first.place = "Osh";
  first.lat = 40.0;
  first.lon = 72.0;
  Seizure second = Routed("S2", "2024-01-05", {"Osh", "Bishkek"}, 1);
  second.place = "Osh";
  second.lat = 41.0;
  second.lon = 73.0;
  ASSERT_TRUE(seizures_.AppendSeizures({first, second}).has_value());

  const RouteNetwork network = Build();

  const RouteNode& osh = network.nodes[*network.FindNode("Osh")];
  EXPECT_DOUBLE_EQ(*osh.lat, 40.5);
  EXPECT_DOUBLE_EQ(*osh.lon, 72.5);
  EXPECT_FALSE(network.nodes[*network.FindNode("Bishkek")].lat.has_value());
}

TEST_F(RouteNetworkTest, RealAndSyntheticRecordsAreNeverMixed) {
  Seizure synthetic = Routed("S2", "2024-01-05", {"Osh", "Bishkek"}, 1);
  synthetic.synthetic = true;
  ASSERT_TRUE(
      seizures_.AppendSeizures({Routed("S1", "2024-01-05", {"Osh", "Bishkek"}, 1), synthetic})
          .has_value());

  Result<RouteNetwork> mixed = BuildRouteNetwork(seizures_, {});
  storage::SeizureFilter only_real;
  only_real.synthetic = false;

  ASSERT_FALSE(mixed.has_value());
  EXPECT_EQ(mixed.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(Build(only_real).rows_routed, 1u);
}

TEST_F(RouteNetworkTest, ComparisonFindsTheLegThatLostItsShare) {
  ASSERT_TRUE(seizures_
                  .AppendSeizures({Routed("A1", "2019-03-01", {"Khorog", "Osh"}, 1),
                                   Routed("A2", "2019-04-01", {"Khorog", "Osh"}, 1),
                                   Routed("A3", "2019-05-01", {"Batken", "Osh"}, 1),
                                   Routed("B1", "2021-03-01", {"Batken", "Osh"}, 1),
                                   Routed("B2", "2021-04-01", {"Batken", "Osh"}, 1),
                                   Routed("B3", "2021-05-01", {"Khorog", "Osh"}, 1),
                                   Routed("B4", "2021-06-01", {"Batken", "Osh"}, 1)})
                  .has_value());

  Result<RouteComparison> comparison = CompareRoutePeriods(
      seizures_, {}, ParsePeriod("2019").value(), ParsePeriod("2020..2021-12").value());

  ASSERT_TRUE(comparison.has_value()) << comparison.error().ToString();
  ASSERT_EQ(comparison->changes.size(), 2u);
  // Khorog->Osh: 2/3 -> 1/4; Batken->Osh: 1/3 -> 3/4. Equal size: ordered by ids.
  const RouteEdgeChange& first = comparison->changes[0];
  EXPECT_EQ(first.from_id, "place:Batken");
  EXPECT_NEAR(first.change, 0.75 - 1.0 / 3.0, 1e-12);
  EXPECT_EQ(first.first_seizures, 1u);
  EXPECT_EQ(first.second_seizures, 3u);
  EXPECT_NEAR(comparison->changes[1].change, 0.25 - 2.0 / 3.0, 1e-12);
}

TEST(PeriodTest, ParsesSingleDatesAndRanges) {
  Result<Period> year = ParsePeriod("2019");
  ASSERT_TRUE(year.has_value());
  EXPECT_EQ(year->from.ToString(), "2019");
  EXPECT_EQ(year->to.ToString(), "2019");
  Result<Period> range = ParsePeriod("2015-03..2019");
  ASSERT_TRUE(range.has_value());
  EXPECT_EQ(range->from.ToString(), "2015-03");
  EXPECT_EQ(range->to.ToString(), "2019");
}

TEST(PeriodTest, RejectsMalformedAndBackwardPeriods) {
  for (const char* text : {"", "2019..", "..2019", "2019-13", "2020..2019", "soon"}) {
    Result<Period> period = ParsePeriod(text);
    ASSERT_FALSE(period.has_value()) << text;
    EXPECT_EQ(period.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(period.error().message().find(std::string("'") + text + "'"), std::string::npos);
  }
}

}  // namespace
}  // namespace ordo::analytics
