#include "core/cultivation_record.h"

#include <fmt/format.h>

#include <array>

namespace ordo {
namespace {

constexpr std::array<std::string_view, 4> kCropNames = {"opium_poppy", "cannabis", "coca", "other"};
constexpr std::array<std::string_view, 2> kKindNames = {"cultivated", "eradicated"};

}  // namespace

std::string_view CropName(Crop crop) { return kCropNames[static_cast<std::size_t>(crop)]; }

Result<Crop> ParseCrop(std::string_view text) {
  for (std::size_t index = 0; index < kCropNames.size(); ++index) {
    if (kCropNames[index] == text) return static_cast<Crop>(index);
  }
  return InvalidArgument(
      fmt::format("unknown crop '{}'; expected opium_poppy, cannabis, coca or other", text));
}

std::string_view CultivationKindName(CultivationKind kind) {
  return kKindNames[static_cast<std::size_t>(kind)];
}

Result<CultivationKind> ParseCultivationKind(std::string_view text) {
  for (std::size_t index = 0; index < kKindNames.size(); ++index) {
    if (kKindNames[index] == text) return static_cast<CultivationKind>(index);
  }
  return InvalidArgument(fmt::format("unknown kind '{}'; expected cultivated or eradicated", text));
}

CultivationKey KeyOf(const CultivationRecord& record) {
  return {record.year, record.country.str(), record.region,
          record.crop, record.kind,          record.source};
}

std::string DescribeKey(const CultivationRecord& record) {
  return fmt::format("{} {} '{}' {} {}, source '{}'", record.year, record.country.str(),
                     record.region, CropName(record.crop), CultivationKindName(record.kind),
                     record.source);
}

}  // namespace ordo
