#pragma once
// Compartments, markings and visibility of case data (issue #6, item 3; docs/compartments.md).
//
// Every row of case data (Entity, Link, Seizure) belongs to one compartment (named as
// CheckCompartmentName says, core/account.h) and carries one classification marking. A reader
// sees the rows of the compartments its Visibility holds; a derived output (an export, a
// bulletin, a graph answer) carries the highest marking of the rows that went into it.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace ordo {

// The compartment of rows imported without one.
inline constexpr std::string_view kDefaultCompartment = "general";

// An ordered scale: kUnmarked < kOfficialUse < kSecret < kTopSecret.
enum class Marking : std::uint8_t { kUnmarked, kOfficialUse, kSecret, kTopSecret };

inline constexpr int kMarkingCount = 4;

// "unmarked", "official-use", "secret", "top-secret": the names stored, accepted and written in
// files.
std::string_view MarkingName(Marking marking);
// As shown to a reader: English, Russian ("ДСП") or Kyrgyz; `language` "en", "ru" or "ky"
// (anything else gives English).
std::string_view MarkingLabel(Marking marking, std::string_view language);
// Exactly the names of MarkingName; kInvalidArgument "unknown marking 'x'; expected unmarked,
// official-use, secret or top-secret" otherwise.
Result<Marking> ParseMarking(std::string_view text);

// The higher of two markings.
inline Marking MaxMarking(Marking a, Marking b) { return a < b ? b : a; }

// The compartments a reader sees: every one (the owner of the database file, the CLI by default),
// or a set of names (an account's grants; possibly none).
class Visibility {
 public:
  // Every compartment.
  Visibility() = default;
  static Visibility Every() { return Visibility(); }
  // Only these (sorted and made unique here; empty sees nothing).
  static Visibility Only(std::vector<std::string> compartments);

  bool every() const { return every_; }
  // Sorted, no repeats; empty when every() (and when nothing is visible).
  const std::vector<std::string>& compartments() const { return compartments_; }
  bool Sees(std::string_view compartment) const;
  // What both see: the intersection.
  Visibility And(const Visibility& other) const;

  // "*" for every compartment, else the names joined by ',' ("" for none): a stable key for
  // caches and a readable form for messages and audit records.
  std::string Key() const;

  friend bool operator==(const Visibility&, const Visibility&) = default;

 private:
  bool every_ = true;
  std::vector<std::string> compartments_;
};

}  // namespace ordo
