#include "cli/link_import.h"

#include <CLI/CLI.hpp>

#include "analytics/ftm_import.h"
#include "cli/command_context.h"
#include "cli/exit_codes.h"
#include "cli/link_store_access.h"

namespace ordo::cli {

void AddFtmImportFlags(CLI::App& import, FtmImportFlags& flags) {
  import.add_option("--source", flags.source,
                    "ftm: where the file comes from (URL or citation); required");
  import.add_option("--case", flags.case_id, "ftm: the case every entity and link joins");
  import.add_flag("--synthetic", flags.synthetic, "ftm: the file is made up (labelled synthetic)");
  import.add_flag("--no-shared-nodes", flags.no_shared_nodes,
                  "ftm: do not turn phones, emails and identifiers into shared nodes");
}

void RunFtmImport(CommandContext& context, const std::string& path, const FtmImportFlags& flags) {
  auto opened = OpenLinkStore(context);
  if (!opened) return context.Fail(opened.error());
  analytics::FtmImportOptions options;
  options.source = flags.source;
  options.case_id = flags.case_id;
  options.synthetic = flags.synthetic;
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
