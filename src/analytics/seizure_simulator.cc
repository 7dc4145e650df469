#include "analytics/seizure_simulator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <random>
#include <string>

#include "core/partial_date.h"

namespace ordo::analytics {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kKmPerDegreeLat = 110.574;
constexpr double kKmPerDegreeLonAtEquator = 111.320;

// Draws from std::mt19937_64, whose output sequence the C++ standard fixes. The
// standard's distributions are not portable between libraries, so the few
// needed here are written out.
class SimulationRandom {
 public:
  explicit SimulationRandom(std::uint64_t seed) : engine_(seed) {}

  // Uniform in [0, 1): the top 53 bits of one engine output.
  double Uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

  // Standard normal by Box-Muller (two uniforms per draw, the sine half is not
  // kept).
  double Normal() {
    const double u1 = 1.0 - Uniform();  // (0, 1]: log stays finite
    const double u2 = Uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * kPi * u2);
  }

  // Poisson by Knuth's product of uniforms (fine for the small means used
  // here).
  std::uint64_t Poisson(double mean) {
    const double limit = std::exp(-mean);
    std::uint64_t count = 0;
    double product = Uniform();
    while (product > limit) {
      ++count;
      product *= Uniform();
    }
    return count;
  }

  // An index drawn with probability proportional to `weight(i)`, by one uniform
  // on the cumulative.
  template <typename Weight>
  std::size_t Pick(std::size_t size, Weight weight) {
    double total = 0;
    for (std::size_t i = 0; i < size; ++i) total += weight(i);
    double target = Uniform() * total;
    for (std::size_t i = 0; i + 1 < size; ++i) {
      target -= weight(i);
      if (target < 0) return i;
    }
    return size - 1;
  }

 private:
  std::mt19937_64 engine_;
};

struct CivilDay {
  int year = 0;
  int month = 0;
  int day = 0;
};

// Days since 1970-01-01 to the calendar date (Howard Hinnant's
// civil_from_days).
CivilDay ToCivil(std::int64_t days) {
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0)), static_cast<int>(month),
          static_cast<int>(doy - (153 * mp + 2) / 5 + 1)};
}

std::string DayText(std::int64_t days) {
  const CivilDay civil = ToCivil(days);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", civil.year, civil.month, civil.day);
  return buffer;
}

Result<std::int32_t> ParseDay(const std::string &text, const char *option) {
  auto date = PartialDate::Parse(text);
  if (!date || date->precision() != DatePrecision::kDay) {
    return InvalidArgument(std::string(option) + " must be a date YYYY-MM-DD, got '" + text + "'");
  }
  return date->FirstDay();
}

struct DayRange {
  std::int32_t first = 0;
  std::int32_t last = 0;
  std::optional<std::int32_t> shift;
};

Result<DayRange> ParseRange(const SimulationOptions &options) {
  if (options.count < 1 || options.count > kMaxSimulatedSeizures) {
    return InvalidArgument("--count must be from 1 to 10000000, got " +
                           std::to_string(options.count));
  }
  DayRange range;
  ORDO_TRY(first, ParseDay(options.from, "--from"));
  ORDO_TRY(last, ParseDay(options.to, "--to"));
  if (last < first) {
    return InvalidArgument("--to (" + options.to + ") is before --from (" + options.from + ")");
  }
  range.first = first;
  range.last = last;
  if (!options.shift_date.empty()) {
    ORDO_TRY(shift, ParseDay(options.shift_date, "--shift-date"));
    if (shift <= first || shift > last) {
      return InvalidArgument("--shift-date must be after --from and not after --to, got " +
                             options.shift_date);
    }
    range.shift = shift;
  }
  return range;
}

// Day by rejection: uniform over the range, kept with probability month weight
// / largest weight.
std::int64_t DrawDay(SimulationRandom &random, const DayRange &range) {
  const std::vector<double> &weights = SimulationMonthWeights();
  double largest = 0;
  for (double weight : weights) largest = std::max(largest, weight);
  const auto span = static_cast<double>(range.last - range.first + 1);
  while (true) {
    const auto day = range.first + static_cast<std::int64_t>(random.Uniform() * span);
    const double weight = weights[static_cast<std::size_t>(ToCivil(day).month - 1)];
    if (random.Uniform() * largest < weight) return day;
  }
}

// The corridor weights in force: after the shift, kShiftShare of corridor 0
// moves to corridor 1.
double CorridorWeight(std::size_t index, bool after_shift) {
  const std::vector<Corridor> &corridors = SimulationCorridors();
  const double base = corridors[index].base_share;
  if (!after_shift) return base;
  if (index == 0) return base * (1.0 - kShiftShare);
  if (index == 1) return base + corridors[0].base_share * kShiftShare;
  return base;
}

// The case (a group of records) the next records belong to.
struct CaseState {
  std::uint64_t remaining = 0;
  std::uint64_t number = 0;  // 0: records outside any case
  std::int64_t day = 0;
  bool after_shift = false;
  std::size_t corridor = 0;
  std::size_t place = 0;
};

