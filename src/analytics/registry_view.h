#pragma once
// Loads the country directory from a store: the one step every registry question starts with.

#include "analytics/country_directory.h"
#include "storage/registry_store.h"

namespace ordo::analytics {

// Errors: kFailedPrecondition when the store holds no countries (a database that was never
// initialised), or what the store returns.
Result<CountryDirectory> LoadCountryDirectory(storage::RegistryStore& store);

}  // namespace ordo::analytics
