#pragma once
// Drug: the controlled-substance vocabulary of seizure records (docs/formats.md, "Seizures"), with
// canonical names and accepted synonyms in English and Russian, and the conversion of a seized
// quantity to kilograms.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace ordo {

// The vocabulary follows the UNODC drug groups that matter on the Central Asian routes.
enum class Drug : std::uint8_t {
  kHeroin,
  kOpium,
  kMorphine,
  kCannabisHerb,   // marijuana, ganja
  kCannabisResin,  // hashish
  kCannabisOil,
  kMethamphetamine,
  kAmphetamine,
  kSyntheticCathinones,
  kMdma,
  kCocaine,
  kTramadol,
  kPrecursors,
  kOther,
};

inline constexpr int kDrugCount = 14;

// The canonical name used in files, storage and output: "heroin", "cannabis_resin", ...
std::string_view DrugName(Drug drug);

// Accepts a canonical name or a synonym, case-insensitively for ASCII and for the Russian names
// listed in drug.cc (героин, опий, гашиш, марихуана, метамфетамин, ...). Surrounding spaces are not
// trimmed. kInvalidArgument "unknown drug 'x'" otherwise.
Result<Drug> ParseDrug(std::string_view text);

// Units a seized quantity may be written in.
enum class QuantityUnit : std::uint8_t {
  kKilogram,
  kGram,
  kMilligram,
  kTonne,
  kLitre,
  kMillilitre,
  kTablet
};

// "kg", "g", "mg", "t", "l", "ml", "tablets".
std::string_view QuantityUnitName(QuantityUnit unit);

// Accepts the names above (and "tablet"); kInvalidArgument "unknown unit 'x'" otherwise.
Result<QuantityUnit> ParseQuantityUnit(std::string_view text);

// A quantity in kilograms and, when the conversion needed an assumption, a note saying which.
struct KilogramQuantity {
  double kilograms = 0;
  std::string conversion_note;  // e.g. "1 tablet = 0.25 g (import option)"; "" for mass units
};

// Converts `quantity` (non-negative) in `unit` to kilograms. Litres count 1:1 as kilograms, as
// UNODC does (note "1 l = 1 kg (UNODC convention)"). Tablets need `tablet_mass_mg` (> 0); without
// it the result is kInvalidArgument "tablets need a tablet mass". A negative quantity or tablet
// mass is kInvalidArgument.
Result<KilogramQuantity> ToKilograms(double quantity, QuantityUnit unit,
                                     std::optional<double> tablet_mass_mg);

}  // namespace ordo
