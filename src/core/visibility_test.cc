#include "core/visibility.h"

#include <gtest/gtest.h>

namespace ordo {
namespace {

TEST(VisibilityTest, MarkingsAreOrderedAndNamed) {
  const Marking all[] = {Marking::kUnmarked, Marking::kOfficialUse, Marking::kSecret,
                         Marking::kTopSecret};
  for (int i = 0; i < kMarkingCount; ++i) {
    EXPECT_EQ(ParseMarking(MarkingName(all[i])).value(), all[i]);
    if (i > 0) {
      EXPECT_LT(all[i - 1], all[i]);
      EXPECT_EQ(MaxMarking(all[i - 1], all[i]), all[i]);
      EXPECT_EQ(MaxMarking(all[i], all[i - 1]), all[i]);
    }
  }
  EXPECT_EQ(MarkingName(Marking::kOfficialUse), "official-use");
  EXPECT_EQ(MarkingLabel(Marking::kOfficialUse, "ru"), "для служебного пользования (ДСП)");
  EXPECT_EQ(MarkingLabel(Marking::kSecret, "ky"), "жашыруун");
  EXPECT_EQ(MarkingLabel(Marking::kTopSecret, "en"), "top secret");
  EXPECT_EQ(MarkingLabel(Marking::kTopSecret, "de"), "top secret");
  Result<Marking> bad = ParseMarking("Secret");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message(),
            "unknown marking 'Secret'; expected unmarked, official-use, secret or top-secret");
}

TEST(VisibilityTest, EveryAndOnly) {
  const Visibility every;
  EXPECT_TRUE(every.every());
  EXPECT_TRUE(every.Sees("anything"));
  EXPECT_EQ(every.Key(), "*");
  EXPECT_EQ(every, Visibility::Every());

  const Visibility some = Visibility::Only({"osh", "chuy", "osh"});
  EXPECT_FALSE(some.every());
  EXPECT_EQ(some.compartments(), (std::vector<std::string>{"chuy", "osh"}));
  EXPECT_TRUE(some.Sees("osh"));
  EXPECT_FALSE(some.Sees("batken"));
  EXPECT_FALSE(some.Sees(""));
  EXPECT_EQ(some.Key(), "chuy,osh");

  const Visibility none = Visibility::Only({});
  EXPECT_FALSE(none.Sees(kDefaultCompartment));
  EXPECT_EQ(none.Key(), "");
  EXPECT_NE(none, every);
}

TEST(VisibilityTest, AndIsTheIntersection) {
  const Visibility some = Visibility::Only({"chuy", "osh"});
  EXPECT_EQ(Visibility::Every().And(some), some);
  EXPECT_EQ(some.And(Visibility::Every()), some);
  EXPECT_EQ(some.And(Visibility::Only({"osh", "batken"})), Visibility::Only({"osh"}));
  EXPECT_EQ(some.And(Visibility::Only({})), Visibility::Only({}));
}

}  // namespace
}  // namespace ordo
