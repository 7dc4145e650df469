// `ordo hotspots [--from D --to D --drug X --synthetic true|false --cell-km N
// --band-km N
// --weight kg|count --top N]`: Getis-Ord Gi* hotspots of seizures with
// coordinates (analytics/hotspot_report.h, docs/geo.md).

#include <CLI/CLI.hpp>
#include <memory>
#include <sstream>
#include <string>

#include "analytics/hotspot_report.h"
#include "cli/cells.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/seizure_flags.h"

namespace ordo::cli {
namespace {

struct HotspotFlags {
  SeizureFilterFlags filter;
  double cell_km = 10.0;
  double band_km = 20.0;
  std::string weight = "kg";
  std::size_t top = 20;
};

std::string KmText(double km) {
  std::ostringstream text;
  text << km;
  return text.str();
}

Status RunHotspots(CommandContext& context, const HotspotFlags& flags) {
  analytics::HotspotOptions options;
  ORDO_TRY(filter, ParseSeizureFilter(flags.filter));
  options.filter = std::move(filter);
  options.cell_size_km = flags.cell_km;
  options.band_km = flags.band_km;
  options.top = flags.top;
  if (flags.weight == "count") {
    options.weight = analytics::HotspotWeight::kCount;
  } else if (flags.weight != "kg") {
    return InvalidArgument("--weight takes kg or count, not '" + flags.weight + "'");
  }
  ORDO_TRY(store, OpenSeizureStore(context));
  ORDO_TRY(hotspots, analytics::ComputeHotspots(*store.seizures, options));

  Section section{"hotspots", "", {}, {}, false};
  section.columns = {{"lat"}, {"lon"}, {"z"}, {"p"}, {"seizures"}, {"kg"}, {"density"}};
  for (const analytics::HotspotCell& cell : hotspots.cells) {
    section.rows.push_back({cell.centre_lat_deg, cell.centre_lon_deg, cell.z, cell.p,
                            Count(cell.seizures), cell.kg, cell.density});
  }
  Report report{{std::move(section)}, {}};
  report.notes.push_back(
      std::to_string(hotspots.rows_matched) + " matching seizure(s); " +
      std::to_string(hotspots.rows_without_coordinates) +
      " without coordinates (not scored); grid " + std::to_string(hotspots.grid_rows) + " x " +
      std::to_string(hotspots.grid_cols) + " cells of " + KmText(flags.cell_km) + " km");
  if (hotspots.rows_without_kg > 0 && options.weight == analytics::HotspotWeight::kKilograms) {
    report.notes.push_back(std::to_string(hotspots.rows_without_kg) +
                           " located seizure(s) without kg weigh 0; --weight count counts them");
  }
  context.Print(report);
  if (hotspots.rows_without_coordinates > 0) {
    context.err() << "hotspots: " << hotspots.rows_without_coordinates
                  << " matching seizure(s) have no coordinates and are not scored\n";
  }
  return OkStatus();
}

}  // namespace

void RegisterHotspotsCommand(CLI::App& app, CommandContext& context) {
  auto flags = std::make_shared<HotspotFlags>();
  CLI::App* command =
      app.add_subcommand("hotspots", "Getis-Ord Gi* hotspots of seizures on a km grid");
  AddSeizureFilterFlags(*command, flags->filter);
  command->add_option("--cell-km", flags->cell_km, "Grid cell side in km")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command->add_option("--band-km", flags->band_km, "Gi* neighbourhood distance band in km")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command->add_option("--weight", flags->weight, "kg or count")->capture_default_str();
  command->add_option("--top", flags->top, "Cells to print, highest z first; 0 = all")
      ->capture_default_str();
  command->callback([&context, flags] { context.Finish(RunHotspots(context, *flags)); });
}

}  // namespace ordo::cli
