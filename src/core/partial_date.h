#pragma once
// PartialDate: a calendar date known to the year, the month or the day, as the sources give it
// ("1992", "1992-01", "1992-01-05"). It stands for the interval of days it could mean, and comparisons
// between such intervals can be uncertain; see CompareDates.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace ordo {

enum class DatePrecision : std::uint8_t { kYear, kMonth, kDay };

class PartialDate {
 public:
  // Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (years 1000-9999). Rejects anything else, including
  // days that do not exist ("1992-02-30", "1991-02-29"), with kInvalidArgument and a message that
  // says what is wrong.
  static Result<PartialDate> Parse(std::string_view text);

  static PartialDate Year(int year) { return PartialDate(year, 0, 0); }
  static Result<PartialDate> FromParts(int year, int month, int day);

  int year() const { return year_; }
  // 0 when unknown.
  int month() const { return month_; }
  // 0 when unknown.
  int day() const { return day_; }
  DatePrecision precision() const;

  // The first and last day the date may mean, as days since 1970-01-01.
  std::int32_t FirstDay() const;
  std::int32_t LastDay() const;

  // The text form it was parsed from: "1992", "1992-01" or "1992-01-05".
  std::string ToString() const;

  // Equality of the written form: 1992-01 != 1992-01-01.
  friend bool operator==(const PartialDate&, const PartialDate&) = default;

  // A total order for sorting only (by first day, then the less precise first). Do not use it to
  // answer "was A before B": use CompareDates, which can say "uncertain".
  friend bool SortsBefore(const PartialDate& a, const PartialDate& b);

 private:
  PartialDate(int year, int month, int day)
      : year_(static_cast<std::int16_t>(year)),
        month_(static_cast<std::int8_t>(month)),
        day_(static_cast<std::int8_t>(day)) {}

  std::int16_t year_;
  std::int8_t month_;
  std::int8_t day_;
};

// The answer to "is A before / after B" when either side may be partial.
enum class Certainty : std::uint8_t {
  kYes,        // true for every day A and B may mean
  kNo,         // false for every day they may mean
  kUncertain,  // true for some days and false for others
};

// Semantics: each date is the interval [FirstDay, LastDay].
//  IsBefore(a, b):
//    kYes if every day of a is before every day of b; kNo if no day of a is before any day of b;
//    otherwise kUncertain. So "1992-01" is before "1992-02-01" (kYes), "1992" is kUncertain, and
//    "1992-02-01" is not before "1992-02-01" (kNo).
//  IsAfter(a, b) is IsBefore(b, a).
Certainty IsBefore(const PartialDate& a, const PartialDate& b);
Certainty IsAfter(const PartialDate& a, const PartialDate& b);

std::string_view CertaintyName(Certainty certainty);

// Days since 1970-01-01 for a valid proleptic Gregorian date.
std::int32_t DaysFromCivil(int year, int month, int day);
int DaysInMonth(int year, int month);

}  // namespace ordo
