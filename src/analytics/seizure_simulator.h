#pragma once
// SimulateSeizures: a seeded generator of synthetic seizure records along
// Northern Route corridors, written as Ordo's seizure CSV (docs/formats.md,
// "Seizures"), plus the ground truth (corridors, shift, planted hotspots) as
// JSON. Every model parameter is an assumption; they are listed in docs/cli.md
// ("simulate") and in the truth file.

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace ordo::analytics {

inline constexpr std::uint64_t kMaxSimulatedSeizures = 10'000'000;

struct SimulationOptions {
  std::uint64_t count = 0;  // rows to write, 1 to kMaxSimulatedSeizures
  std::uint64_t seed = 1;
  std::string from = "2015-01-01";  // first day, YYYY-MM-DD
  std::string to = "2024-12-31";    // last day, YYYY-MM-DD, not before `from`
  // From this day on (YYYY-MM-DD, after `from`, not after `to`), kShiftShare of
  // the records that would fall on the first corridor fall on the second
  // instead. Empty: no shift.
  std::string shift_date;
};

// The documented share of first-corridor records moved to the second corridor
// after the shift.
inline constexpr double kShiftShare = 0.5;

// A record opens a case with this probability; the case then holds 1 +
// Poisson(kCaseExtraMean) records that share the day, corridor and place.
inline constexpr double kCaseShare = 0.3;
inline constexpr double kCaseExtraMean = 2.0;

// A place of a corridor. Coordinates come from data/reference/route_places.csv.
struct RoutePlace {
  std::string_view name;
  std::string_view country_iso3;
  double lat = 0;
  double lon = 0;
  double jitter_km = 0;          // records land uniformly in a disk of this radius
  double rate_multiplier = 1.0;  // > 1: a planted hotspot
  bool is_airport = false;
};

// A term with a weight; for drugs also the log-normal quantity model (median
// and sigma of ln kg).
struct WeightedTerm {
  std::string_view term;
  double weight = 0;
  double median_kg = 0;
  double sigma = 0;
};

struct Corridor {
  std::string_view id;
  double base_share = 0;  // share of records before the shift
  std::vector<RoutePlace> places;
  std::vector<WeightedTerm> drugs;
  std::vector<WeightedTerm> conveyances;  // airports always give "air"
  std::string_view departure_iso3;
  std::string_view transit_iso3;  // ';'-separated
  std::string_view destination_iso3;
};

// The corridors the simulator uses, in a fixed order (index 0 is "the first
// corridor").
const std::vector<Corridor> &SimulationCorridors();

// The documented seasonality: relative weight of each month, January first.
const std::vector<double> &SimulationMonthWeights();

// Rows written per corridor, before and after the shift date (all "before"
// without a shift).
struct SimulationSummary {
  std::uint64_t rows = 0;
  std::vector<std::uint64_t> before_shift;  // indexed like SimulationCorridors()
  std::vector<std::uint64_t> after_shift;
};

// Checks the options. kInvalidArgument for a count
// outside 1..kMaxSimulatedSeizures, a malformed or impossible date, `to` before
// `from`, or a shift date outside (from, to].
Status ValidateSimulationOptions(const SimulationOptions &options);

// Called every `progress_every` rows with the number of rows written so far.
using SimulationProgress = std::function<void(std::uint64_t rows_written)>;

// Writes the header and `options.count` rows to `csv`, streaming (memory does
// not grow with the count). The same options give byte-identical output on
// every platform with IEEE-754 doubles and a correctly rounded libm (see
// docs/cli.md for the algorithm). Errors: those of ValidateSimulationOptions;
// kUnavailable when the stream fails.
Result<SimulationSummary> SimulateSeizures(const SimulationOptions &options, std::ostream &csv,
                                           const SimulationProgress &progress = {},
                                           std::uint64_t progress_every = 1'000'000);

// Writes the ground truth: options, corridors with places and weights, the
// shift date and share, the planted hotspots and the per-corridor counts of
// `summary`. kUnavailable when the stream fails.
Status WriteSimulationTruth(const SimulationOptions &options, const SimulationSummary &summary,
                            std::ostream &json);

}  // namespace ordo::analytics
