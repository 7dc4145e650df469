#include "cli/link_store_access.h"

#include "cli/command_context.h"

namespace ordo::cli {

Result<OpenedLinkStore> OpenLinkStore(CommandContext& context) {
  ORDO_TRY(store, context.OpenStore());
  auto* links = dynamic_cast<storage::LinkStore*>(store.get());
  if (links == nullptr) {
    return FailedPrecondition("this database backend does not store link analysis");
  }
  return OpenedLinkStore{std::move(store), links};
}

}  // namespace ordo::cli
