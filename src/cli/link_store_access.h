#pragma once
// OpenLinkStore: the store a link analysis command (`import ftm`, `export ftm`, `graph`) works on,
// seen as a LinkStore.

#include <memory>

#include "analytics/link_graph.h"
#include "core/result.h"
#include "storage/link_store.h"
#include "storage/registry_store.h"

namespace ordo::cli {

class CommandContext;

// `links` points into `store` and lives as long as it.
struct OpenedLinkStore {
  std::unique_ptr<storage::RegistryStore> store;
  storage::LinkStore* links = nullptr;
};

// Errors: those of CommandContext::OpenStore; kFailedPrecondition when the backend does not store
// link analysis.
Result<OpenedLinkStore> OpenLinkStore(CommandContext& context);

// The graph of the compartments `ordo graph --compartment` names (every one by default), for the
// `ordo graph` commands; says the graph's marking (the highest of its rows) on stderr, since
// whatever the command prints is derived from them. Errors: as OpenLinkStore; kInvalidArgument for
// a bad compartment name.
Result<analytics::LinkGraph> LoadVisibleLinkGraph(CommandContext& context);

}  // namespace ordo::cli
