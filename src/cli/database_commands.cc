// `ordo init`, `ordo summary` and `ordo import KIND FILE` (CSV kinds here, ftm in link_import).

#include <CLI/CLI.hpp>
#include <filesystem>

#include "analytics/registry_import.h"
#include "analytics/un_coverage.h"
#include "analytics/registry_view.h"
#include "cli/cells.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/link_import.h"

namespace ordo::cli {
namespace {

Status RunInit(CommandContext& context) {
  const std::string path = context.DatabasePath();
  std::error_code error;
  if (!IsDatabaseUri(path) && std::filesystem::exists(path, error)) {
    return AlreadyExists("database already exists: " + path);
  }
  ORDO_RETURN_IF_ERROR(context.CreateSeededDatabase(path));
  context.out() << "created " << path << " from " << context.DataDir() << "\n";
  return OkStatus();
}

Status RunSummary(CommandContext& context) {
  ORDO_TRY(store, context.OpenStore());
  ORDO_TRY(counts, store->Counts());
  ORDO_TRY(directory, analytics::LoadCountryDirectory(*store));
  ORDO_TRY(coverage, analytics::ComputeUnCoverage(*store, directory));
  Section section{"summary", "Ordo registry", {{"key"}, {"value"}}, {}, true};
  section.rows = {Field("database", context.DatabasePath()),
                  Field("countries", Count(counts.countries)),
                  Field("diplomatic_relations", Count(counts.relations)),
                  Field("un_members_with_relations",
                        std::to_string(coverage.with_relations.size()) + " of " +
                            std::to_string(coverage.un_members - 1) + " (Kyrgyzstan excluded)"),
                  Field("memberships", Count(counts.memberships)),
                  Field("trade_figures", Count(counts.trade_flows)),
                  Field("drug_trade_facts", Count(counts.drug_facts)),
                  Field("places", Count(counts.places))};
  context.Print(Report{{std::move(section)}, {}});
  return OkStatus();
}

void RunImport(CommandContext& context, const std::string& kind_text, const std::string& path) {
  auto kind = analytics::ParseImportKind(kind_text);
  if (!kind) return context.Fail(kind.error());
  auto store = context.OpenStore();
  if (!store) return context.Fail(store.error());
  auto outcome = analytics::ImportRegistryFile(**store, *kind, path);
  if (!outcome) return context.Fail(outcome.error());
  if (!outcome->problems.empty()) {
    for (const ingest::Diagnostic& problem : outcome->problems) {
      context.err() << problem.ToString() << "\n";
    }
    return context.FailWithStatus(
        kExitDataError, std::to_string(outcome->problems.size()) + " problem(s) in " + path +
                            "; nothing was imported");
  }
  context.out() << "imported " << outcome->rows_written << " row(s) from " << path << "\n";
}

}  // namespace

void RegisterDatabaseCommands(CLI::App& app, CommandContext& context) {
  app.add_subcommand("init", "Create a database from the bundled data (at --db or the default)")
      ->callback([&context] { context.Finish(RunInit(context)); });
  app.add_subcommand("summary", "What the database holds")
      ->callback([&context] { context.Finish(RunSummary(context)); });

  auto kind = std::make_shared<std::string>();
  auto path = std::make_shared<std::string>();
  auto ftm = std::make_shared<FtmImportFlags>();
  CLI::App* import = app.add_subcommand(
      "import", "Import a file: all rows or, if any row is bad, none (see docs/formats.md)");
  import
      ->add_option("kind", *kind,
                   "relations, memberships, trade, facts or places (CSV), ftm (FollowTheMoney "
                   "entities, JSON lines), graphml, or links (CSV with --mapping)")
      ->required()
      ->check(CLI::IsMember({"relations", "memberships", "trade", "facts", "places", "ftm",
                                  "graphml", "links"}));
  import->add_option("file", *path, "the file")->required();
  AddFtmImportFlags(*import, *ftm);
  import->callback([&context, kind, path, ftm] {
    if (*kind == "ftm") return RunFtmImport(context, *path, *ftm);
    if (*kind == "graphml") return RunGraphmlImport(context, *path, *ftm);
    if (*kind == "links") return RunLinksImport(context, *path, *ftm);
    RunImport(context, *kind, *path);
  });
}

}  // namespace ordo::cli
