#pragma once
// CultivationRecord: one figure of illicit crop cultivation or eradication (a row of the
// cultivation CSV in docs/formats.md), with the crop and record-kind vocabularies.

#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>

#include "core/ids.h"
#include "core/result.h"

namespace ordo {

enum class Crop : std::uint8_t { kOpiumPoppy, kCannabis, kCoca, kOther };

// "opium_poppy", "cannabis", "coca", "other".
std::string_view CropName(Crop crop);
// Accepts exactly the names above; kInvalidArgument "unknown crop 'x'; expected ..." otherwise.
Result<Crop> ParseCrop(std::string_view text);

// Whether a figure is the area under the crop or the area destroyed.
enum class CultivationKind : std::uint8_t { kCultivated, kEradicated };

// "cultivated", "eradicated".
std::string_view CultivationKindName(CultivationKind kind);
// Accepts exactly the names above; kInvalidArgument "unknown kind 'x'; expected ..." otherwise.
Result<CultivationKind> ParseCultivationKind(std::string_view text);

struct CultivationRecord {
  int year = 2000;
  CountryCode country;
  std::string region;  // as written, e.g. "Chui Region"; "" for the whole country
  Crop crop = Crop::kOther;
  CultivationKind kind = CultivationKind::kCultivated;
  double hectares = 0;  // >= 0
  std::string source;   // required when synthetic is false
  bool synthetic = false;
  std::string note;

  friend bool operator==(const CultivationRecord&, const CultivationRecord&) = default;
};

// What makes a record unique in a store: one figure per year, country, region, crop, kind and
// source. Two sources for the same area stay two records and are never merged.
using CultivationKey =
    std::tuple<int, std::string, std::string, Crop, CultivationKind, std::string>;
CultivationKey KeyOf(const CultivationRecord& record);

// The key as people read it: "2023 AFG 'Helmand' opium_poppy cultivated, source 'S'".
std::string DescribeKey(const CultivationRecord& record);

}  // namespace ordo
