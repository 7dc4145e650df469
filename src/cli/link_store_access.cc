#include "cli/link_store_access.h"

#include "cli/command_context.h"
#include "cli/compartment_flags.h"

namespace ordo::cli {

Result<OpenedLinkStore> OpenLinkStore(CommandContext& context) {
  ORDO_TRY(store, context.OpenStore());
  auto* links = dynamic_cast<storage::LinkStore*>(store.get());
  if (links == nullptr) {
    return FailedPrecondition("this database backend does not store link analysis");
  }
  return OpenedLinkStore{std::move(store), links};
}

Result<analytics::LinkGraph> LoadVisibleLinkGraph(CommandContext& context) {
  ORDO_TRY(visibility, ParseVisibilityFlag(context.options().graph_compartments));
  ORDO_TRY(opened, OpenLinkStore(context));
  ORDO_TRY(links, analytics::BuildLinkGraph(*opened.links, visibility));
  context.err() << MarkingNotice(analytics::HighestMarking(links),
                                 links.graph.NodeCount() + links.graph.EdgeCount())
                << "\n";
  return links;
}

}  // namespace ordo::cli
