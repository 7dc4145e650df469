#pragma once
// Shared pieces of the seizure analysis commands (hotspots, trends): the
// --from/--to/--drug/
// --synthetic filter flags and opening the store as a SeizureStore.

#include <memory>
#include <string>
#include <vector>

#include "core/partial_date.h"
#include "core/result.h"
#include "storage/registry_store.h"
#include "storage/seizure_store.h"

namespace CLI {
class App;
}

namespace ordo::cli {

class CommandContext;

struct SeizureFilterFlags {
  std::string from;
  std::string to;
  std::string drug;
  std::string synthetic;  // "", "true" or "false"
  std::vector<std::string> compartments;  // --compartment, repeatable; empty: every one
};

// Adds --from, --to, --drug, --synthetic and --compartment to `command`, bound to `flags`
// (which must outlive it).
void AddSeizureFilterFlags(CLI::App& command, SeizureFilterFlags& flags);

// The filter the flags describe. Errors: kInvalidArgument for a bad date, drug,
// --synthetic or compartment name.
Result<storage::SeizureFilter> ParseSeizureFilter(const SeizureFilterFlags& flags);

// The store opened for a command, seen through both interfaces; `seizures`
// points into `registry` and lives as long as it.
struct OpenedSeizureStore {
  std::unique_ptr<storage::RegistryStore> registry;
  storage::SeizureStore* seizures = nullptr;
};

// Today's date (UTC), the latest a seizure may be dated.
PartialDate Today();

// Errors: those of CommandContext::OpenStore; kFailedPrecondition when the
// backend does not store seizures.
Result<OpenedSeizureStore> OpenSeizureStore(CommandContext& context);

}  // namespace ordo::cli
