// Conformance: what a store gives back is exactly what was written, in write order.

#include <cstdint>
#include <limits>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "storage/conformance/registry_store_conformance.h"

namespace ordo::storage::conformance {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST_P(RegistryStoreConformanceTest, NewStoreIsEmpty) {
  Result<RegistryCounts> counts = Store().Counts();

  ASSERT_TRUE(counts.has_value());
  EXPECT_EQ(Describe(*counts), Describe(RegistryCounts{}));
  EXPECT_THAT(Listed(Store().ListCountries()), IsEmpty());
  EXPECT_THAT(Listed(Store().ListTradeBlocMembers()), IsEmpty());
  EXPECT_THAT(Listed(Store().ListPlaces()), IsEmpty());
}

TEST_P(RegistryStoreConformanceTest, WriteThenListReturnsRowsInWriteOrder) {
  RegistryBatch batch = SampleBatch();

  WriteOrFail(batch);

  EXPECT_EQ(Listed(Store().ListCountries()), DescribeAll(batch.countries));
  EXPECT_EQ(Listed(Store().ListRelations()), DescribeAll(batch.relations));
  EXPECT_EQ(Listed(Store().ListMissingRelations()), DescribeAll(batch.missing_relations));
  EXPECT_EQ(Listed(Store().ListMemberships()), DescribeAll(batch.memberships));
  EXPECT_EQ(Listed(Store().ListOrganizationMembers()), DescribeAll(batch.organization_members));
  EXPECT_EQ(Listed(Store().ListTradeBlocMembers()), DescribeAll(batch.trade_bloc_members));
  EXPECT_EQ(Listed(Store().ListTradeFlows()), DescribeAll(batch.trade_flows));
  EXPECT_EQ(Listed(Store().ListDrugFacts()), DescribeAll(batch.drug_facts));
  EXPECT_EQ(Listed(Store().ListPlaces()), DescribeAll(batch.places));
}

TEST_P(RegistryStoreConformanceTest, LaterBatchRowsListAfterEarlierOnes) {
  RegistryBatch first;
  first.countries = {SampleCountry("UZB")};
  first.drug_facts = {SampleDrugFact("D009")};
  RegistryBatch second;
  second.countries = {SampleCountry("AFG")};
  second.drug_facts = {SampleDrugFact("D001")};

  WriteOrFail(first);
  WriteOrFail(second);

  EXPECT_EQ(Listed(Store().ListCountries()),
            DescribeAll(std::vector{first.countries[0], second.countries[0]}));
  EXPECT_EQ(Listed(Store().ListDrugFacts()),
            DescribeAll(std::vector{first.drug_facts[0], second.drug_facts[0]}));
}

TEST_P(RegistryStoreConformanceTest, CountryAliasesRoundTripInOrder) {
  RegistryBatch batch;
  batch.countries = {SampleCountry("TUR"), SampleCountry("KGZ")};
  batch.countries[0].aliases = {"Turkey", "Türkiye", "Anatolia"};
  batch.countries[1].aliases = {};

  WriteOrFail(batch);

  Result<std::vector<Country>> countries = Store().ListCountries();
  ASSERT_TRUE(countries.has_value());
  ASSERT_EQ(countries->size(), 2u);
  EXPECT_THAT((*countries)[0].aliases, ElementsAre("Turkey", "Türkiye", "Anatolia"));
  EXPECT_THAT((*countries)[1].aliases, IsEmpty());
}

TEST_P(RegistryStoreConformanceTest, PartialDatesRoundTripWithTheirPrecision) {
  RegistryBatch batch;
  batch.countries = {SampleCountry("TUR"), SampleCountry("CHN"), SampleCountry("KGZ")};
  batch.relations = {SampleRelation("TUR"), SampleRelation("CHN"), SampleRelation("KGZ")};
  batch.relations[0].established = Date("1992");
  batch.relations[1].established = Date("1992-01");
  batch.relations[2].established = Date("1992-01-05");

  WriteOrFail(batch);

  Result<std::vector<Relation>> relations = Store().ListRelations();
  ASSERT_TRUE(relations.has_value());
  ASSERT_EQ(relations->size(), 3u);
  EXPECT_EQ((*relations)[0].established->ToString(), "1992");
  EXPECT_EQ((*relations)[0].established->precision(), DatePrecision::kYear);
  EXPECT_EQ((*relations)[1].established->ToString(), "1992-01");
  EXPECT_EQ((*relations)[2].established->ToString(), "1992-01-05");
}

TEST_P(RegistryStoreConformanceTest, MissingOptionalValuesStayMissing) {
  RegistryBatch batch = SampleBatch();
  for (Relation& relation : batch.relations) {
    relation.established.reset();
    relation.table_rank.reset();
  }
  for (MissingRelation& missing : batch.missing_relations) {
    missing.as_of.reset();
    missing.later_established.reset();
  }
  for (Membership& membership : batch.memberships) membership.joined.reset();
  for (TradeFlow& flow : batch.trade_flows) flow.value_usd.reset();
  for (DrugFact& fact : batch.drug_facts) {
    fact.year.reset();
    fact.quantity.reset();
  }
  for (Place& place : batch.places) {
    place.lat.reset();
    place.lon.reset();
  }

  WriteOrFail(batch);

  EXPECT_EQ(Listed(Store().ListRelations()), DescribeAll(batch.relations));
  EXPECT_EQ(Listed(Store().ListMissingRelations()), DescribeAll(batch.missing_relations));
  EXPECT_EQ(Listed(Store().ListMemberships()), DescribeAll(batch.memberships));
  EXPECT_EQ(Listed(Store().ListTradeFlows()), DescribeAll(batch.trade_flows));
  EXPECT_EQ(Listed(Store().ListDrugFacts()), DescribeAll(batch.drug_facts));
  EXPECT_EQ(Listed(Store().ListPlaces()), DescribeAll(batch.places));
}

TEST_P(RegistryStoreConformanceTest, SourceUrlAndNotesRoundTrip) {
  const std::string url = "https://example.org/a?b=1&c=%20d#frag'\"";
  const std::string notes = "line one\nline \"two\"; 'quoted', tab\tend — Кыргызстан ң ө ү";
  RegistryBatch batch = SampleBatch();
  auto set_source_and_notes = [&](auto& rows) {
    for (auto& row : rows) {
      row.source_url = url;
      row.notes = notes;
    }
  };
  set_source_and_notes(batch.relations);
  set_source_and_notes(batch.missing_relations);
  set_source_and_notes(batch.memberships);
  set_source_and_notes(batch.organization_members);
  set_source_and_notes(batch.trade_bloc_members);
  set_source_and_notes(batch.trade_flows);
  set_source_and_notes(batch.drug_facts);
  set_source_and_notes(batch.places);

  WriteOrFail(batch);

  EXPECT_EQ(Describe(ListAll()), Describe(batch));
}

TEST_P(RegistryStoreConformanceTest, EveryFieldOfEveryRowKindRoundTrips) {
  RegistryBatch batch = SampleBatch();

  WriteOrFail(batch);

  EXPECT_EQ(Describe(ListAll()), Describe(batch));
}

TEST_P(RegistryStoreConformanceTest, NumbersRoundTripExactly) {
  RegistryBatch batch = SampleBatch();
  batch.trade_flows[0].value_usd = std::numeric_limits<std::int64_t>::max();
  batch.trade_flows[1].value_usd = std::int64_t{9'007'199'254'740'993};  // 2^53 + 1
  batch.drug_facts[0].quantity = 0.1 + 0.2;
  batch.drug_facts[1].quantity = 1e-300;
  batch.places[0].lat = -33.868820000000001;
  batch.places[0].lon = 151.20929;
  batch.relations[0].table_rank = 0;
  batch.drug_facts[0].year = -500;

  WriteOrFail(batch);

  EXPECT_EQ(Describe(ListAll()), Describe(batch));
}

TEST_P(RegistryStoreConformanceTest, TradeDirectionsAndBoundsRoundTrip) {
  RegistryBatch batch;
  batch.countries = {SampleCountry("RUS")};
  for (TradeDirection direction :
       {TradeDirection::kTotal, TradeDirection::kExport, TradeDirection::kImport}) {
    for (ValueBound bound : {ValueBound::kExact, ValueBound::kLowerBound}) {
      TradeFlow flow = SampleTradeFlow("RUS", 2020);
      flow.direction = direction;
      flow.bound = bound;
      flow.source_url += ValueBoundName(bound);
      batch.trade_flows.push_back(flow);
    }
  }

  WriteOrFail(batch);

  EXPECT_EQ(Listed(Store().ListTradeFlows()), DescribeAll(batch.trade_flows));
}

TEST_P(RegistryStoreConformanceTest, PlaceWithoutCountryIsKept) {
  RegistryBatch batch;
  batch.places = {SamplePlace("Fergana Valley", "")};

  WriteOrFail(batch);

  Result<std::vector<Place>> places = Store().ListPlaces();
  ASSERT_TRUE(places.has_value());
  ASSERT_EQ(places->size(), 1u);
  EXPECT_TRUE(places->front().country.empty());
}

TEST_P(RegistryStoreConformanceTest, EmptyTextStaysEmpty) {
  RegistryBatch batch;
  Country country;
  country.iso3 = Code("KGZ");
  batch.countries = {country};
  batch.drug_facts = {DrugFact{}};

  WriteOrFail(batch);

  EXPECT_EQ(Describe(ListAll()), Describe(batch));
}

TEST_P(RegistryStoreConformanceTest, CountsMatchWrittenRows) {
  RegistryBatch batch = SampleBatch();
  RegistryBatch more;
  more.countries = {SampleCountry("KAZ")};
  more.relations = {SampleRelation("KAZ")};
  RegistryCounts expected = CountsOf(batch);
  expected.countries += 1;
  expected.relations += 1;

  WriteOrFail(batch);
  WriteOrFail(more);

  Result<RegistryCounts> counts = Store().Counts();
  ASSERT_TRUE(counts.has_value());
  EXPECT_EQ(Describe(*counts), Describe(expected));
}

TEST_P(RegistryStoreConformanceTest, EmptyBatchChangesNothing) {
  WriteOrFail(SampleBatch());
  const std::string before = Snapshot();

  Status written = Store().Write(RegistryBatch{});

  EXPECT_TRUE(written.has_value());
  EXPECT_EQ(Snapshot(), before);
}

}  // namespace
}  // namespace ordo::storage::conformance
