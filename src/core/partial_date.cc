#include "core/partial_date.h"

#include <charconv>
#include <cstdio>

namespace ordo {
namespace {

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// Parses exactly `width` ASCII digits at text[pos].
bool ParseDigits(std::string_view text, std::size_t pos, std::size_t width, int& out) {
  if (text.size() < pos + width) return false;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  std::from_chars(text.data() + pos, text.data() + pos + width, out);
  return true;
}

Error BadDate(std::string_view text, std::string_view why) {
  std::string message = "invalid date '";
  message += text;
  message += "': ";
  message += why;
  return InvalidArgument(std::move(message));
}

}  // namespace

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

// Howard Hinnant's days_from_civil algorithm.
std::int32_t DaysFromCivil(int year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const int year_of_era = year - era * 400;
  const int day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

Result<PartialDate> PartialDate::Parse(std::string_view text) {
  constexpr std::string_view kExpected = "expected YYYY, YYYY-MM or YYYY-MM-DD";
  int year = 0;
  int month = 0;
  int day = 0;
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return BadDate(text, kExpected);
  if (!ParseDigits(text, 0, 4, year)) return BadDate(text, kExpected);
  if (text.size() >= 7 && (text[4] != '-' || !ParseDigits(text, 5, 2, month))) {
    return BadDate(text, kExpected);
  }
  if (text.size() == 10 && (text[7] != '-' || !ParseDigits(text, 8, 2, day))) {
    return BadDate(text, kExpected);
  }
  if (text.size() >= 7 && month == 0) return BadDate(text, "month 00 does not exist");
  if (text.size() == 10 && day == 0) return BadDate(text, "day 00 does not exist");
  auto date = FromParts(year, month, day);
  if (!date.has_value()) return BadDate(text, date.error().message());
  return date;
}

Result<PartialDate> PartialDate::FromParts(int year, int month, int day) {
  if (year < 1000 || year > 9999) return InvalidArgument("year must have four digits");
  if (month < 0 || month > 12) return InvalidArgument("month must be between 01 and 12");
  if (month == 0 && day != 0) return InvalidArgument("a day needs a month");
  if (day < 0 || (month != 0 && day > DaysInMonth(year, month))) {
    return InvalidArgument("day " + std::to_string(day) + " does not exist in " +
                           std::to_string(year) + "-" + (month < 10 ? "0" : "") +
                           std::to_string(month));
  }
  return PartialDate(year, month, day);
}

DatePrecision PartialDate::precision() const {
  if (month_ == 0) return DatePrecision::kYear;
  if (day_ == 0) return DatePrecision::kMonth;
  return DatePrecision::kDay;
}

std::int32_t PartialDate::FirstDay() const {
  return DaysFromCivil(year_, month_ == 0 ? 1 : month_, day_ == 0 ? 1 : day_);
}

std::int32_t PartialDate::LastDay() const {
  if (month_ == 0) return DaysFromCivil(year_, 12, 31);
  if (day_ == 0) return DaysFromCivil(year_, month_, DaysInMonth(year_, month_));
  return DaysFromCivil(year_, month_, day_);
}

std::string PartialDate::ToString() const {
  char buffer[11];
  int written = 0;
  switch (precision()) {
    case DatePrecision::kYear:
      written = std::snprintf(buffer, sizeof buffer, "%04d", year_);
      break;
    case DatePrecision::kMonth:
      written = std::snprintf(buffer, sizeof buffer, "%04d-%02d", year_, month_);
      break;
    case DatePrecision::kDay:
      written = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year_, month_, day_);
      break;
  }
  return std::string(buffer, static_cast<std::size_t>(written));
}

bool SortsBefore(const PartialDate& a, const PartialDate& b) {
  if (a.FirstDay() != b.FirstDay()) return a.FirstDay() < b.FirstDay();
  return a.LastDay() > b.LastDay();
}

Certainty IsBefore(const PartialDate& a, const PartialDate& b) {
  if (a.LastDay() < b.FirstDay()) return Certainty::kYes;
  if (a.FirstDay() >= b.LastDay()) return Certainty::kNo;
  return Certainty::kUncertain;
}

Certainty IsAfter(const PartialDate& a, const PartialDate& b) { return IsBefore(b, a); }

std::string_view CertaintyName(Certainty certainty) {
  switch (certainty) {
    case Certainty::kYes:
      return "yes";
    case Certainty::kNo:
      return "no";
    case Certainty::kUncertain:
      return "uncertain";
  }
  return "uncertain";
}

}  // namespace ordo
