#pragma once
// The compartment rules of LinkStore::AppendGraph and SeizureStore::AppendSeizures written once,
// so every backend checks them with the same codes and messages (docs/compartments.md): a row's
// compartment is a CheckCompartmentName name, and all the rows of one case are in one
// compartment. A backend makes one CaseCompartments per batch, with a look-up of what it has
// stored, and calls Check for each row in batch order before it writes anything.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.h"

namespace ordo::storage {

class CaseCompartments {
 public:
  // The compartment the store holds case `case_id` in, or nullopt when it holds no row of it.
  using Lookup = std::function<Result<std::optional<std::string>>(const std::string& case_id)>;

  explicit CaseCompartments(Lookup stored) : stored_(std::move(stored)) {}

  // `row` names the row in messages ("entity 'p1'", "seizure 'S-1'"). kInvalidArgument
  // "ROW: compartment name ..." for a bad name; kInvalidArgument "case 'C' is in compartment
  // 'A'; ROW is in 'B'" when the store or an earlier row of the batch put the case elsewhere. A row
  // without a case only has its name checked. Remembers the case of a row that passes.
  Status Check(std::string_view row, const std::string& case_id, const std::string& compartment);

 private:
  Lookup stored_;
  std::unordered_map<std::string, std::string> seen_;  // case_id -> compartment, stored or batch
};

}  // namespace ordo::storage
