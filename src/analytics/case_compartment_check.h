#pragma once
// What an import into a compartment checks of each case it writes (docs/compartments.md): a case
// lies in one compartment, across entities, links and seizures, so a file may add to a case only
// in the compartment the case already has. Asked before anything is written, so the import can
// name the file and line; the stores enforce the same rule again on each write
// (storage/compartment_rules.h).

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/entity.h"
#include "core/result.h"

namespace ordo::analytics {

// Where a store holds a case: its compartment, or nullopt when it holds no row of the case
// (LinkStore::FindCaseCompartment, SeizureStore::FindCaseCompartment).
using CaseLookup = std::function<Result<std::optional<std::string>>(const std::string& case_id)>;

// The compartment and marking an import gives every row it writes (--compartment, --marking).
struct ImportLabels {
  std::string compartment = std::string(kDefaultCompartment);
  Marking marking = Marking::kUnmarked;
  // Other stores of case data to ask about a case (the seizures, for a link import); may be empty.
  std::vector<CaseLookup> other_stores;
};

class CaseCompartmentCheck {
 public:
  // `lookups`: every store the case may be held in; `compartment`: where the import writes.
  CaseCompartmentCheck(std::vector<CaseLookup> lookups, std::string compartment)
      : lookups_(std::move(lookups)), compartment_(std::move(compartment)) {}

  // nullopt when rows of `case_id` may be written to the compartment ("" always may); else the
  // problem: "case 'C' is in compartment 'A'; this import writes to 'B' (--compartment)".
  // Errors: the stores'. Answers are cached per case.
  Result<std::optional<std::string>> Conflict(const std::string& case_id);

 private:
  std::vector<CaseLookup> lookups_;
  std::string compartment_;
  std::unordered_map<std::string, std::optional<std::string>> answers_;
};

// The id of the shared node (a phone, an email, an identifier made a node by an import) for
// `key` with id prefix `prefix` ("phone:") in `compartment`: "phone:+996555123456" in the default
// compartment, "osh:phone:+996555123456" in compartment "osh". So two compartments holding one
// number get a node each, and a shared node never joins the cases of two compartments.
std::string SharedNodeId(std::string_view prefix, std::string_view key,
                         std::string_view compartment);

}  // namespace ordo::analytics
