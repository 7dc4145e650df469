#include "core/cultivation_record.h"

#include <gtest/gtest.h>

namespace ordo {
namespace {

TEST(CultivationRecordTest, CropAndKindNamesRoundTrip) {
  for (Crop crop : {Crop::kOpiumPoppy, Crop::kCannabis, Crop::kCoca, Crop::kOther}) {
    EXPECT_EQ(ParseCrop(CropName(crop)).value(), crop);
  }
  EXPECT_EQ(ParseCultivationKind("eradicated").value(), CultivationKind::kEradicated);
}

TEST(CultivationRecordTest, AnUnknownCropNamesTheVocabulary) {
  Result<Crop> crop = ParseCrop("Poppy");

  ASSERT_FALSE(crop.has_value());
  EXPECT_EQ(crop.error().message(),
            "unknown crop 'Poppy'; expected opium_poppy, cannabis, coca or other");
}

}  // namespace
}  // namespace ordo