void StartCase(SimulationRandom &random, const DayRange &range, CaseState &state,
               std::uint64_t &cases_started) {
  state.day = DrawDay(random, range);
  state.after_shift = range.shift.has_value() && state.day >= *range.shift;
  const std::size_t corridor_count = SimulationCorridors().size();
  const bool after = state.after_shift;
  state.corridor =
      random.Pick(corridor_count, [after](std::size_t i) { return CorridorWeight(i, after); });
  const std::vector<RoutePlace> &places = SimulationCorridors()[state.corridor].places;
  state.place =
      random.Pick(places.size(), [&places](std::size_t i) { return places[i].rate_multiplier; });
  if (random.Uniform() < kCaseShare) {
    state.number = ++cases_started;
    state.remaining = 1 + random.Poisson(kCaseExtraMean);
  } else {
    state.number = 0;
    state.remaining = 1;
  }
}

void AppendFixed(std::string &line, double value, int decimals) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  line += buffer;
}

bool IsOpiate(std::string_view drug) {
  return drug == "heroin" || drug == "opium" || drug == "morphine";
}

// Appends one CSV row (no field needs quoting: no value holds a comma, quote or
// newline).
void AppendRow(SimulationRandom &random, const SimulationOptions &options, std::uint64_t row,
               const CaseState &state, std::string &line) {
  const Corridor &corridor = SimulationCorridors()[state.corridor];
  const RoutePlace &place = corridor.places[state.place];
  // Jitter: uniform in a disk of place.jitter_km around the place (radius
  // sqrt(u) * R).
  const double radius = place.jitter_km * std::sqrt(random.Uniform());
  const double angle = 2.0 * kPi * random.Uniform();
  const double lat = place.lat + radius * std::cos(angle) / kKmPerDegreeLat;
  const double lon = place.lon + radius * std::sin(angle) /
                                     (kKmPerDegreeLonAtEquator * std::cos(place.lat * kPi / 180));
  const WeightedTerm &drug = corridor.drugs[random.Pick(
      corridor.drugs.size(), [&corridor](std::size_t i) { return corridor.drugs[i].weight; })];
  const double quantity = std::max(0.001, drug.median_kg * std::exp(drug.sigma * random.Normal()));
  const std::size_t conveyance =
      random.Pick(corridor.conveyances.size(),
                  [&corridor](std::size_t i) { return corridor.conveyances[i].weight; });
  const std::string seed = std::to_string(options.seed);

  line.clear();
  line += "SIM-" + seed + "-" + std::to_string(row) + "," + DayText(state.day) + ",";
  line += std::string(place.name) + ",";
  AppendFixed(line, lat, 5);
  line += ",";
  AppendFixed(line, lon, 5);
  line += ",," + std::string(place.country_iso3) + "," + std::string(drug.term) + ",";
  AppendFixed(line, quantity, 3);
  line += ",kg,";
  line +=
      place.is_airport ? std::string("air") : std::string(corridor.conveyances[conveyance].term);
  line += ",,";  // concealment
  line += IsOpiate(drug.term) ? "AFG," : ",";
  line += std::string(corridor.departure_iso3) + "," + std::string(corridor.transit_iso3) + "," +
          std::string(corridor.destination_iso3) + ",synthetic,";
  if (state.number != 0) line += "SIM-" + seed + "-C" + std::to_string(state.number);
  line += ",true,ordo simulate seed=" + seed + ",";
  for (std::size_t i = 0; i < corridor.places.size(); ++i) {
    if (i != 0) line += ';';
    line += corridor.places[i].name;
  }
  line += "\n";
}

}  // namespace

Status ValidateSimulationOptions(const SimulationOptions &options) {
  auto range = ParseRange(options);
  if (!range) return range.error();
  return OkStatus();
}

Result<SimulationSummary> SimulateSeizures(const SimulationOptions &options, std::ostream &csv,
                                           const SimulationProgress &progress,
                                           std::uint64_t progress_every) {
  ORDO_TRY(range, ParseRange(options));
  const std::size_t corridor_count = SimulationCorridors().size();
  SimulationSummary summary;
  summary.before_shift.assign(corridor_count, 0);
  summary.after_shift.assign(corridor_count, 0);
  csv << "seizure_id,date,place,lat,lon,admin_region,country_iso3,drug,"
         "quantity,unit,conveyance,"
         "concealment,origin_iso3,departure_iso3,transit_iso3,destination_iso3,"
         "agency,case_id,"
         "synthetic,source,route\n";

  SimulationRandom random(options.seed);
  CaseState state;
  std::uint64_t cases_started = 0;
  std::string line;
  for (std::uint64_t row = 1; row <= options.count; ++row) {
    if (state.remaining == 0) StartCase(random, range, state, cases_started);
    --state.remaining;
    AppendRow(random, options, row, state, line);
    csv << line;
    ++(state.after_shift ? summary.after_shift : summary.before_shift)[state.corridor];
    if (progress_every != 0 && row % progress_every == 0) {
      if (!csv) return Unavailable("could not write the simulated seizures");
      if (progress) progress(row);
    }
  }
  summary.rows = options.count;
  csv.flush();
  if (!csv) return Unavailable("could not write the simulated seizures");
  return summary;
}

}  // namespace ordo::analytics
