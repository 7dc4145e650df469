// `ordo export ftm [--out FILE]`: the link analysis entities and links as a FollowTheMoney entity
// stream (analytics/ftm_export.h), to stdout or, through a temporary file renamed at the end, to
// FILE, so that a failed export never leaves a short file behind.

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "analytics/ftm_export.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/link_store_access.h"

namespace ordo::cli {
namespace {

Status RunExport(CommandContext& context, const std::string& out_path) {
  ORDO_TRY(opened, OpenLinkStore(context));
  storage::LinkStore* links = opened.links;
  if (out_path.empty()) {
    ORDO_TRY(counts, analytics::ExportFtm(*links, context.out()));
    (void)counts;
    return OkStatus();
  }
  const std::string partial = out_path + ".ordo-partial";
  analytics::FtmExportCounts counts;
  {
    std::ofstream file(partial, std::ios::binary | std::ios::trunc);
    if (!file) return Unavailable("cannot write " + partial);
    Result<analytics::FtmExportCounts> written = analytics::ExportFtm(*links, file);
    if (written) file.flush();
    if (!written || !file) {
      file.close();
      std::remove(partial.c_str());
      if (!written) return written.error();
      return Unavailable("writing " + out_path + " failed; nothing was written");
    }
    counts = *written;
  }
  std::error_code error;
  std::filesystem::rename(partial, out_path, error);
  if (error) {
    std::remove(partial.c_str());
    return Unavailable("cannot write " + out_path + ": " + error.message());
  }
  context.out() << "exported " << counts.entities << " entities and " << counts.links
                << " links to " << out_path << " (" << counts.skipped
                << " shared nodes and holds links left out: the properties bring them back)\n";
  return OkStatus();
}

}  // namespace

void RegisterExportCommand(CLI::App& app, CommandContext& context) {
  CLI::App* export_command =
      app.add_subcommand("export", "Export the link analysis entities and links");
  export_command->require_subcommand(1);
  auto out_path = std::make_shared<std::string>();
  CLI::App* ftm = export_command->add_subcommand(
      "ftm", "As a FollowTheMoney entity stream (JSON lines), the inverse of `import ftm`");
  ftm->add_option("--out", *out_path, "Write to this file instead of stdout");
  ftm->callback([&context, out_path] { context.Finish(RunExport(context, *out_path)); });
}

}  // namespace ordo::cli
