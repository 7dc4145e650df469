// Conformance: uniqueness and country references fail the whole Write with the contract's code and
// a message naming the key, and a failed Write changes nothing.

#include <string>

#include <gtest/gtest.h>

#include "storage/conformance/registry_store_conformance.h"

namespace ordo::storage::conformance {
namespace {

// New, valid rows of every kind around the new country KAZ. A test adds one bad row after them,
// so a backend that wrote row by row would have written these before it hit the bad one.
RegistryBatch ValidNewRows() {
  RegistryBatch batch;
  batch.countries = {SampleCountry("KAZ")};
  batch.relations = {SampleRelation("KAZ")};
  batch.missing_relations = {SampleMissingRelation("KAZ")};
  batch.memberships = {SampleMembership("EAEU")};
  batch.organization_members = {SampleOrganizationMember("EAEU", "KAZ")};
  batch.trade_bloc_members = {SampleTradeBlocMember("central_asia", "KAZ")};
  batch.trade_flows = {SampleTradeFlow("KAZ", 2020)};
  batch.drug_facts = {SampleDrugFact("D100")};
  batch.places = {SamplePlace("Almaty", "KAZ")};
  return batch;
}

TEST_P(RegistryStoreConformanceTest, DuplicateCountryFailsAndWritesNothing) {
  WriteOrFail(SampleBatch());
  const std::string before = Snapshot();
  RegistryBatch batch = ValidNewRows();
  batch.countries.push_back(SampleCountry("TUR"));

  Status written = Store().Write(batch);

  EXPECT_EQ(Outcome(written), "already_exists: country TUR already exists");
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(RegistryStoreConformanceTest, DuplicateRelationFailsAndWritesNothing) {
  WriteOrFail(SampleBatch());
  const std::string before = Snapshot();
  RegistryBatch batch = ValidNewRows();
  batch.relations.push_back(SampleRelation("TUR"));

  Status written = Store().Write(batch);

  EXPECT_EQ(Outcome(written), "already_exists: relation for TUR already exists");
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(RegistryStoreConformanceTest, DuplicateRelationWithinOneBatchFailsAndWritesNothing) {
  WriteOrFail(SampleBatch());
  const std::string before = Snapshot();
  RegistryBatch batch = ValidNewRows();
  batch.relations.push_back(SampleRelation("KAZ"));

  Status written = Store().Write(batch);

  EXPECT_EQ(Outcome(written), "already_exists: relation for KAZ already exists");
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(RegistryStoreConformanceTest, DuplicateMissingRelationFailsAndWritesNothing) {
  WriteOrFail(SampleBatch());
  const std::string before = Snapshot();
  RegistryBatch batch = ValidNewRows();
  batch.missing_relations.push_back(SampleMissingRelation("KGZ"));

  Status written = Store().Write(batch);

  EXPECT_EQ(Outcome(written), "already_exists: missing relation for KGZ already exists");
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(RegistryStoreConformanceTest, DuplicateMembershipFailsAndWritesNothing) {
  WriteOrFail(SampleBatch());
  const std::string before = Snapshot();
  RegistryBatch batch = ValidNewRows();
  batch.memberships.push_back(SampleMembership("SCO"));

  Status written = Store().Write(batch);

  EXPECT_EQ(Outcome(written), "already_exists: membership of SCO already exists");
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(RegistryStoreConformanceTest, DuplicateOrganizationMemberFailsAndWritesNothing) {
  WriteOrFail(SampleBatch());
  const std::string before = Snapshot();
  RegistryBatch batch = ValidNewRows();
  batch.organization_members.push_back(SampleOrganizationMember("SCO", "CHN"));

  Status written = Store().Write(batch);

  EXPECT_EQ(Outcome(written), "already_exists: SCO member CHN already exists");
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(RegistryStoreConformanceTest, DuplicateTradeFlowFailsAndWritesNothing) {
  WriteOrFail(SampleBatch());
  const std::string before = Snapshot();
  RegistryBatch batch = ValidNewRows();
  TradeFlow duplicate = SampleTradeFlow("TUR", 2022);
  duplicate.value_usd = 1;  // not part of the key
  duplicate.notes = "a different note";
  batch.trade_flows.push_back(duplicate);

  Status written = Store().Write(batch);

  EXPECT_EQ(Outcome(written),
            "already_exists: trade flow for TUR 2022 export (Jan-Sep, reported by 'National "
            "Statistical Committee', https://stat.kg/trade/TUR/2022) already exists");
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(RegistryStoreConformanceTest, DuplicateDrugFactFailsAndWritesNothing) {
  WriteOrFail(SampleBatch());
  const std::string before = Snapshot();
  RegistryBatch batch = ValidNewRows();
  batch.drug_facts.push_back(SampleDrugFact("D001"));

  Status written = Store().Write(batch);

  EXPECT_EQ(Outcome(written), "already_exists: drug fact D001 already exists");
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(RegistryStoreConformanceTest, DuplicatePlaceFailsAndWritesNothing) {
  WriteOrFail(SampleBatch());
  const std::string before = Snapshot();
  RegistryBatch batch = ValidNewRows();
  batch.places.push_back(SamplePlace("Osh", "KGZ"));

  Status written = Store().Write(batch);

  EXPECT_EQ(Outcome(written), "already_exists: place 'Osh' already exists");
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(RegistryStoreConformanceTest, TradeFlowsDifferingInAnyKeyFieldAreAllKept) {
  WriteOrFail(SampleBatch());
  RegistryBatch batch;
  for (int field = 0; field < 5; ++field) {
    TradeFlow flow = SampleTradeFlow("TUR", 2022);
    if (field == 0) flow.year = 2023;
    if (field == 1) flow.direction = TradeDirection::kImport;
    if (field == 2) flow.period = "full year";
    if (field == 3) flow.reporter = "";
    if (field == 4) flow.source_url = "https://comtrade.un.org/";
    batch.trade_flows.push_back(flow);
  }

  Status written = Store().Write(batch);

  EXPECT_EQ(Outcome(written), "ok");
  EXPECT_EQ(Store().Counts()->trade_flows, SampleBatch().trade_flows.size() + 5);
}

TEST_P(RegistryStoreConformanceTest, OneCountryMayBelongToSeveralOrganizations) {
  WriteOrFail(SampleBatch());
  RegistryBatch batch;
  batch.organization_members = {SampleOrganizationMember("SCO", "KGZ"),
                                SampleOrganizationMember("OIC", "KGZ")};

  Status written = Store().Write(batch);

  EXPECT_EQ(Outcome(written), "ok");
}

TEST_P(RegistryStoreConformanceTest, UnknownCountryInRelationFailsAndWritesNothing) {
  WriteOrFail(SampleBatch());
  const std::string before = Snapshot();
  RegistryBatch batch = ValidNewRows();
  batch.relations.push_back(SampleRelation("ATL"));

  Status written = Store().Write(batch);

  EXPECT_EQ(Outcome(written), "invalid_argument: relation refers to unknown country ATL");
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(RegistryStoreConformanceTest, UnknownCountryInMissingRelationFailsAndWritesNothing) {
  WriteOrFail(SampleBatch());
  const std::string before = Snapshot();
  RegistryBatch batch = ValidNewRows();
  batch.missing_relations.push_back(SampleMissingRelation("ATL"));

  Status written = Store().Write(batch);

  EXPECT_EQ(Outcome(written), "invalid_argument: missing relation refers to unknown country ATL");
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(RegistryStoreConformanceTest, UnknownCountryInOrganizationMemberFailsAndWritesNothing) {
  WriteOrFail(SampleBatch());
  const std::string before = Snapshot();
  RegistryBatch batch = ValidNewRows();
  batch.organization_members.push_back(SampleOrganizationMember("SCO", "ATL"));

  Status written = Store().Write(batch);

  EXPECT_EQ(Outcome(written), "invalid_argument: SCO member refers to unknown country ATL");
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(RegistryStoreConformanceTest, UnknownCountryInTradeFlowFailsAndWritesNothing) {
  WriteOrFail(SampleBatch());
  const std::string before = Snapshot();
  RegistryBatch batch = ValidNewRows();
  batch.trade_flows.push_back(SampleTradeFlow("ATL", 2020));

  Status written = Store().Write(batch);

  EXPECT_EQ(Outcome(written), "invalid_argument: trade flow refers to unknown country ATL");
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(RegistryStoreConformanceTest, UnknownCountryInPlaceFailsAndWritesNothing) {
  WriteOrFail(SampleBatch());
  const std::string before = Snapshot();
  RegistryBatch batch = ValidNewRows();
  batch.places.push_back(SamplePlace("Poseidonis", "ATL"));

  Status written = Store().Write(batch);

  EXPECT_EQ(Outcome(written), "invalid_argument: place 'Poseidonis' refers to unknown country ATL");
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(RegistryStoreConformanceTest, DuplicateThatAlsoNamesAnUnknownCountryReportsTheDuplicate) {
  WriteOrFail(SampleBatch());
  RegistryBatch batch;
  batch.places = {SamplePlace("Osh", "ATL")};

  Status written = Store().Write(batch);

  EXPECT_EQ(Outcome(written), "already_exists: place 'Osh' already exists");
}

TEST_P(RegistryStoreConformanceTest, CountryWithoutCodeFailsAndWritesNothing) {
  const std::string before = Snapshot();
  RegistryBatch batch = ValidNewRows();
  batch.countries.push_back(Country{});

  Status written = Store().Write(batch);

  EXPECT_EQ(Outcome(written), "invalid_argument: country with an empty iso3 code");
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(RegistryStoreConformanceTest, LaterBatchCanReferenceCountriesWrittenEarlier) {
  RegistryBatch countries;
  countries.countries = ValidNewRows().countries;
  RegistryBatch rows = ValidNewRows();
  rows.countries.clear();
  WriteOrFail(countries);

  Status written = Store().Write(rows);

  EXPECT_EQ(Outcome(written), "ok");
  EXPECT_EQ(Describe(ListAll()), Describe(ValidNewRows()));
}

TEST_P(RegistryStoreConformanceTest, RowsCanReferenceCountriesOfTheSameBatch) {
  Status written = Store().Write(ValidNewRows());

  EXPECT_EQ(Outcome(written), "ok");
  EXPECT_EQ(Describe(ListAll()), Describe(ValidNewRows()));
}

TEST_P(RegistryStoreConformanceTest, FailedWriteReservesNoKeys) {
  RegistryBatch bad = ValidNewRows();
  bad.places.push_back(SamplePlace("Poseidonis", "ATL"));
  ASSERT_NE(Outcome(Store().Write(bad)), "ok");

  Status written = Store().Write(ValidNewRows());

  EXPECT_EQ(Outcome(written), "ok");
  EXPECT_EQ(Describe(ListAll()), Describe(ValidNewRows()));
}

}  // namespace
}  // namespace ordo::storage::conformance
