#include "analytics/seizure_trends.h"

#include <gtest/gtest.h>

#include <string>

#include "analytics/testing/seizure_store_fixture.h"

namespace ordo::analytics {
namespace {

Seizure Dated(std::string id, std::string_view date, Drug drug, double kg) {
  Seizure seizure;
  seizure.seizure_id = std::move(id);
  seizure.date = PartialDate::Parse(date).value();
  seizure.country = CountryCode::Parse("KGZ").value();
  seizure.drug = drug;
  seizure.quantity = kg;
  seizure.quantity_kg = kg;
  seizure.source = "https://example.org";
  return seizure;
}

std::string Month(int month) { return (month < 10 ? "2023-0" : "2023-") + std::to_string(month); }

class SeizureTrendsTest : public testing::SeizureStoreTest {};

TEST_F(SeizureTrendsTest, PlantedSpikeIsTheOnlyAnomaly) {
  // Two to four heroin seizures of 10 kg a month through 2023, and twenty in
  // October.
  std::vector<Seizure> rows;
  int next = 0;
  for (int month = 1; month <= 12; ++month) {
    const int per_month = month == 10 ? 20 : 2 + month % 3;
    for (int index = 0; index < per_month; ++index) {
      rows.push_back(Dated("S" + std::to_string(next++), Month(month), Drug::kHeroin, 10));
    }
  }
  ASSERT_TRUE(seizures_.AppendSeizures(rows).has_value());

  Result<TrendReport> trends = ComputeSeizureTrends(seizures_, {});

  ASSERT_TRUE(trends.has_value());
  ASSERT_EQ(trends->months.size(), 12u);
  for (const TrendMonth &month : trends->months) {
    EXPECT_EQ(month.count_anomaly, month.month == 10) << month.month;
    EXPECT_EQ(month.kg_anomaly, month.month == 10) << month.month;
  }
  EXPECT_EQ(trends->months[9].count, 20u);
  EXPECT_DOUBLE_EQ(trends->months[9].kg, 200);
}

TEST_F(SeizureTrendsTest, YearOnlyDatesAreCountedApart) {
  ASSERT_TRUE(seizures_
                  .AppendSeizures({Dated("A", "2023-02-10", Drug::kOpium, 1),
                                   Dated("B", "2023", Drug::kOpium, 5),
                                   Dated("C", "2023-04", Drug::kCocaine, 2)})
                  .has_value());

  Result<TrendReport> trends = ComputeSeizureTrends(seizures_, {});

  ASSERT_TRUE(trends.has_value());
  ASSERT_EQ(trends->year_only.size(), 1u);
  EXPECT_EQ(trends->year_only[0].year, 2023);
  EXPECT_DOUBLE_EQ(trends->year_only[0].kg, 5);
  // Two groups, each on the shared calendar February to April.
  ASSERT_EQ(trends->months.size(), 6u);
  std::size_t monthly_count = 0;
  for (const TrendMonth &month : trends->months) monthly_count += month.count;
  EXPECT_EQ(monthly_count, 2u);
}

TEST(TrendAnomalyTest, ShortHistoryIsNeverFlagged) {
  EXPECT_FALSE(IsTrendAnomaly({1, 1, 1, 1, 1}, 1000));
  EXPECT_TRUE(IsTrendAnomaly({1, 2, 1, 2, 1, 2}, 1000));
}

}  // namespace
}  // namespace ordo::analytics
