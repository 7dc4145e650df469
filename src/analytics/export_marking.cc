#include "analytics/export_marking.h"

namespace ordo::analytics {

Result<Marking> HighestStoredMarking(storage::LinkStore& store, const Visibility& visibility) {
  Marking highest = Marking::kUnmarked;
  ORDO_RETURN_IF_ERROR(store.ForEachEntity([&](const Entity& entity) {
    if (visibility.Sees(entity.compartment)) highest = MaxMarking(highest, entity.marking);
    return OkStatus();
  }));
  ORDO_RETURN_IF_ERROR(store.ForEachLink([&](const Link& link) {
    if (visibility.Sees(link.compartment)) highest = MaxMarking(highest, link.marking);
    return OkStatus();
  }));
  return highest;
}

}  // namespace ordo::analytics
