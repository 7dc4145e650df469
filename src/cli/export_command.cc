// `ordo export ftm|graphml|gexf [--out FILE]`: the link analysis entities and links as a
// FollowTheMoney entity stream (analytics/ftm_export.h), GraphML or GEXF (graphml_export.h,
// gexf_export.h), to stdout or, through a temporary file renamed at the end, to FILE, so that a
// failed export never leaves a short file behind (a FILE that is a device or a pipe is written in
// place). Every export says its marking (the highest of the rows in it) on stderr and in the
// file (docs/compartments.md); --compartment C (repeatable) exports only those compartments.

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "analytics/ftm_export.h"
#include "analytics/gexf_export.h"
#include "analytics/graphml_export.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/compartment_flags.h"
#include "cli/link_store_access.h"

namespace ordo::cli {
namespace {

// What an export wrote, for its summary: "N entities and M links" and a note after the path.
struct Written {
  std::string counts;
  std::string note;  // "" or " (...)"
  Marking marking = Marking::kUnmarked;
  std::size_t records = 0;
};

// One export: writes the rows of the store the visibility sees to the stream and says what it
// wrote.
using Exporter =
    std::function<Result<Written>(storage::LinkStore&, std::ostream&, const Visibility&)>;

struct ExportFlags {
  std::string out_path;
  std::vector<std::string> compartments;
};

// Every export says its marking on stderr, whatever else it prints.
void TellMarking(CommandContext& context, const Written& written) {
  context.err() << MarkingNotice(written.marking, written.records) << "\n";
}

Status RunExport(CommandContext& context, const ExportFlags& flags, const Exporter& raw_exporter) {
  ORDO_TRY(visibility, ParseVisibilityFlag(flags.compartments));
  const std::string& out_path = flags.out_path;
  ORDO_TRY(opened, OpenLinkStore(context));
  storage::LinkStore* links = opened.links;
  const auto exporter = [&](storage::LinkStore& store, std::ostream& out) -> Result<Written> {
    ORDO_TRY(written, raw_exporter(store, out, visibility));
    TellMarking(context, written);
    return written;
  };
  if (out_path.empty()) {
    ORDO_TRY(summary, exporter(*links, context.out()));
    (void)summary;
    return OkStatus();
  }
  // A device or pipe (/dev/stdout, a FIFO) is written in place: renaming a file over it would
  // replace the device, and there is no short file to leave behind.
  std::error_code status_error;
  const std::filesystem::file_status status = std::filesystem::status(out_path, status_error);
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    std::ofstream device(out_path, std::ios::binary);
    if (!device) return Unavailable("cannot write " + out_path);
    ORDO_TRY(written, exporter(*links, device));
    device.flush();
    if (!device) return Unavailable("writing " + out_path + " failed");
    context.out() << "exported " << written.counts << " to " << out_path << written.note << "\n";
    return OkStatus();
  }
  const std::string partial = out_path + ".ordo-partial";
  Written summary;
  {
    std::ofstream file(partial, std::ios::binary | std::ios::trunc);
    if (!file) return Unavailable("cannot write " + partial);
    Result<Written> written = exporter(*links, file);
    if (written) file.flush();
    if (!written || !file) {
      file.close();
      std::remove(partial.c_str());
      if (!written) return written.error();
      return Unavailable("writing " + out_path + " failed; nothing was written");
    }
    summary = *written;
  }
  std::error_code error;
  std::filesystem::rename(partial, out_path, error);
  if (error) {
    std::remove(partial.c_str());
    return Unavailable("cannot write " + out_path + ": " + error.message());
  }
  context.out() << "exported " << summary.counts << " to " << out_path << summary.note << "\n";
  return OkStatus();
}

Result<Written> WriteFtm(storage::LinkStore& links, std::ostream& out,
                         const Visibility& visibility) {
  ORDO_TRY(counts, analytics::ExportFtm(links, out, visibility));
  return Written{std::to_string(counts.entities) + " entities and " +
                     std::to_string(counts.links) + " links",
                 " (" + std::to_string(counts.skipped) +
                     " shared nodes and holds links left out: the properties bring them back)",
                 counts.marking, counts.entities + counts.links + counts.skipped};
}

// The summary of a GraphML or GEXF export.
Written XmlSummary(const analytics::XmlExportCounts& counts) {
  Written summary{std::to_string(counts.entities) + " entities and " +
                      std::to_string(counts.links) + " links",
                  "", counts.marking, counts.entities + counts.links};
  if (counts.replaced_characters > 0) {
    summary.note = " (" + std::to_string(counts.replaced_characters) +
                   " characters XML cannot hold written as U+FFFD)";
  }
  return summary;
}

Result<Written> WriteGraphml(storage::LinkStore& links, std::ostream& out,
                             const Visibility& visibility) {
  ORDO_TRY(counts, analytics::ExportGraphml(links, out, visibility));
  return XmlSummary(counts);
}

Result<Written> WriteGexf(storage::LinkStore& links, std::ostream& out,
                          const Visibility& visibility) {
  ORDO_TRY(counts, analytics::ExportGexf(links, out, visibility));
  return XmlSummary(counts);
}

}  // namespace

void RegisterExportCommand(CLI::App& app, CommandContext& context) {
  CLI::App* export_command =
      app.add_subcommand("export", "Export the link analysis entities and links");
  export_command->require_subcommand(1);
  auto flags = std::make_shared<ExportFlags>();
  const std::tuple<const char*, const char*, Exporter> formats[] = {
      {"ftm", "As a FollowTheMoney entity stream (JSON lines), the inverse of `import ftm`",
       WriteFtm},
      {"graphml", "As GraphML (yEd, Gephi, networkx, igraph), the inverse of `import graphml`",
       WriteGraphml},
      {"gexf", "As GEXF 1.2 for Gephi, link dates as spells for its timeline", WriteGexf},
  };
  for (const auto& [name, description, exporter] : formats) {
    CLI::App* format = export_command->add_subcommand(name, description);
    format->add_option("--out", flags->out_path, "Write to this file instead of stdout");
    AddVisibilityFlag(*format, flags->compartments);
    format->callback([&context, flags, exporter = exporter] {
      context.Finish(RunExport(context, *flags, exporter));
    });
  }
}

}  // namespace ordo::cli
