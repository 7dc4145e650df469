#pragma once
// The marking a derived output of the link store carries (docs/compartments.md): the highest
// marking of the entities and links that go into it.

#include "core/result.h"
#include "core/visibility.h"
#include "storage/link_store.h"

namespace ordo::analytics {

// The highest marking of the entities and links of `store` that `visibility` sees (kUnmarked
// when there are none). Reads every row once. Errors: the store's.
Result<Marking> HighestStoredMarking(storage::LinkStore& store, const Visibility& visibility);

}  // namespace ordo::analytics
