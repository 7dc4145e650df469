// The cases of the NarcoticsRecordStore conformance suite. Every record is a made-up test fixture.

#include <gtest/gtest.h>

#include "storage/conformance/narcotics_record_store_conformance.h"
#include "storage/conformance/sample_rows.h"

namespace ordo::storage::conformance {
namespace {

std::vector<int> Years(const Result<std::vector<CultivationRecord>>& rows) {
  if (!rows.has_value()) return {-1};
  std::vector<int> years;
  for (const CultivationRecord& row : *rows) years.push_back(row.year);
  return years;
}

std::vector<std::string> Dates(const Result<std::vector<PriceRecord>>& rows) {
  if (!rows.has_value()) return {"<error " + rows.error().ToString() + ">"};
  std::vector<std::string> dates;
  for (const PriceRecord& row : *rows) dates.push_back(row.date.ToString());
  return dates;
}

TEST_P(NarcoticsRecordStoreConformanceTest, CultivationReadsBackAsWritten) {
  CultivationRecord full = SampleCultivation(2021, 1234.5);
  CultivationRecord sparse = SampleCultivation(2022, 0);
  sparse.region.clear();
  sparse.note.clear();
  sparse.kind = CultivationKind::kEradicated;
  sparse.crop = Crop::kCannabis;
  sparse.synthetic = false;
  sparse.source = "https://example.org/fixture";

  ASSERT_TRUE(Store().AppendCultivation({full, sparse}).has_value());
  Result<std::vector<CultivationRecord>> listed = Store().ListCultivation({});

  ASSERT_TRUE(listed.has_value()) << listed.error().ToString();
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_TRUE((*listed)[0] == full);
  EXPECT_TRUE((*listed)[1] == sparse);
}

TEST_P(NarcoticsRecordStoreConformanceTest, PricesReadBackAsWritten) {
  PriceRecord full = SamplePrice("2023-05-17", 40.25);
  PriceRecord sparse = SamplePrice("2023", 900);
  sparse.place.clear();
  sparse.purity_percent.reset();
  sparse.level = PriceLevel::kFarmGate;
  sparse.unit = PriceUnit::kPerKilogram;
  sparse.currency = "KGS";
  sparse.drug = Drug::kOpium;

  ASSERT_TRUE(Store().AppendPrices({full, sparse}).has_value());
  Result<std::vector<PriceRecord>> listed = Store().ListPrices({});

  ASSERT_TRUE(listed.has_value()) << listed.error().ToString();
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_TRUE((*listed)[0] == full);
  EXPECT_TRUE((*listed)[1] == sparse);
}

TEST_P(NarcoticsRecordStoreConformanceTest, ADuplicateCultivationKeyFailsTheWholeBatch) {
  ASSERT_TRUE(Store().AppendCultivation({SampleCultivation(2021, 10)}).has_value());

  Status appended =
      Store().AppendCultivation({SampleCultivation(2022, 5), SampleCultivation(2021, 11)});

  ASSERT_FALSE(appended.has_value());
  EXPECT_EQ(appended.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(appended.error().message(),
            "cultivation record 2021 AFG 'Region A' opium_poppy cultivated, source 'test fixture "
            "(made up)' already exists");
  EXPECT_EQ(Years(Store().ListCultivation({})), std::vector<int>{2021});
}

TEST_P(NarcoticsRecordStoreConformanceTest, ADuplicatePriceKeyWithinOneBatchIsRejected) {
  Status appended = Store().AppendPrices({SamplePrice("2023-05", 1), SamplePrice("2023-05", 2)});

  ASSERT_FALSE(appended.has_value());
  EXPECT_EQ(appended.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(appended.error().message(),
            "price record 2023-05 KGZ 'Town B' heroin retail USD per g, source 'test fixture "
            "(made up)' already exists");
  EXPECT_EQ(Store().CountPrices({}).value(), 0u);
}

TEST_P(NarcoticsRecordStoreConformanceTest, TheSameAreaFromTwoSourcesStaysTwoRecords) {
  CultivationRecord other_source = SampleCultivation(2021, 10);
  other_source.source = "another test fixture";

  ASSERT_TRUE(Store().AppendCultivation({SampleCultivation(2021, 10), other_source}));

  EXPECT_EQ(Store().CountCultivation({}).value(), 2u);
}

TEST_P(NarcoticsRecordStoreConformanceTest, AnUnknownCountryIsRejectedByName) {
  CultivationRecord cultivation = SampleCultivation(2021, 10);
  cultivation.country = Code("IRN");
  PriceRecord price = SamplePrice("2023", 1);
  price.country = Code("RUS");

  Status cultivation_appended =
      Store().AppendCultivation({SampleCultivation(2020, 1), cultivation});
  Status price_appended = Store().AppendPrices({price});

  ASSERT_FALSE(cultivation_appended.has_value());
  EXPECT_EQ(cultivation_appended.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(cultivation_appended.error().message(),
            "cultivation record 2021 IRN 'Region A' opium_poppy cultivated, source 'test fixture "
            "(made up)': unknown country 'IRN'");
  ASSERT_FALSE(price_appended.has_value());
  EXPECT_EQ(price_appended.error().message(),
            "price record 2023 RUS 'Town B' heroin retail USD per g, source 'test fixture (made "
            "up)': unknown country 'RUS'");
  EXPECT_EQ(Store().CountCultivation({}).value(), 0u);
}

TEST_P(NarcoticsRecordStoreConformanceTest, NegativeHectaresAreRejected) {
  Status appended = Store().AppendCultivation({SampleCultivation(2021, -1)});

  ASSERT_FALSE(appended.has_value());
  EXPECT_EQ(appended.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(appended.error().message(),
            "cultivation record 2021 AFG 'Region A' opium_poppy cultivated, source 'test fixture "
            "(made up)': hectares must be a non-negative number");
}

TEST_P(NarcoticsRecordStoreConformanceTest, PriceFieldRulesAreCheckedBeforeWriting) {
  PriceRecord negative = SamplePrice("2023", -5);
  PriceRecord impure = SamplePrice("2023-01", 5);
  impure.purity_percent = 100.5;
  PriceRecord lower_case = SamplePrice("2023-02", 5);
  lower_case.currency = "usd";
  PriceRecord unsourced = SamplePrice("2023-03", 5);
  unsourced.synthetic = false;
  unsourced.source.clear();

  for (const PriceRecord& bad : {negative, impure, lower_case, unsourced}) {
    Status appended = Store().AppendPrices({SamplePrice("2020", 1), bad});
    ASSERT_FALSE(appended.has_value()) << DescribeKey(bad);
    EXPECT_EQ(appended.error().code(), ErrorCode::kInvalidArgument);
  }

  EXPECT_EQ(Store().CountPrices({}).value(), 0u);
}

TEST_P(NarcoticsRecordStoreConformanceTest, CultivationFiltersCombine) {
  CultivationRecord tajik = SampleCultivation(2021, 3);
  tajik.country = Code("TJK");
  CultivationRecord cannabis = SampleCultivation(2022, 4);
  cannabis.crop = Crop::kCannabis;
  ASSERT_TRUE(Store().AppendCultivation(
      {SampleCultivation(2019, 1), SampleCultivation(2021, 2), tajik, cannabis}));
  CultivationFilter afghan_poppy_from_2020;
  afghan_poppy_from_2020.from_year = 2020;
  afghan_poppy_from_2020.country = Code("AFG");
  afghan_poppy_from_2020.crop = Crop::kOpiumPoppy;
  CultivationFilter up_to_2021;
  up_to_2021.to_year = 2021;

  EXPECT_EQ(Years(Store().ListCultivation(afghan_poppy_from_2020)), std::vector<int>{2021});
  EXPECT_EQ(Years(Store().ListCultivation(up_to_2021)), (std::vector<int>{2019, 2021, 2021}));
  EXPECT_EQ(Store().CountCultivation(up_to_2021).value(), 3u);
}

TEST_P(NarcoticsRecordStoreConformanceTest, PriceFiltersCombine) {
  PriceRecord opium = SamplePrice("2023-06", 2);
  opium.drug = Drug::kOpium;
  PriceRecord tajik = SamplePrice("2023-07", 3);
  tajik.country = Code("TJK");
  ASSERT_TRUE(
      Store().AppendPrices({SamplePrice("2022-12-31", 1), opium, tajik, SamplePrice("2023", 4)}));
  PriceFilter year_2023;
  year_2023.from = Date("2023");
  year_2023.to = Date("2023");
  PriceFilter kyrgyz_heroin_2023 = year_2023;
  kyrgyz_heroin_2023.country = Code("KGZ");
  kyrgyz_heroin_2023.drug = Drug::kHeroin;
  PriceFilter june;
  june.from = Date("2023-06");
  june.to = Date("2023-06");

  EXPECT_EQ(Dates(Store().ListPrices(year_2023)),
            (std::vector<std::string>{"2023-06", "2023-07", "2023"}));
  EXPECT_EQ(Dates(Store().ListPrices(kyrgyz_heroin_2023)), std::vector<std::string>{"2023"});
  EXPECT_EQ(Dates(Store().ListPrices(june)), std::vector<std::string>{"2023-06"});
  EXPECT_EQ(Store().CountPrices(year_2023).value(), 3u);
}

}  // namespace
}  // namespace ordo::storage::conformance
