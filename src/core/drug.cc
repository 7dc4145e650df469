#include "core/drug.h"

#include <array>
#include <fmt/format.h>

namespace ordo {
namespace {

struct DrugTerm {
  std::string_view text;
  Drug drug;
};

constexpr std::array<std::string_view, kDrugCount> kCanonicalNames = {"heroin",
                                                                      "opium",
                                                                      "morphine",
                                                                      "cannabis_herb",
                                                                      "cannabis_resin",
                                                                      "cannabis_oil",
                                                                      "methamphetamine",
                                                                      "amphetamine",
                                                                      "synthetic_cathinones",
                                                                      "mdma",
                                                                      "cocaine",
                                                                      "tramadol",
                                                                      "precursors",
                                                                      "other"};

// Synonyms, lower case. Russian names are matched after lower-casing Cyrillic capitals. The
// spelled-out English names are the spellings of UNODC seizure files ("Cannabis resin", "Cocaine
// HCL"); only names with one meaning in Ordo's vocabulary are listed (docs/formats.md).
constexpr std::array<DrugTerm, 36> kSynonyms = {{
    {"hashish", Drug::kCannabisResin},
    {"hash", Drug::kCannabisResin},
    {"marijuana", Drug::kCannabisHerb},
    {"marihuana", Drug::kCannabisHerb},
    {"ganja", Drug::kCannabisHerb},
    {"cannabis", Drug::kCannabisHerb},
    {"hashish_oil", Drug::kCannabisOil},
    {"ecstasy", Drug::kMdma},
    {"meth", Drug::kMethamphetamine},
    {"mephedrone", Drug::kSyntheticCathinones},
    {"cannabis herb", Drug::kCannabisHerb},
    {"cannabis herb (marijuana)", Drug::kCannabisHerb},
    {"cannabis resin", Drug::kCannabisResin},
    {"cannabis oil", Drug::kCannabisOil},
    {"synthetic cathinones", Drug::kSyntheticCathinones},
    {"cocaine hcl", Drug::kCocaine},
    {"crack", Drug::kCocaine},
    {"crack cocaine", Drug::kCocaine},
    {"героин", Drug::kHeroin},
    {"опий", Drug::kOpium},
    {"опиум", Drug::kOpium},
    {"морфин", Drug::kMorphine},
    {"гашиш", Drug::kCannabisResin},
    {"марихуана", Drug::kCannabisHerb},
    {"каннабис", Drug::kCannabisHerb},
    {"гашишное_масло", Drug::kCannabisOil},
    {"метамфетамин", Drug::kMethamphetamine},
    {"амфетамин", Drug::kAmphetamine},
    {"мефедрон", Drug::kSyntheticCathinones},
    {"экстази", Drug::kMdma},
    {"кокаин", Drug::kCocaine},
    {"трамадол", Drug::kTramadol},
    {"прекурсоры", Drug::kPrecursors},
    {"насвай", Drug::kOther},
    {"другое", Drug::kOther},
    {"ангидрид", Drug::kPrecursors},
}};

// Lower-cases ASCII letters and the Cyrillic capitals А-Я (U+0410-U+042F) and Ё (U+0401).
std::string LowerCase(std::string_view text) {
  std::string lower;
  lower.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 'A' && byte <= 'Z') {
      lower.push_back(static_cast<char>(byte - 'A' + 'a'));
      continue;
    }
    if (i + 1 < text.size() && (byte == 0xD0)) {
      auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x90 && next <= 0x9F) {  // А-П -> а-п (D0 B0-BF)
        lower += {static_cast<char>(0xD0), static_cast<char>(next + 0x20)};
        ++i;
        continue;
      }
      if (next >= 0xA0 && next <= 0xAF) {  // Р-Я -> р-я (D1 80-8F)
        lower += {static_cast<char>(0xD1), static_cast<char>(next - 0x20)};
        ++i;
        continue;
      }
      if (next == 0x81) {  // Ё -> ё
        lower += {static_cast<char>(0xD1), static_cast<char>(0x91)};
        ++i;
        continue;
      }
    }
    lower.push_back(static_cast<char>(byte));
  }
  return lower;
}

}  // namespace

std::string_view DrugName(Drug drug) { return kCanonicalNames[static_cast<std::size_t>(drug)]; }

Result<Drug> ParseDrug(std::string_view text) {
  const std::string lower = LowerCase(text);
  for (std::size_t index = 0; index < kCanonicalNames.size(); ++index) {
    if (kCanonicalNames[index] == lower) return static_cast<Drug>(index);
  }
  for (const DrugTerm& term : kSynonyms) {
    if (term.text == lower) return term.drug;
  }
  return InvalidArgument(fmt::format("unknown drug '{}'", text));
}

std::string_view QuantityUnitName(QuantityUnit unit) {
  switch (unit) {
    case QuantityUnit::kKilogram:
      return "kg";
    case QuantityUnit::kGram:
      return "g";
    case QuantityUnit::kMilligram:
      return "mg";
    case QuantityUnit::kTonne:
      return "t";
    case QuantityUnit::kLitre:
      return "l";
    case QuantityUnit::kMillilitre:
      return "ml";
    case QuantityUnit::kTablet:
      return "tablets";
  }
  return "?";
}

Result<QuantityUnit> ParseQuantityUnit(std::string_view text) {
  constexpr std::array<QuantityUnit, 7> kUnits = {
      QuantityUnit::kKilogram, QuantityUnit::kGram,  QuantityUnit::kMilligram,
      QuantityUnit::kTonne,    QuantityUnit::kLitre, QuantityUnit::kMillilitre,
      QuantityUnit::kTablet};
  for (QuantityUnit unit : kUnits) {
    if (QuantityUnitName(unit) == text) return unit;
  }
  if (text == "tablet") return QuantityUnit::kTablet;
  return InvalidArgument(
      fmt::format("unknown unit '{}'; expected kg, g, mg, t, l, ml or tablets", text));
}

Result<KilogramQuantity> ToKilograms(double quantity, QuantityUnit unit,
                                     std::optional<double> tablet_mass_mg) {
  if (!(quantity >= 0)) {
    return InvalidArgument(fmt::format("quantity {} is negative", quantity));
  }
  switch (unit) {
    case QuantityUnit::kKilogram:
      return KilogramQuantity{quantity, ""};
    case QuantityUnit::kGram:
      return KilogramQuantity{quantity / 1e3, ""};
    case QuantityUnit::kMilligram:
      return KilogramQuantity{quantity / 1e6, ""};
    case QuantityUnit::kTonne:
      return KilogramQuantity{quantity * 1e3, ""};
    case QuantityUnit::kLitre:
      return KilogramQuantity{quantity, "1 l = 1 kg (UNODC convention)"};
    case QuantityUnit::kMillilitre:
      return KilogramQuantity{quantity / 1e3, "1 ml = 1 g (UNODC convention)"};
    case QuantityUnit::kTablet:
      break;
  }
  if (!tablet_mass_mg) return InvalidArgument("tablets need a tablet mass");
  if (!(*tablet_mass_mg > 0)) {
    return InvalidArgument(fmt::format("tablet mass {} mg is not positive", *tablet_mass_mg));
  }
  return KilogramQuantity{quantity * *tablet_mass_mg / 1e6,
                          fmt::format("1 tablet = {:g} g (import option)", *tablet_mass_mg / 1e3)};
}

}  // namespace ordo
