#include "analytics/registry_view.h"

namespace ordo::analytics {

Result<CountryDirectory> LoadCountryDirectory(storage::RegistryStore& store) {
  ORDO_TRY(countries, store.ListCountries());
  if (countries.empty()) {
    return FailedPrecondition(
        "the database holds no reference data (countries); create it with `ordo init`");
  }
  return CountryDirectory(std::move(countries));
}

}  // namespace ordo::analytics
