// `ordo bulletin --period PERIOD [filters] [--html] [--out FILE]`: the seizure bulletin of a
// period (analytics/bulletin.h). `--format table|json` prints its tables; `--format csv` writes
// the exchange CSV (analytics/bulletin_export.h); `--html` the printable page.

#include <CLI/CLI.hpp>
#include <fstream>
#include <memory>
#include <string>

#include "analytics/bulletin.h"
#include "analytics/bulletin_export.h"
#include "cli/cells.h"
#include "cli/command_context.h"
#include "cli/compartment_flags.h"
#include "cli/commands.h"
#include "cli/seizure_flags.h"

namespace ordo::cli {
namespace {

struct BulletinFlags {
  SeizureFilterFlags filter;
  std::string period;
  bool html = false;
  std::string out;
};

std::vector<Cell> TallyCells(const analytics::BulletinTally& tally) {
  return {Count(tally.seizures),
          Count(tally.cases),
          tally.kg,
          Count(tally.without_kg),
          tally.largest_id.empty() ? Cell(std::monostate{}) : Cell(tally.largest_kg),
          TextOrMissing(tally.largest_id)};
}

std::vector<Column> TallyColumns(std::vector<Column> keys) {
  for (const char* name :
       {"seizures", "cases", "kg", "without_kg", "largest_kg", "largest_seizure_id"}) {
    keys.push_back({name});
  }
  return keys;
}

Report BulletinReport(const analytics::Bulletin& bulletin) {
  Section drugs{"by_drug", "By drug", TallyColumns({{"drug"}}), {}, false};
  for (const analytics::BulletinDrugRow& row : bulletin.by_drug) {
    std::vector<Cell> cells{std::string(DrugName(row.drug))};
    for (Cell& cell : TallyCells(row.tally)) cells.push_back(std::move(cell));
    drugs.rows.push_back(std::move(cells));
  }
  Section routes{"by_route",
                 "By route and drug",
                 TallyColumns({{"departure"}, {"destination"}, {"drug"}}),
                 {},
                 false};
  for (const analytics::BulletinRouteRow& row : bulletin.by_route) {
    std::vector<Cell> cells{row.departure, row.destination, std::string(DrugName(row.drug))};
    for (Cell& cell : TallyCells(row.tally)) cells.push_back(std::move(cell));
    routes.rows.push_back(std::move(cells));
  }
  auto groups = [](std::string id, std::string title, std::string key,
                   const std::vector<analytics::BulletinGroupRow>& rows) {
    Section section{std::move(id), std::move(title), TallyColumns({{std::move(key)}}), {}, false};
    for (const analytics::BulletinGroupRow& row : rows) {
      std::vector<Cell> cells{row.group};
      for (Cell& cell : TallyCells(row.tally)) cells.push_back(std::move(cell));
      section.rows.push_back(std::move(cells));
    }
    return section;
  };
  Report report{{std::move(drugs), std::move(routes),
                 groups("by_conveyance", "By conveyance", "conveyance", bulletin.by_conveyance),
                 groups("by_agency", "By agency", "agency", bulletin.by_agency)},
                {}};
  report.notes.push_back("period " + bulletin.period.text + ": " +
                         std::to_string(bulletin.total.seizures) + " seizure(s), " +
                         std::to_string(bulletin.total.cases) + " case(s)" +
                         (bulletin.synthetic ? "; SYNTHETIC records (ordo simulate)" : "") +
                         "; marking " + std::string(MarkingName(bulletin.marking)));
  return report;
}

Status RunBulletin(CommandContext& context, const BulletinFlags& flags) {
  Result<analytics::Period> period = analytics::ParsePeriod(flags.period);
  if (!period) return InvalidArgument("--period: " + period.error().message());
  ORDO_TRY(filter, ParseSeizureFilter(flags.filter));
  ORDO_TRY(format, context.Format());
  ORDO_TRY(store, OpenSeizureStore(context));
  ORDO_TRY(bulletin, analytics::ComputeBulletin(*store.seizures, filter, *period));

  std::ofstream file;
  if (!flags.out.empty()) {
    file.open(flags.out, std::ios::binary | std::ios::trunc);
    if (!file) return Unavailable("cannot write '" + flags.out + "'");
  }
  std::ostream& out = flags.out.empty() ? context.out() : file;
  if (flags.html) {
    analytics::WriteBulletinHtml(bulletin, out);
  } else if (format == OutputFormat::kCsv) {
    analytics::WriteBulletinCsv(bulletin, out);
  } else {
    WriteReport(out, BulletinReport(bulletin), format);
  }
  out.flush();
  if (!out) return Unavailable("could not write the bulletin");
  context.err() << MarkingNotice(bulletin.marking, bulletin.total.seizures) << "\n";
  return OkStatus();
}

}  // namespace

void RegisterBulletinCommand(CLI::App& app, CommandContext& context) {
  auto flags = std::make_shared<BulletinFlags>();
  CLI::App* command = app.add_subcommand(
      "bulletin", "Seizures of a period by drug, route, conveyance and agency (CSV or HTML)");
  command->add_option("--period", flags->period, "2024, 2024-01..2024-06, 2015..2019")->required();
  AddSeizureFilterFlags(*command, flags->filter);
  command->add_flag("--html", flags->html, "Write the printable HTML page");
  command->add_option("--out", flags->out, "Write to this file instead of standard output");
  command->callback([&context, flags] { context.Finish(RunBulletin(context, *flags)); });
}

}  // namespace ordo::cli
