#include "storage/account_store.h"

#include <algorithm>

namespace ordo::storage {

Result<StoredAccount> CanonicalAccount(const StoredAccount& account) {
  ORDO_RETURN_IF_ERROR(CheckAccountName(account.account.name));
  StoredAccount canonical = account;
  std::vector<std::string>& compartments = canonical.account.compartments;
  for (const std::string& compartment : compartments) {
    ORDO_RETURN_IF_ERROR(CheckCompartmentName(compartment));
  }
  std::sort(compartments.begin(), compartments.end());
  compartments.erase(std::unique(compartments.begin(), compartments.end()), compartments.end());
  return canonical;
}

}  // namespace ordo::storage
