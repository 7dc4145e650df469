// The cases of the SeizureStore conformance suite.

#include <gtest/gtest.h>

#include "storage/conformance/sample_rows.h"
#include "storage/conformance/seizure_store_conformance.h"

namespace ordo::storage::conformance {
namespace {

std::vector<std::string> Ids(const Result<std::vector<Seizure>>& rows) {
  std::vector<std::string> ids;
  if (!rows.has_value()) return {"<error " + rows.error().ToString() + ">"};
  for (const Seizure& row : *rows) ids.push_back(row.seizure_id);
  return ids;
}

TEST_P(SeizureStoreConformanceTest, EveryFieldReadsBackAsWritten) {
  Seizure full = SampleSeizure("S1", "2024-03-17");
  Seizure sparse = SampleSeizure("S2", "2023");
  sparse.lat.reset();
  sparse.lon.reset();
  sparse.quantity_kg.reset();
  sparse.origin.reset();
  sparse.departure.reset();
  sparse.destination.reset();
  sparse.transit.clear();
  sparse.route.clear();
  sparse.synthetic = true;
  sparse.source.clear();

  ASSERT_TRUE(Store().AppendSeizures({full, sparse}).has_value());
  Result<std::vector<Seizure>> listed = Store().ListSeizures({});

  ASSERT_TRUE(listed.has_value()) << listed.error().ToString();
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_TRUE((*listed)[0] == full);
  EXPECT_TRUE((*listed)[1] == sparse);
}

TEST_P(SeizureStoreConformanceTest, ADuplicateIdFailsTheWholeBatch) {
  ASSERT_TRUE(Store().AppendSeizures({SampleSeizure("S1", "2024")}).has_value());

  Status appended =
      Store().AppendSeizures({SampleSeizure("S2", "2024"), SampleSeizure("S1", "2024")});

  ASSERT_FALSE(appended.has_value());
  EXPECT_EQ(appended.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(appended.error().message(), "seizure 'S1' already exists");
  EXPECT_EQ(Ids(Store().ListSeizures({})), std::vector<std::string>{"S1"});
}

TEST_P(SeizureStoreConformanceTest, ADuplicateIdWithinOneBatchIsRejected) {
  Status appended =
      Store().AppendSeizures({SampleSeizure("S1", "2024"), SampleSeizure("S1", "2024")});

  ASSERT_FALSE(appended.has_value());
  EXPECT_EQ(appended.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(Store().CountSeizures({}).value(), 0u);
}

TEST_P(SeizureStoreConformanceTest, AnUnknownCountryIsRejectedByName) {
  Seizure seizure = SampleSeizure("S1", "2024");
  seizure.transit.push_back(Code("IRN"));

  Status appended = Store().AppendSeizures({SampleSeizure("S0", "2024"), seizure});

  ASSERT_FALSE(appended.has_value());
  EXPECT_EQ(appended.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(appended.error().message(), "seizure 'S1': unknown country 'IRN'");
  EXPECT_EQ(Store().CountSeizures({}).value(), 0u);
}

TEST_P(SeizureStoreConformanceTest, ARoutePlaceWithASemicolonIsRejected) {
  Seizure seizure = SampleSeizure("S1", "2024");
  seizure.route = {"Osh", "Bishkek;Almaty"};

  Status appended = Store().AppendSeizures({seizure});

  ASSERT_FALSE(appended.has_value());
  EXPECT_EQ(appended.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(appended.error().message(), "seizure 'S1': a route place is empty or contains ';'");
  EXPECT_EQ(Store().CountSeizures({}).value(), 0u);
}

TEST_P(SeizureStoreConformanceTest, FiltersCombine) {
  Seizure real_2023 = SampleSeizure("A", "2023-05");
  Seizure synthetic_2024 = SampleSeizure("B", "2024-01-02");
  synthetic_2024.synthetic = true;
  Seizure hashish_2024 = SampleSeizure("C", "2024");
  hashish_2024.drug = Drug::kCannabisResin;
  Seizure tajik_2024 = SampleSeizure("D", "2024-06");
  tajik_2024.country = Code("TJK");
  ASSERT_TRUE(Store().AppendSeizures({real_2023, synthetic_2024, hashish_2024, tajik_2024}));
  SeizureFilter year_2024;
  year_2024.from = Date("2024");
  year_2024.to = Date("2024");
  SeizureFilter heroin_kgz_real = year_2024;
  heroin_kgz_real.drug = Drug::kHeroin;
  heroin_kgz_real.country = Code("KGZ");
  heroin_kgz_real.synthetic = false;
  SeizureFilter synthetic_only;
  synthetic_only.synthetic = true;

  EXPECT_EQ(Ids(Store().ListSeizures(year_2024)), (std::vector<std::string>{"B", "C", "D"}));
  EXPECT_EQ(Ids(Store().ListSeizures(heroin_kgz_real)), std::vector<std::string>{});
  EXPECT_EQ(Ids(Store().ListSeizures(synthetic_only)), std::vector<std::string>{"B"});
  EXPECT_EQ(Store().CountSeizures(year_2024).value(), 3u);
}

TEST_P(SeizureStoreConformanceTest, AWiderDateDoesNotMatchANarrowerRange) {
  ASSERT_TRUE(Store().AppendSeizures({SampleSeizure("A", "2024")}));
  SeizureFilter march;
  march.from = Date("2024-03");
  march.to = Date("2024-03");

  EXPECT_EQ(Store().CountSeizures(march).value(), 0u);
}

TEST_P(SeizureStoreConformanceTest, OffsetAndLimitPageInWriteOrder) {
  ASSERT_TRUE(Store().AppendSeizures(
      {SampleSeizure("Z", "2024"), SampleSeizure("A", "2020"), SampleSeizure("M", "2022")}));
  SeizureFilter page;
  page.offset = 1;
  page.limit = 1;

  EXPECT_EQ(Ids(Store().ListSeizures(page)), std::vector<std::string>{"A"});
  EXPECT_EQ(Store().CountSeizures(page).value(), 3u);
}

TEST_P(SeizureStoreConformanceTest, ForEachStopsAtTheVisitorsError) {
  ASSERT_TRUE(Store().AppendSeizures({SampleSeizure("A", "2024"), SampleSeizure("B", "2024")}));
  std::vector<std::string> seen;

  Status walked = Store().ForEachSeizure({}, [&](const Seizure& seizure) -> Status {
    seen.push_back(seizure.seizure_id);
    return Internal("stop");
  });

  ASSERT_FALSE(walked.has_value());
  EXPECT_EQ(walked.error().message(), "stop");
  EXPECT_EQ(seen, std::vector<std::string>{"A"});
}

TEST_P(SeizureStoreConformanceTest, ProducedRowsAreAppendedInOrder) {
  Status appended = Store().AppendSeizuresFrom([](const SeizureAppend& append) -> Status {
    ORDO_RETURN_IF_ERROR(append(SampleSeizure("B", "2024")));
    return append(SampleSeizure("A", "2023"));
  });

  ASSERT_TRUE(appended.has_value()) << appended.error().ToString();
  EXPECT_EQ(Ids(Store().ListSeizures({})), (std::vector<std::string>{"B", "A"}));
}

TEST_P(SeizureStoreConformanceTest, AProducerErrorWritesNothingAndComesBackAsItIs) {
  Status appended = Store().AppendSeizuresFrom([](const SeizureAppend& append) -> Status {
    ORDO_RETURN_IF_ERROR(append(SampleSeizure("A", "2024")));
    return Internal("file changed");
  });

  ASSERT_FALSE(appended.has_value());
  EXPECT_EQ(appended.error().message(), "file changed");
  EXPECT_EQ(Store().CountSeizures({}).value(), 0u);
}

TEST_P(SeizureStoreConformanceTest, ARowErrorInAStreamWritesNothing) {
  Seizure unknown = SampleSeizure("B", "2024");
  unknown.country = Code("IRN");

  Status appended = Store().AppendSeizuresFrom([&](const SeizureAppend& append) -> Status {
    ORDO_RETURN_IF_ERROR(append(SampleSeizure("A", "2024")));
    return append(unknown);
  });

  ASSERT_FALSE(appended.has_value());
  EXPECT_EQ(appended.error().message(), "seizure 'B': unknown country 'IRN'");
  EXPECT_EQ(Store().CountSeizures({}).value(), 0u);
}

}  // namespace
}  // namespace ordo::storage::conformance
