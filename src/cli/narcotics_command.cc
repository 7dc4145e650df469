// `ordo narcotics import cultivation|prices FILE`, `ordo narcotics cultivation` and `ordo
// narcotics prices`: cultivation and eradication records and drug prices (docs/formats.md,
// "Cultivation and eradication" and "Drug prices and purity"; docs/cli.md).

#include <CLI/CLI.hpp>
#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "analytics/cultivation_import.h"
#include "analytics/price_import.h"
#include "cli/cells.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/seizure_flags.h"
#include "storage/narcotics_record_store.h"

namespace ordo::cli {
namespace {

// The store opened for a command, seen as a NarcoticsRecordStore; `records` points into
// `registry` and lives as long as it.
struct OpenedRecordStore {
  std::unique_ptr<storage::RegistryStore> registry;
  storage::NarcoticsRecordStore* records = nullptr;
};

Result<OpenedRecordStore> OpenRecordStore(CommandContext& context) {
  ORDO_TRY(store, context.OpenStore());
  auto* records = dynamic_cast<storage::NarcoticsRecordStore*>(store.get());
  if (records == nullptr) {
    return FailedPrecondition("this database backend does not store cultivation or price records");
  }
  return OpenedRecordStore{std::move(store), records};
}

struct ImportFlags {
  std::string kind;  // "cultivation" or "prices"
  std::string path;
};

// Prints the problems and fails with kExitDataError, or prints what was written.
template <typename Outcome>
void ReportImport(CommandContext& context, const Outcome& outcome, const std::string& path,
                  std::string_view what) {
  if (!outcome.problems.empty()) {
    for (const ingest::Diagnostic& problem : outcome.problems) {
      context.err() << problem.ToString() << "\n";
    }
    context.FailWithStatus(kExitDataError, std::to_string(outcome.problems.size()) +
                                               " problem(s) in " + path + "; nothing was imported");
    return;
  }
  context.out() << "imported " << outcome.rows_written << " " << what << " record(s) from " << path
                << " (" << outcome.synthetic_rows << " synthetic)\n";
}

Status RunImport(CommandContext& context, const ImportFlags& flags) {
  ORDO_TRY(stores, OpenRecordStore(context));
  if (flags.kind == "cultivation") {
    ingest::CultivationReadOptions options;
    options.current_year = Today().year();
    ORDO_TRY(outcome, analytics::ImportCultivationFile(*stores.registry, *stores.records,
                                                       flags.path, options));
    ReportImport(context, outcome, flags.path, "cultivation");
    return OkStatus();
  }
  ingest::PriceReadOptions options;
  options.today = Today();
  ORDO_TRY(outcome,
           analytics::ImportPriceFile(*stores.registry, *stores.records, flags.path, options));
  ReportImport(context, outcome, flags.path, "price");
  return OkStatus();
}

struct CultivationFlags {
  std::string country;
  std::string crop;
  std::optional<int> from;
  std::optional<int> to;
};

Result<storage::CultivationFilter> ParseFilter(const CultivationFlags& flags) {
  storage::CultivationFilter filter;
  filter.from_year = flags.from;
  filter.to_year = flags.to;
  if (!flags.country.empty()) {
    ORDO_TRY(country, CountryCode::Parse(flags.country));
    filter.country = std::move(country);
  }
  if (!flags.crop.empty()) {
    ORDO_TRY(crop, ParseCrop(flags.crop));
    filter.crop = crop;
  }
  return filter;
}

// One line of the cultivation table: the cultivated and eradicated figures one source gives for
// a year, country, region and crop, real and synthetic apart. Figures of different sources are
// never added together.
struct CultivationLine {
  std::optional<double> cultivated;
  std::optional<double> eradicated;
  std::string note;
};

using CultivationLineKey = std::tuple<int, std::string, std::string, Crop, std::string, bool>;

std::map<CultivationLineKey, CultivationLine> CultivationLines(
    const std::vector<CultivationRecord>& records) {
  std::map<CultivationLineKey, CultivationLine> lines;
  for (const CultivationRecord& record : records) {
    CultivationLine& line = lines[{record.year, record.country.str(), record.region, record.crop,
                                   record.source, record.synthetic}];
    std::optional<double>& figure =
        record.kind == CultivationKind::kCultivated ? line.cultivated : line.eradicated;
    figure = record.hectares;
    if (!record.note.empty()) line.note += (line.note.empty() ? "" : "; ") + record.note;
  }
  return lines;
}

Status RunCultivation(CommandContext& context, const CultivationFlags& flags) {
  ORDO_TRY(filter, ParseFilter(flags));
  ORDO_TRY(stores, OpenRecordStore(context));
  ORDO_TRY(records, stores.records->ListCultivation(filter));
  Section section{"cultivation", "", {}, {}, false};
  section.columns = {{"year"},      {"country_iso3"},  {"region"},
                     {"crop"},      {"cultivated_ha"}, {"eradicated_ha"},
                     {"synthetic"}, {"source"},        {"note", true}};
  for (const auto& [key, line] : CultivationLines(records)) {
    const auto& [year, country, region, crop, source, synthetic] = key;
    section.rows.push_back({static_cast<std::int64_t>(year), country, TextOrMissing(region),
                            std::string(CropName(crop)), OptionalCell(line.cultivated),
                            OptionalCell(line.eradicated), synthetic, TextOrMissing(source),
                            TextOrMissing(line.note)});
  }
  Report report{{std::move(section)}, {}};
  report.notes.push_back(std::to_string(records.size()) +
                         " record(s); each source on its own line, never added to another; "
                         "unknown = not reported");
  context.Print(report);
  return OkStatus();
}

struct PriceFlags {
  std::string drug;
  std::string country;
  std::string from;
  std::string to;
};

Result<storage::PriceFilter> ParseFilter(const PriceFlags& flags) {
  storage::PriceFilter filter;
  if (!flags.drug.empty()) {
    ORDO_TRY(drug, ParseDrug(flags.drug));
    filter.drug = drug;
  }
  if (!flags.country.empty()) {
    ORDO_TRY(country, CountryCode::Parse(flags.country));
    filter.country = std::move(country);
  }
  if (!flags.from.empty()) {
    ORDO_TRY(from, PartialDate::Parse(flags.from));
    filter.from = from;
  }
  if (!flags.to.empty()) {
    ORDO_TRY(to, PartialDate::Parse(flags.to));
    filter.to = to;
  }
  return filter;
}

Status RunPrices(CommandContext& context, const PriceFlags& flags) {
  ORDO_TRY(filter, ParseFilter(flags));
  ORDO_TRY(stores, OpenRecordStore(context));
  ORDO_TRY(records, stores.records->ListPrices(filter));
  // Listed by drug, level, currency and unit first, so that prices that may be compared stand
  // together; nothing is averaged or converted.
  std::stable_sort(records.begin(), records.end(), [](const PriceRecord& a, const PriceRecord& b) {
    auto group = [](const PriceRecord& record) {
      return std::tuple(record.drug, record.level, record.currency, record.unit);
    };
    if (group(a) != group(b)) return group(a) < group(b);
    return SortsBefore(a.date, b.date);
  });
  Section section{"prices", "", {}, {}, false};
  section.columns = {{"drug"},           {"level"},     {"date"},     {"country_iso3"},
                     {"place"},          {"price"},     {"currency"}, {"per"},
                     {"purity_percent"}, {"synthetic"}, {"source"}};
  for (const PriceRecord& record : records) {
    section.rows.push_back(
        {std::string(DrugName(record.drug)), std::string(PriceLevelName(record.level)),
         record.date.ToString(), record.country.str(), TextOrMissing(record.place), record.price,
         record.currency, std::string(PriceUnitName(record.unit)),
         OptionalCell(record.purity_percent), record.synthetic, TextOrMissing(record.source)});
  }
  Report report{{std::move(section)}, {}};
  report.notes.push_back(std::to_string(records.size()) +
                         " price(s) in the currency reported; none converted or averaged");
  context.Print(report);
  return OkStatus();
}

}  // namespace

void RegisterNarcoticsCommands(CLI::App& app, CommandContext& context) {
  CLI::App* narcotics = app.add_subcommand(
      "narcotics", "Cultivation and eradication records, drug prices and purity");
  narcotics->require_subcommand(1);

  auto import_flags = std::make_shared<ImportFlags>();
  CLI::App* import = narcotics->add_subcommand(
      "import", "Import a cultivation or price file: all rows or, if any row is bad, none");
  import->add_option("kind", import_flags->kind, "cultivation or prices")
      ->required()
      ->check(CLI::IsMember({"cultivation", "prices"}));
  import->add_option("file", import_flags->path, "CSV file (docs/formats.md)")->required();
  import->callback(
      [&context, import_flags] { context.Finish(RunImport(context, *import_flags));
});

auto cultivation_flags = std::make_shared<CultivationFlags>();
CLI::App* cultivation = narcotics->add_subcommand(
    "cultivation", "Hectares cultivated and eradicated per year, country, region and crop");
cultivation->add_option("--country", cultivation_flags->country, "ISO alpha-3 code");
cultivation->add_option("--crop", cultivation_flags->crop, "opium_poppy, cannabis, coca or other");
cultivation->add_option("--from", cultivation_flags->from, "First year");
cultivation->add_option("--to", cultivation_flags->to, "Last year");
cultivation->callback([&context, cultivation_flags] {
  context.Finish(RunCultivation(context, *cultivation_flags));
});

auto price_flags = std::make_shared<PriceFlags>();
CLI::App* prices = narcotics->add_subcommand(
    "prices", "Drug prices and purity, in the currency and at the level reported");
prices->add_option("--drug", price_flags->drug, "Drug name or synonym");
prices->add_option("--country", price_flags->country, "ISO alpha-3 code");
prices->add_option("--from", price_flags->from, "First date: YYYY, YYYY-MM or YYYY-MM-DD");
prices->add_option("--to", price_flags->to, "Last date: YYYY, YYYY-MM or YYYY-MM-DD");
prices->callback([&context, price_flags] { context.Finish(RunPrices(context, *price_flags)); });
}  // namespace ordo::cli

}  // namespace ordo::cli
