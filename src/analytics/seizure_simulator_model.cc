// The simulator's model (corridors, weights, seasonality) and the ground-truth
// JSON writer. Every number here is an assumption for synthetic data, not a
// measurement; docs/cli.md lists them.

#include <cstdio>
#include <string>

#include "analytics/seizure_simulator.h"

namespace ordo::analytics {
namespace {

// Coordinates as in data/reference/route_places.csv (sources there). Ak-Zhol has no sourced
// coordinates, so no record is placed there.
constexpr RoutePlace kKhorog{"Khorog", "TJK", 37.49167, 71.55583, 5.0, 1.0, false};
constexpr RoutePlace kMurghab{"Murghab", "TJK", 38.17023, 73.96674, 3.0, 1.0, false};
constexpr RoutePlace kSaryTash{"Sary-Tash", "KGZ", 39.73, 73.25, 3.0, 1.0, false};
constexpr RoutePlace kOsh{"Osh", "KGZ", 40.53, 72.8, 5.0, 1.0, false};
constexpr RoutePlace kBatken{"Batken", "KGZ", 40.067, 70.833, 3.0, 1.0, false};
constexpr RoutePlace kJalalAbad{"Jalal-Abad", "KGZ", 40.93333, 73.0, 4.0, 1.0, false};
constexpr RoutePlace kKaraBalta{"Kara-Balta", "KGZ", 42.81423, 73.84813, 3.0, 1.0, false};
constexpr RoutePlace kBishkek{"Bishkek", "KGZ", 42.87472, 74.61222, 6.0, 1.0, false};
constexpr RoutePlace kManas{
    "Manas International Airport", "KGZ", 43.061306, 74.477556, 1.0, 1.0, true};
constexpr RoutePlace kTorugart{
    "Torugart Pass border crossing", "KGZ", 40.5925, 75.42722, 1.0, 1.0, false};
constexpr RoutePlace kMoscow{"Moscow", "RUS", 55.75222, 37.61556, 8.0, 1.0, false};
constexpr RoutePlace kAlmaty{"Almaty", "KAZ", 43.25667, 76.92861, 6.0, 1.0, false};

RoutePlace Hotspot(RoutePlace place, double multiplier) {
  place.rate_multiplier = multiplier;
  return place;
}

std::vector<Corridor> BuildCorridors() {
  return {
      {"pamir_north",
       0.5,
       {kKhorog, kMurghab, kSaryTash, Hotspot(kOsh, 3.0), kBishkek, kAlmaty, kMoscow},
       {{"heroin", 0.50, 1.5, 1.2},
        {"opium", 0.30, 4.0, 1.1},
        {"cannabis_resin", 0.15, 2.5, 1.2},
        {"methamphetamine", 0.05, 0.4, 1.3}},
       {{"vehicle", 0.50, 0, 0}, {"truck", 0.35, 0, 0}, {"foot", 0.15, 0, 0}},
       "TJK",
       "KGZ;KAZ",
       "RUS"},
      {"fergana_bishkek",
       0.3,
       {kBatken, kOsh, kJalalAbad, Hotspot(kKaraBalta, 2.5), kBishkek, kManas},
       {{"heroin", 0.35, 1.5, 1.2},
        {"cannabis_resin", 0.25, 2.5, 1.2},
        {"cannabis_herb", 0.20, 6.0, 1.3},
        {"opium", 0.10, 4.0, 1.1},
        {"methamphetamine", 0.10, 0.4, 1.3}},
       {{"vehicle", 0.60, 0, 0}, {"truck", 0.25, 0, 0}, {"foot", 0.15, 0, 0}},
       "TJK",
       "KGZ",
       "RUS"},
      {"torugart_north",
       0.2,
       {kTorugart, kBishkek, kAlmaty},
       {{"precursors", 0.40, 150.0, 1.0},
        {"methamphetamine", 0.30, 0.4, 1.3},
        {"synthetic_cathinones", 0.20, 0.2, 1.2},
        {"cannabis_herb", 0.10, 6.0, 1.3}},
       {{"truck", 0.70, 0, 0}, {"vehicle", 0.30, 0, 0}},
       "CHN",
       "KGZ",
       "KAZ"},
  };
}

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

std::string Quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

void WriteCorridor(const Corridor &corridor, std::ostream &json) {
  json << "    {\"id\": " << Quoted(corridor.id)
       << ", \"base_share\": " << Number(corridor.base_share)
       << ", \"departure_iso3\": " << Quoted(corridor.departure_iso3)
       << ", \"transit_iso3\": " << Quoted(corridor.transit_iso3)
       << ", \"destination_iso3\": " << Quoted(corridor.destination_iso3)
       << ",\n     \"places\": [";
  for (std::size_t i = 0; i < corridor.places.size(); ++i) {
    const RoutePlace &place = corridor.places[i];
    json << (i == 0 ? "" : ", ") << "{\"name\": " << Quoted(place.name)
         << ", \"country_iso3\": " << Quoted(place.country_iso3)
         << ", \"lat\": " << Number(place.lat) << ", \"lon\": " << Number(place.lon)
         << ", \"jitter_km\": " << Number(place.jitter_km)
         << ", \"rate_multiplier\": " << Number(place.rate_multiplier) << "}";
  }
  json << "],\n     \"drugs\": [";
  for (std::size_t i = 0; i < corridor.drugs.size(); ++i) {
    const WeightedTerm &drug = corridor.drugs[i];
    json << (i == 0 ? "" : ", ") << "{\"drug\": " << Quoted(drug.term)
         << ", \"weight\": " << Number(drug.weight) << ", \"median_kg\": " << Number(drug.median_kg)
         << ", \"sigma_ln_kg\": " << Number(drug.sigma) << "}";
  }
  json << "],\n     \"conveyances\": [";
  for (std::size_t i = 0; i < corridor.conveyances.size(); ++i) {
    json << (i == 0 ? "" : ", ") << "{\"conveyance\": " << Quoted(corridor.conveyances[i].term)
         << ", \"weight\": " << Number(corridor.conveyances[i].weight) << "}";
  }
  json << "]}";
}

void WriteCounts(const std::vector<std::uint64_t> &counts, std::ostream &json) {
  const std::vector<Corridor> &corridors = SimulationCorridors();
  json << "{";
  for (std::size_t i = 0; i < corridors.size(); ++i) {
    json << (i == 0 ? "" : ", ") << Quoted(corridors[i].id) << ": " << counts.at(i);
  }
  json << "}";
}

}  // namespace

const std::vector<Corridor> &SimulationCorridors() {
  static const std::vector<Corridor> corridors = BuildCorridors();
  return corridors;
}

const std::vector<double> &SimulationMonthWeights() {
  // Assumption: more traffic from late spring to autumn (after the Afghan opium
  // harvest, with the Pamir passes open), less in winter.
  static const std::vector<double> weights = {0.6, 0.6, 0.7, 0.8, 1.0, 1.2,
                                              1.4, 1.4, 1.3, 1.1, 0.8, 0.7};
  return weights;
}

Status WriteSimulationTruth(const SimulationOptions &options, const SimulationSummary &summary,
                            std::ostream &json) {
  const std::vector<Corridor> &corridors = SimulationCorridors();
  json << "{\n  \"synthetic\": true,\n  \"generator\": \"ordo simulate\",\n"
       << "  \"parameters\": {\"count\": " << options.count << ", \"seed\": " << options.seed
       << ", \"from\": " << Quoted(options.from) << ", \"to\": " << Quoted(options.to) << "},\n"
       << "  \"month_weights\": [";
  const std::vector<double> &months = SimulationMonthWeights();
  for (std::size_t i = 0; i < months.size(); ++i) json << (i == 0 ? "" : ", ") << Number(months[i]);
  json << "],\n  \"cases\": {\"case_share\": " << Number(kCaseShare)
       << ", \"extra_records_poisson_mean\": " << Number(kCaseExtraMean) << "},\n  \"shift\": ";
  if (options.shift_date.empty()) {
    json << "null";
  } else {
    json << "{\"date\": " << Quoted(options.shift_date) << ", \"share\": " << Number(kShiftShare)
         << ", \"from_corridor\": " << Quoted(corridors[0].id)
         << ", \"to_corridor\": " << Quoted(corridors[1].id) << "}";
  }
  json << ",\n  \"corridors\": [\n";
  for (std::size_t i = 0; i < corridors.size(); ++i) {
    WriteCorridor(corridors[i], json);
    json << (i + 1 < corridors.size() ? ",\n" : "\n");
  }
  json << "  ],\n  \"hotspots\": [";
  bool first = true;
  for (const Corridor &corridor : corridors) {
    for (const RoutePlace &place : corridor.places) {
      if (place.rate_multiplier <= 1.0) continue;
      json << (first ? "" : ", ") << "{\"place\": " << Quoted(place.name)
           << ", \"corridor\": " << Quoted(corridor.id)
           << ", \"rate_multiplier\": " << Number(place.rate_multiplier) << "}";
      first = false;
    }
  }
  json << "],\n  \"counts\": {\"rows\": " << summary.rows << ", \"before_shift\": ";
  WriteCounts(summary.before_shift, json);
  json << ", \"after_shift\": ";
  WriteCounts(summary.after_shift, json);
  json << "}\n}\n";
  json.flush();
  if (!json) return Unavailable("could not write the simulation truth file");
  return OkStatus();
}

}  // namespace ordo::analytics
