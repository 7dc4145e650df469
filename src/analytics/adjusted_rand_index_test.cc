#include "analytics/adjusted_rand_index.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace ordo::analytics {
namespace {

using Labels = std::vector<std::uint32_t>;

double Ari(const Labels& a, const Labels& b) {
  Result<double> ari = AdjustedRandIndex(a, b);
  EXPECT_TRUE(ari.has_value());
  return ari.has_value() ? *ari : -99;
}

// An independent computation: count the four kinds of item pairs one pair at a time (together in
// both, only in a, only in b, apart in both) and use the pair-counting form of the index,
// 2 (n11 n00 - n10 n01) / ((n11 + n10)(n10 + n00) + (n11 + n01)(n01 + n00)).
double BruteForceAri(const Labels& a, const Labels& b) {
  double n11 = 0, n10 = 0, n01 = 0, n00 = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (std::size_t j = i + 1; j < a.size(); ++j) {
      const bool in_a = a[i] == a[j];
      const bool in_b = b[i] == b[j];
      if (in_a && in_b) ++n11;
      else if (in_a) ++n10;
      else if (in_b) ++n01;
      else ++n00;
    }
  }
  const double denominator = (n11 + n10) * (n10 + n00) + (n11 + n01) * (n01 + n00);
  if (denominator == 0) return 1.0;
  return 2 * (n11 * n00 - n10 * n01) / denominator;
}

// By hand: contingency cells (0,0)=2, (1,1)=1, (2,1)=1; sum C(n_ij,2) = 1; rows 2,1,1 give 1;
// columns 2,2 give 2; C(4,2) = 6; E = 1 * 2 / 6 = 1/3; max = 3/2; ARI = (2/3) / (7/6) = 4/7.
// (scikit-learn's documentation gives 0.57 for the same labellings.)
TEST(AdjustedRandIndexTest, HandComputedSmallCase) {
  EXPECT_NEAR(Ari({0, 0, 1, 2}, {0, 0, 1, 1}), 4.0 / 7, 1e-15);
  EXPECT_NEAR(Ari({0, 0, 1, 1}, {0, 0, 1, 2}), 4.0 / 7, 1e-15);  // symmetric
}

// By hand: every cell holds 1, so sum C(n_ij,2) = 0; rows and columns give 2 each; E = 4/6;
// max = 2; ARI = (0 - 2/3) / (2 - 2/3) = -1/2: worse than chance (scikit-learn's -0.5).
TEST(AdjustedRandIndexTest, CrossedPartitionsAreWorseThanChance) {
  EXPECT_NEAR(Ari({0, 0, 1, 1}, {0, 1, 0, 1}), -0.5, 1e-15);
}

TEST(AdjustedRandIndexTest, SamePartitionUnderOtherLabelsIsOne) {
  EXPECT_EQ(Ari({0, 0, 1, 1, 2, 2, 2}, {7, 7, 3, 3, 9, 9, 9}), 1.0);
}

TEST(AdjustedRandIndexTest, OneGroupAgainstSingletonsIsZero) {
  EXPECT_EQ(Ari({0, 0, 0, 0}, {0, 1, 2, 3}), 0.0);
}

TEST(AdjustedRandIndexTest, DegenerateAgreementsAreOne) {
  EXPECT_EQ(Ari({}, {}), 1.0);
  EXPECT_EQ(Ari({5}, {2}), 1.0);
  EXPECT_EQ(Ari({1, 1, 1}, {4, 4, 4}), 1.0);
  EXPECT_EQ(Ari({0, 1, 2}, {2, 1, 0}), 1.0);
}

// By hand, a larger table: a = {0 x3, 1 x3, 2 x3}, b moves one item of each group to the next:
// cells (0,0)=2 (0,1)=1 (1,1)=2 (1,2)=1 (2,2)=2 (2,0)=1; sum C = 3; rows 3 x C(3,2) = 9; columns
// the same 9; C(9,2) = 36; E = 81 / 36 = 2.25; max = 9; ARI = 0.75 / 6.75 = 1/9.
TEST(AdjustedRandIndexTest, HandComputedThreeGroups) {
  EXPECT_NEAR(Ari({0, 0, 0, 1, 1, 1, 2, 2, 2}, {0, 0, 1, 1, 1, 2, 2, 2, 0}), 1.0 / 9, 1e-15);
}

TEST(AdjustedRandIndexTest, EqualsPairCountingOnRandomLabellings) {
  std::mt19937_64 random(17);
  for (int trial = 0; trial < 200; ++trial) {
    const std::size_t n = 1 + random() % 60;
    const std::uint32_t ka = 1 + random() % 8;
    const std::uint32_t kb = 1 + random() % 8;
    Labels a(n), b(n);
    for (std::size_t i = 0; i < n; ++i) {
      a[i] = static_cast<std::uint32_t>(random() % ka);
      // Mostly agreeing labellings, so that the index spans its range.
      b[i] = random() % 3 == 0 ? static_cast<std::uint32_t>(random() % kb) : a[i] + 100;
    }
    EXPECT_NEAR(Ari(a, b), BruteForceAri(a, b), 1e-12) << "trial " << trial;
  }
}

TEST(AdjustedRandIndexTest, DifferentSizesAreRefused) {
  Result<double> ari = AdjustedRandIndex(Labels{0, 1}, Labels{0});
  ASSERT_FALSE(ari.has_value());
  EXPECT_EQ(ari.error().code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace ordo::analytics
