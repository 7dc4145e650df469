#include "storage/compartment_rules.h"

#include <fmt/format.h>

#include "core/account.h"

namespace ordo::storage {

Status CaseCompartments::Check(std::string_view row, const std::string& case_id,
                               const std::string& compartment) {
  if (Status name = CheckCompartmentName(compartment); !name) {
    return InvalidArgument(fmt::format("{}: {}", row, name.error().message()));
  }
  if (case_id.empty()) return OkStatus();
  auto seen = seen_.find(case_id);
  if (seen == seen_.end()) {
    ORDO_TRY(stored, stored_(case_id));
    seen = seen_.emplace(case_id, stored ? *stored : compartment).first;
  }
  if (seen->second != compartment) {
    return InvalidArgument(fmt::format("case '{}' is in compartment '{}'; {} is in '{}'",
                                          case_id, seen->second, row, compartment));
  }
  return OkStatus();
}

}  // namespace ordo::storage
