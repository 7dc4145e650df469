// Conformance: Country::land_neighbours and trade bloc members round-trip in write order, and their
// uniqueness and reference rules fail the whole Write with the contract's code and message.

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "storage/conformance/registry_store_conformance.h"

namespace ordo::storage::conformance {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> Codes(const std::vector<CountryCode>& codes) {
  std::vector<std::string> texts;
  for (const CountryCode& code : codes) texts.push_back(code.str());
  return texts;
}

// KAZ with neighbours among the sample countries (one of them later in the same batch: UZB).
RegistryBatch KazakhstanWithNeighbours() {
  RegistryBatch batch;
  batch.countries = {SampleCountry("KAZ"), SampleCountry("UZB")};
  batch.countries[0].land_neighbours = {Code("UZB"), Code("KGZ"), Code("CHN")};
  return batch;
}

TEST_P(RegistryStoreConformanceTest, LandNeighboursRoundTripInWrittenOrder) {
  WriteOrFail(SampleBatch());
  WriteOrFail(KazakhstanWithNeighbours());

  Result<std::vector<Country>> countries = Store().ListCountries();

  ASSERT_TRUE(countries.has_value());
  ASSERT_EQ(countries->size(), 5u);
  EXPECT_THAT(Codes((*countries)[0].land_neighbours), IsEmpty());
  EXPECT_THAT(Codes((*countries)[1].land_neighbours), ElementsAre("CHN"));
  EXPECT_THAT(Codes((*countries)[3].land_neighbours), ElementsAre("UZB", "KGZ", "CHN"));
  EXPECT_THAT(Codes((*countries)[4].land_neighbours), IsEmpty());
}

TEST_P(RegistryStoreConformanceTest, OneSidedBorderIsKeptAsWritten) {
  RegistryBatch batch;
  batch.countries = {SampleCountry("LKA"), SampleCountry("IND")};
  batch.countries[0].land_neighbours = {Code("IND")};

  WriteOrFail(batch);

  EXPECT_EQ(Describe(ListAll()), Describe(batch));
}

TEST_P(RegistryStoreConformanceTest, UnknownLandNeighbourFailsAndWritesNothing) {
  WriteOrFail(SampleBatch());
  const std::string before = Snapshot();
  RegistryBatch batch = KazakhstanWithNeighbours();
  batch.countries[0].land_neighbours.push_back(Code("ATL"));

  Status written = Store().Write(batch);

  EXPECT_EQ(Outcome(written),
            "invalid_argument: land neighbour of KAZ refers to unknown country ATL");
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(RegistryStoreConformanceTest, LandNeighbourListedTwiceFailsAndWritesNothing) {
  WriteOrFail(SampleBatch());
  const std::string before = Snapshot();
  RegistryBatch batch = KazakhstanWithNeighbours();
  batch.countries[0].land_neighbours.push_back(Code("KGZ"));

  Status written = Store().Write(batch);

  EXPECT_EQ(Outcome(written), "already_exists: country KAZ lists land neighbour KGZ twice");
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(RegistryStoreConformanceTest, CountryListingItselfAsNeighbourFailsAndWritesNothing) {
  WriteOrFail(SampleBatch());
  const std::string before = Snapshot();
  RegistryBatch batch = KazakhstanWithNeighbours();
  batch.countries[1].land_neighbours = {Code("KAZ"), Code("UZB")};

  Status written = Store().Write(batch);

  EXPECT_EQ(Outcome(written), "invalid_argument: country UZB lists itself as a land neighbour");
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(RegistryStoreConformanceTest, DuplicateCountryIsReportedBeforeItsNeighbours) {
  WriteOrFail(SampleBatch());
  RegistryBatch batch = KazakhstanWithNeighbours();
  batch.countries[0].land_neighbours.push_back(Code("ATL"));
  batch.countries.push_back(SampleCountry("TUR"));

  Status written = Store().Write(batch);

  EXPECT_EQ(Outcome(written), "already_exists: country TUR already exists");
}

TEST_P(RegistryStoreConformanceTest, TradeBlocMembersListInWriteOrder) {
  WriteOrFail(SampleBatch());
  RegistryBatch more;
  more.trade_bloc_members = {SampleTradeBlocMember("west", "TUR"),
                             SampleTradeBlocMember("central_asia", "KGZ")};

  WriteOrFail(more);

  std::vector<TradeBlocMember> expected = SampleBatch().trade_bloc_members;
  expected.insert(expected.end(), more.trade_bloc_members.begin(), more.trade_bloc_members.end());
  EXPECT_EQ(Listed(Store().ListTradeBlocMembers()), DescribeAll(expected));
  EXPECT_EQ(Store().Counts()->trade_bloc_members, 4u);
}

TEST_P(RegistryStoreConformanceTest, DuplicateTradeBlocMemberFailsAndWritesNothing) {
  WriteOrFail(SampleBatch());
  const std::string before = Snapshot();
  RegistryBatch batch;
  TradeBlocMember duplicate = SampleTradeBlocMember("china", "CHN");
  duplicate.bloc_name = "another name";  // not part of the key
  batch.trade_bloc_members = {SampleTradeBlocMember("china", "KGZ"), duplicate};

  Status written = Store().Write(batch);

  EXPECT_EQ(Outcome(written), "already_exists: trade bloc china member CHN already exists");
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(RegistryStoreConformanceTest, UnknownCountryInTradeBlocMemberFailsAndWritesNothing) {
  WriteOrFail(SampleBatch());
  const std::string before = Snapshot();
  RegistryBatch batch;
  batch.trade_bloc_members = {SampleTradeBlocMember("west", "ATL")};

  Status written = Store().Write(batch);

  EXPECT_EQ(Outcome(written),
            "invalid_argument: trade bloc west member refers to unknown country ATL");
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(RegistryStoreConformanceTest, OneCountryMayBelongToSeveralBlocs) {
  WriteOrFail(SampleBatch());
  RegistryBatch batch;
  batch.trade_bloc_members = {SampleTradeBlocMember("west", "CHN"),
                              SampleTradeBlocMember("central_asia", "CHN")};

  Status written = Store().Write(batch);

  EXPECT_EQ(Outcome(written), "ok");
}

}  // namespace
}  // namespace ordo::storage::conformance
