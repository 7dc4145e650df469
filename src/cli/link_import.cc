#include "cli/link_import.h"

#include <CLI/CLI.hpp>

#include "analytics/ftm_import.h"
#include "analytics/graphml_import.h"
#include "analytics/link_csv_import.h"
#include "cli/command_context.h"
#include "cli/exit_codes.h"
#include "cli/link_store_access.h"
#include "storage/seizure_store.h"

namespace ordo::cli {

void AddFtmImportFlags(CLI::App& import, FtmImportFlags& flags) {
  import.add_option("--source", flags.source,
                    "ftm, graphml, links: where the file comes from (URL or citation); required");
  import.add_option("--case", flags.case_id, "ftm, graphml, links: the case every entity and link joins");
  import.add_flag("--synthetic", flags.synthetic,
                  "ftm, graphml, links: the file is made up (labelled synthetic)");
  import.add_flag("--no-shared-nodes", flags.no_shared_nodes,
                  "ftm: do not turn phones, emails and identifiers into shared nodes");
  import.add_option("--mapping", flags.mapping,
                    "links: the JSON column mapping (docs/formats.md); required");
  AddLabelFlags(import, flags.labels, kDefaultCompartment, "ftm, graphml, links: ");
}

namespace {

void ReportProblems(CommandContext& context, const std::vector<ingest::Diagnostic>& problems,
                    const std::string& path) {
  for (const ingest::Diagnostic& problem : problems) {
    context.err() << problem.ToString() << "\n";
  }
  context.FailWithStatus(kExitDataError, std::to_string(problems.size()) + " problem(s) in " +
                                             path + "; nothing was imported");
}

// The compartment and marking the flags give, and the seizures as a second store a case may be
// held in (a SQLite or PostgreSQL database holds both).
Result<analytics::ImportLabels> Labels(const FtmImportFlags& flags, const OpenedLinkStore& opened) {
  ORDO_TRY(labels, ParseLabelFlags(flags.labels, kDefaultCompartment));
  if (auto* seizures = dynamic_cast<storage::SeizureStore*>(opened.store.get())) {
    labels.other_stores.emplace_back(
        [seizures](const std::string& case_id) { return seizures->FindCaseCompartment(case_id); });
  }
  return labels;
}

}  // namespace

void RunGraphmlImport(CommandContext& context, const std::string& path,
                      const FtmImportFlags& flags) {
  auto opened = OpenLinkStore(context);
  if (!opened) return context.Fail(opened.error());
  analytics::GraphmlImportOptions options;
  options.source = flags.source;
  options.case_id = flags.case_id;
  options.synthetic = flags.synthetic;
  auto labels = Labels(flags, *opened);
  if (!labels) return context.Fail(labels.error());
  options.labels = std::move(*labels);
  auto outcome = analytics::ImportGraphmlFile(*opened->links, path, options);
  if (!outcome) return context.Fail(outcome.error());
  if (!outcome->problems.empty()) return ReportProblems(context, outcome->problems, path);
  context.out() << "imported " << outcome->entities_written << " entities and "
                << outcome->links_written << " links from " << path << "\n";
}

void RunFtmImport(CommandContext& context, const std::string& path, const FtmImportFlags& flags) {
  auto opened = OpenLinkStore(context);
  if (!opened) return context.Fail(opened.error());
  analytics::FtmImportOptions options;
  options.source = flags.source;
  options.case_id = flags.case_id;
  options.synthetic = flags.synthetic;
  auto labels = Labels(flags, *opened);
  if (!labels) return context.Fail(labels.error());
  options.labels = std::move(*labels);
  options.shared_nodes = !flags.no_shared_nodes;
  auto outcome = analytics::ImportFtmFile(*opened->links, path, options);
  if (!outcome) return context.Fail(outcome.error());
  if (!outcome->problems.empty()) {
    for (const ingest::Diagnostic& problem : outcome->problems) {
      context.err() << problem.ToString() << "\n";
    }
    return context.FailWithStatus(kExitDataError, std::to_string(outcome->problems.size()) +
                                                      " problem(s) in " + path +
                                                      "; nothing was imported");
  }
  context.out() << "imported " << outcome->entities_written << " entities, "
                << outcome->shared_nodes_written << " shared phone, email and identifier nodes and "
                << outcome->links_written << " links from " << path << "\n";
}

}  // namespace ordo::cli

namespace ordo::cli {

void RunLinksImport(CommandContext& context, const std::string& path, const FtmImportFlags& flags) {
  auto opened = OpenLinkStore(context);
  if (!opened) return context.Fail(opened.error());
  analytics::LinkCsvImportOptions options;
  options.mapping_path = flags.mapping;
  options.source = flags.source;
  options.case_id = flags.case_id;
  options.synthetic = flags.synthetic;
  auto labels = Labels(flags, *opened);
  if (!labels) return context.Fail(labels.error());
  options.labels = std::move(*labels);
  auto outcome = analytics::ImportLinkCsvFile(*opened->links, path, options);
  if (!outcome) return context.Fail(outcome.error());
  if (!outcome->problems.empty()) return ReportProblems(context, outcome->problems, path);
  context.out() << "imported " << outcome->links_written << " links and "
                << outcome->entities_written << " new entities from " << path << "\n";
}

}  // namespace ordo::cli
