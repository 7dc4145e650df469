#include "core/visibility.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <iterator>

namespace ordo {
namespace {

constexpr std::array<std::string_view, kMarkingCount> kMarkingNames = {
    "unmarked", "official-use", "secret", "top-secret"};
constexpr std::array<std::string_view, kMarkingCount> kMarkingLabelsEn = {
    "unmarked", "official use only", "secret", "top secret"};
constexpr std::array<std::string_view, kMarkingCount> kMarkingLabelsRu = {
    "без грифа", "для служебного пользования (ДСП)", "секретно", "совершенно секретно"};
constexpr std::array<std::string_view, kMarkingCount> kMarkingLabelsKy = {
    "грифсиз", "кызматтык пайдалануу үчүн (КПҮ)", "жашыруун", "өтө жашыруун"};

}  // namespace

std::string_view MarkingName(Marking marking) {
  return kMarkingNames[static_cast<std::size_t>(marking)];
}

std::string_view MarkingLabel(Marking marking, std::string_view language) {
  const auto index = static_cast<std::size_t>(marking);
  if (language == "ru") return kMarkingLabelsRu[index];
  if (language == "ky") return kMarkingLabelsKy[index];
  return kMarkingLabelsEn[index];
}

Result<Marking> ParseMarking(std::string_view text) {
  for (std::size_t index = 0; index < kMarkingNames.size(); ++index) {
    if (kMarkingNames[index] == text) return static_cast<Marking>(index);
  }
  return InvalidArgument(fmt::format(
      "unknown marking '{}'; expected unmarked, official-use, secret or top-secret", text));
}

Visibility Visibility::Only(std::vector<std::string> compartments) {
  std::sort(compartments.begin(), compartments.end());
  compartments.erase(std::unique(compartments.begin(), compartments.end()), compartments.end());
  Visibility visibility;
  visibility.every_ = false;
  visibility.compartments_ = std::move(compartments);
  return visibility;
}

bool Visibility::Sees(std::string_view compartment) const {
  if (every_) return true;
  return std::binary_search(compartments_.begin(), compartments_.end(), compartment);
}

Visibility Visibility::And(const Visibility& other) const {
  if (every_) return other;
  if (other.every_) return *this;
  std::vector<std::string> both;
  std::set_intersection(compartments_.begin(), compartments_.end(), other.compartments_.begin(),
                        other.compartments_.end(), std::back_inserter(both));
  return Only(std::move(both));
}

std::string Visibility::Key() const {
  if (every_) return "*";
  return fmt::format("{}", fmt::join(compartments_, ","));
}

}  // namespace ordo
