#include "analytics/seizure_stats.h"

#include <gtest/gtest.h>

#include "analytics/testing/seizure_store_fixture.h"

namespace ordo::analytics {
namespace {

Seizure MakeSeizure(std::string id, std::string_view date, Drug drug, double kg, bool synthetic) {
  Seizure seizure;
  seizure.seizure_id = std::move(id);
  seizure.date = PartialDate::Parse(date).value();
  seizure.country = CountryCode::Parse("KGZ").value();
  seizure.drug = drug;
  seizure.quantity = kg;
  seizure.quantity_kg = kg;
  seizure.synthetic = synthetic;
  seizure.source = synthetic ? "" : "https://example.org";
  return seizure;
}

class SeizureStatsTest : public testing::SeizureStoreTest {};

TEST_F(SeizureStatsTest, RealAndSyntheticAreSummedApart) {
  ASSERT_TRUE(seizures_.AppendSeizures({MakeSeizure("A", "2024-01", Drug::kHeroin, 2, false),
                                        MakeSeizure("B", "2024-05-02", Drug::kHeroin, 3, false),
                                        MakeSeizure("C", "2024", Drug::kHeroin, 100, true),
                                        MakeSeizure("D", "2023", Drug::kOpium, 1, false)}));

  Result<SeizureStats> stats = ComputeSeizureStats(seizures_, {});

  ASSERT_TRUE(stats.has_value());
  ASSERT_EQ(stats->rows.size(), 2u);
  const SeizureStatsRow& heroin = stats->rows[0];
  EXPECT_EQ(heroin.drug, Drug::kHeroin);
  EXPECT_EQ(heroin.year, 2024);
  EXPECT_EQ(heroin.real_count, 2u);
  EXPECT_DOUBLE_EQ(heroin.real_kg, 5);
  EXPECT_EQ(heroin.synthetic_count, 1u);
  EXPECT_DOUBLE_EQ(heroin.synthetic_kg, 100);
  EXPECT_EQ(stats->real_rows, 3u);
  EXPECT_EQ(stats->synthetic_rows, 1u);
}

}  // namespace
}  // namespace ordo::analytics
