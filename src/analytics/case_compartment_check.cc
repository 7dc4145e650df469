#include "analytics/case_compartment_check.h"

#include <fmt/format.h>

namespace ordo::analytics {

Result<std::optional<std::string>> CaseCompartmentCheck::Conflict(const std::string& case_id) {
  if (case_id.empty()) return std::optional<std::string>();
  if (const auto cached = answers_.find(case_id); cached != answers_.end()) return cached->second;
  std::optional<std::string> problem;
  for (const CaseLookup& lookup : lookups_) {
    ORDO_TRY(held, lookup(case_id));
    if (held && *held != compartment_) {
      problem = fmt::format("case '{}' is in compartment '{}'; this import writes to '{}' "
                            "(--compartment)",
                            case_id, *held, compartment_);
      break;
    }
  }
  answers_.emplace(case_id, problem);
  return problem;
}

std::string SharedNodeId(std::string_view prefix, std::string_view key,
                         std::string_view compartment) {
  if (compartment == kDefaultCompartment) return fmt::format("{}{}", prefix, key);
  return fmt::format("{}:{}{}", compartment, prefix, key);
}

}  // namespace ordo::analytics
